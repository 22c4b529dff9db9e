package output

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// A Stream writes a new output folder file by file, beside the current one,
// and swaps it in on Commit; Abort (or a failed Commit) leaves the current
// folder as it was. It lets a build write each page as soon as it is
// rendered instead of holding the whole site in memory. Write is safe for
// concurrent use.
type Stream struct {
	dir, tmp string
	opts     Options
	manifest bool
	w        fileWriter
	unlock   func() // releases the lock on tmp (see stale.go)

	mu    sync.Mutex
	made  map[string]bool // folders created, as slash paths inside the output ("." for its root)
	names map[string]bool // files written
	err   error           // the first write error
}

// NewStream starts a new output for dir.
func NewStream(dir string, opts Options) (*Stream, error) {
	return newStream(dir, opts, osWriter{}, true)
}

func newStream(dir string, opts Options, w fileWriter, manifest bool) (*Stream, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the output's parent folder: %w", err)
	}
	if info, err := os.Lstat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("%s exists and is not a folder: remove it or choose another --out", dir)
	}
	if err := checkMounts(dir); err != nil {
		return nil, err
	}
	if opts.Clean && !opts.Force {
		if err := checkClean(dir); err != nil {
			return nil, err
		}
	}
	removeStale(parent, base, dir)
	tmp, err := os.MkdirTemp(parent, tmpPrefix(base))
	if err != nil {
		return nil, fmt.Errorf("cannot create a folder beside %s for the new output: %w: a build writes the new site beside the output folder and swaps the two; "+
			"make %s writable, or build into a folder inside %s", dir, err, parent, dir)
	}
	unlock, ok := tryLock(tmp)
	if !ok {
		unlock = func() {}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		_ = os.RemoveAll(tmp)
		unlock()
		return nil, err
	}
	return &Stream{dir: dir, tmp: tmp, opts: opts, manifest: manifest, w: w, unlock: unlock,
		made: map[string]bool{".": true}, names: map[string]bool{}}, nil
}

// Write writes one file of the new output.
func (s *Stream) Write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return s.fail(fmt.Errorf("refusing to write %q: not a path inside the output folder", name))
	}
	full := filepath.Join(s.tmp, filepath.FromSlash(name))
	s.mu.Lock()
	if s.err != nil {
		s.mu.Unlock()
		return s.err
	}
	s.names[name] = true
	if err := s.mkdirs(path.Dir(name)); err != nil {
		s.mu.Unlock()
		return s.fail(fmt.Errorf("cannot write %s: %w", name, err))
	}
	s.mu.Unlock()
	if err := s.w.WriteFile(full, data); err != nil {
		return s.fail(fmt.Errorf("cannot write %s: %w", name, err))
	}
	return nil
}

// mkdirs creates the folder d (a slash path) inside the new output and
// any parent of it not created yet. The caller holds s.mu. The folders
// made are kept by their names inside the output, which are part of the
// files' names, kept anyway: a folder costs the map entry alone.
func (s *Stream) mkdirs(d string) error {
	if s.made[d] {
		return nil
	}
	if parent := path.Dir(d); !s.made[parent] {
		if err := s.mkdirs(parent); err != nil {
			return err
		}
	}
	if err := s.w.Mkdir(filepath.Join(s.tmp, filepath.FromSlash(d))); err != nil {
		return err
	}
	s.made[d] = true
	return nil
}

func (s *Stream) fail(err error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = err
	}
	return s.err
}

// Abort removes the new output; the current folder stays as it was.
func (s *Stream) Abort() {
	_ = os.RemoveAll(s.tmp)
	s.unlock()
}

// Commit writes the manifest, carries over the user's own files (unless
// Options.Clean) and swaps the new output in. On any error it aborts.
func (s *Stream) Commit() (Report, error) {
	var rep Report
	if s.err != nil {
		s.Abort()
		return rep, s.err
	}
	if s.manifest {
		names := make([]string, 0, len(s.names))
		for n := range s.names {
			names = append(names, n)
		}
		slices.Sort(names)
		var b bytes.Buffer
		for _, n := range names {
			b.WriteString(n + "\n")
		}
		if err := os.WriteFile(filepath.Join(s.tmp, ManifestName), b.Bytes(), 0o644); err != nil {
			s.Abort()
			return rep, fmt.Errorf("cannot write the manifest: %w", err)
		}
	}
	if s.opts.Clean {
		if err := keepModes(s.tmp, rootMode(s.dir)); err != nil {
			s.Abort()
			return rep, err
		}
	} else {
		kept, err := carryOver(s.dir, s.tmp, func(name string) bool { return s.names[name] }, s.opts.Force)
		if err != nil {
			s.Abort()
			return rep, err
		}
		rep.Kept = kept
	}
	old, err := swap(s.tmp, s.dir)
	if err != nil {
		s.Abort()
		return rep, err
	}
	s.unlock()
	// The new output is in place: from here on, nothing fails the build.
	if old != "" {
		if err := forceRemove(old); err != nil {
			rep.Leftover, rep.LeftoverErr = old, err
		}
	}
	return rep, nil
}
