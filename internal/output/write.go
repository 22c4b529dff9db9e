package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Write writes files as the complete content of the folder dir, replacing
// what was there only once every file is written.
func Write(dir string, files *Files) error { return write(dir, files, osWriter{}) }

// fileWriter is the seam through which files are written, so tests can
// inject faults (a full disk, a failing file) part-way through.
type fileWriter interface {
	MkdirAll(dir string) error
	WriteFile(name string, data []byte) error
}

type osWriter struct{}

func (osWriter) MkdirAll(dir string) error { return os.MkdirAll(dir, 0o755) }
func (osWriter) WriteFile(name string, data []byte) error {
	return os.WriteFile(name, data, 0o644)
}

func write(dir string, files *Files, w fileWriter) error {
	return writeWith(dir, files, w, nil)
}

// writeWith writes the new tree into a fresh folder, lets before add to it,
// and swaps it in.
func writeWith(dir string, files *Files, w fileWriter, before func(tmp string) error) error {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create the output's parent folder: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return fmt.Errorf("cannot create a folder beside %s for the new output: %w", dir, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	if err := writeTree(tmp, files, w); err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	if before != nil {
		if err := before(tmp); err != nil {
			_ = os.RemoveAll(tmp)
			return err
		}
	}
	if err := swap(tmp, dir); err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	return nil
}

// writeTree writes every file under root, creating folders once each.
func writeTree(root string, files *Files, w fileWriter) error {
	made := map[string]bool{}
	for _, name := range files.Names() {
		if !fs.ValidPath(name) || strings.Contains(name, `\`) {
			return fmt.Errorf("refusing to write %q: not a path inside the output folder", name)
		}
		full := filepath.Join(root, filepath.FromSlash(name))
		if d := filepath.Dir(full); !made[d] {
			if err := w.MkdirAll(d); err != nil {
				return fmt.Errorf("cannot write %s: %w", name, err)
			}
			made[d] = true
		}
		data, _ := files.Get(name)
		if err := w.WriteFile(full, data); err != nil {
			return fmt.Errorf("cannot write %s: %w", name, err)
		}
	}
	return nil
}

// swap puts the folder tmp in the place of dir and removes the old dir.
func swap(tmp, dir string) error {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(tmp, dir)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s exists and is not a folder: remove it or choose another --out", dir)
	}
	if err := exchange(tmp, dir); err == nil {
		return os.RemoveAll(tmp) // tmp now holds the old output
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("cannot move the previous output aside: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return fmt.Errorf("cannot move the new output into place: %w", err)
	}
	return os.RemoveAll(old)
}
