package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Write writes files as the complete content of the folder dir, replacing
// what was there only once every file is written.
func Write(dir string, files *Files) error { return write(dir, files, osWriter{}) }

// fileWriter is the seam through which files are written, so tests can
// inject faults (a full disk, a failing file) part-way through.
type fileWriter interface {
	Mkdir(dir string) error // dir's parent exists; dir may exist already
	WriteFile(name string, data []byte) error
}

type osWriter struct{}

func (osWriter) Mkdir(dir string) error { return mkdir(dir) }

// mkdir creates dir, whose parent exists; that dir exists already is no
// error. One system call, where os.MkdirAll makes three.
func mkdir(dir string) error {
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrExist) {
		if info, serr := os.Stat(dir); serr == nil && info.IsDir() {
			return nil
		}
	}
	return err
}
func (osWriter) WriteFile(name string, data []byte) error {
	return os.WriteFile(name, data, 0o644)
}

func write(dir string, files *Files, w fileWriter) error {
	s, err := newStream(dir, Options{Clean: true, Force: true}, w, false)
	if err != nil {
		return err
	}
	for _, name := range files.Names() {
		data, _ := files.Get(name)
		if err := s.Write(name, data); err != nil {
			s.Abort()
			return err
		}
	}
	rep, err := s.Commit()
	if err == nil && rep.LeftoverErr != nil {
		return fmt.Errorf("the new output is in place, but the previous one could not be removed from %s: %w", rep.Leftover, rep.LeftoverErr)
	}
	return err
}

// swap puts the folder tmp in the place of dir. It returns the folder that
// now holds the previous output, for the caller to remove, or "" when there
// was none. On an error, dir is as it was.
func swap(tmp, dir string) (old string, err error) {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", os.Rename(tmp, dir)
	case err != nil:
		return "", err
	case !info.IsDir():
		return "", fmt.Errorf("%s exists and is not a folder: remove it or choose another --out", dir)
	}
	if err := exchange(tmp, dir); err == nil {
		return tmp, nil // tmp now holds the old output
	}
	old = tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return "", fmt.Errorf("cannot move the previous output aside: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return "", fmt.Errorf("cannot move the new output into place: %w", err)
	}
	return old, nil
}
