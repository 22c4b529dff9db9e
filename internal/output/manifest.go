package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ManifestName is the file, in the output folder, listing every file the
// last build wrote. A build that replaces the folder carries over the files
// it does not list — a CNAME, a verification file the user put there — and
// drops the ones it lists but no longer writes.
const ManifestName = ".rolesite-manifest"

// Options change how Publish treats what is already in the folder.
type Options struct {
	// Clean drops everything in the folder, the user's own files as well.
	Clean bool
}

// A Report says what Publish did besides writing the site.
type Report struct {
	Kept []string // the user's own files carried over, slash paths
}

// Publish writes files as the new content of dir (see Stream), with a
// manifest, carrying over files in dir that no build wrote unless
// opts.Clean. A file of the user's that the new build also writes is
// replaced by the build's.
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
// list (all of them when it has none) and that the new build does not write.
func carryOver(dir, tmp string, ours func(string) bool) ([]string, error) {
	written := map[string]bool{ManifestName: true}
	if data, err := os.ReadFile(filepath.Join(dir, ManifestName)); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			written[sc.Text()] = true
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("cannot read the previous manifest: %w", err)
	}
	var kept []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() || rel == "." {
			return nil
		}
		if written[rel] {
			return nil
		}
		if ours(rel) || strings.HasPrefix(rel, ManifestName) {
			return nil
		}
		dst := filepath.Join(tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			kept = append(kept, rel)
			return os.Symlink(target, dst)
		}
		// A hard link costs nothing and shares the bytes; copy when the
		// file system refuses.
		if err := os.Link(p, dst); err != nil {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			info, _ := d.Info()
			mode := fs.FileMode(0o644)
			if info != nil {
				mode = info.Mode().Perm()
			}
			if err := os.WriteFile(dst, data, mode); err != nil {
				return err
			}
		}
		kept = append(kept, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot carry over the files in %s that rolesite did not write: %w", dir, err)
	}
	return kept, nil
}
