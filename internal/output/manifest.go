package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ManifestName is the file, in the output folder, listing every file the
// last build wrote. A build that replaces the folder carries over the files
// it does not list — a CNAME, a verification file the user put there — and
// drops the ones it lists but no longer writes.
const ManifestName = ".rolesite-manifest"

// Options change how Publish treats what is already in the folder (see
// owner.go for whose files are whose).
type Options struct {
	// Clean drops everything in the folder, the user's own files as well.
	// Without Force, only a folder that is rolesite's may be cleaned.
	Clean bool
	// Force lets Clean empty a folder that is not rolesite's, and lets the
	// build replace files of the user's that it writes too.
	Force bool
}

// A Report says what Publish did besides writing the site.
type Report struct {
	Kept []string // the user's own files carried over, slash paths
	// Leftover, when set, is the folder holding the previous output, which
	// could not be removed after the new output went in; LeftoverErr says
	// why. The new output is in place all the same.
	Leftover    string
	LeftoverErr error
}

// Publish writes files as the new content of dir (see Stream), with a
// manifest, carrying over files in dir that no build wrote unless
// opts.Clean. A file of the user's that the new build also writes is an
// OwnerError unless opts.Force.
func Publish(dir string, files *Files, opts Options) (Report, error) {
	s, err := NewStream(dir, opts)
	if err != nil {
		return Report{}, err
	}
	for _, name := range files.Names() {
		data, _ := files.Get(name)
		if err := s.Write(name, data); err != nil {
			s.Abort()
			return Report{}, err
		}
	}
	return s.Commit()
}

// carryOver copies into tmp the files of dir that its manifest does not
// list (all of them when it has none) and that the new build does not
// write, and gives each folder of tmp the mode its namesake in dir has.
// A file of the user's that the new build writes is an OwnerError, unless
// force: then the build's replaces it.
func carryOver(dir, tmp string, ours func(string) bool, force bool) ([]string, error) {
	written, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	var kept, clash []string
	var folders []folderMode
	// A folder that holds nothing is the user's (a build makes none): it
	// is made again in the new output, as their files are carried.
	holds := map[string]bool{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		holds[path.Dir(rel)] = true
		if d.IsDir() {
			if info, err := d.Info(); err == nil {
				folders = append(folders, folderMode{rel, info.Mode().Perm()})
			}
			return nil
		}
		if written[rel] || strings.HasPrefix(rel, ManifestName) {
			return nil
		}
		if ours(rel) {
			if !force {
				clash = append(clash, rel)
			}
			return nil
		}
		if err := carry(p, filepath.Join(tmp, filepath.FromSlash(rel)), d); err != nil {
			return err
		}
		kept = append(kept, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot carry over the files in %s that rolesite did not write: %w", dir, err)
	}
	if len(clash) > 0 {
		more := len(clash) > listedUser
		return nil, &OwnerError{Dir: dir, Files: clash[:min(len(clash), listedUser)], More: more}
	}
	for _, f := range folders {
		if f.rel != "." && !holds[f.rel] {
			if err := os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(f.rel)), 0o755); err != nil {
				return nil, fmt.Errorf("cannot carry over the empty folder %s: %w", f.rel, err)
			}
			kept = append(kept, f.rel+"/")
		}
	}
	return kept, keepModes(tmp, folders)
}

// readManifest returns the set of files the last build wrote in dir
// (with the manifest itself), empty when it left none.
func readManifest(dir string) (map[string]bool, error) {
	written := map[string]bool{ManifestName: true}
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return written, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the previous manifest: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		written[sc.Text()] = true
	}
	return written, nil
}

// carry puts the file or link src at dst, in a folder made as needed: a
// hard link where the file system allows (it costs nothing and shares the
// bytes), else a copy with the same mode.
func carry(src, dst string, d fs.DirEntry) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if d.Type()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	}
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := d.Info(); err == nil {
		mode = info.Mode().Perm()
	}
	return os.WriteFile(dst, data, mode)
}
