package sitefs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

var errIsDir = errors.New("is a directory")

// ErrOutside is matched (errors.Is) by the error for a name whose symbolic
// links lead outside the site folder.
var ErrOutside = errors.New("points outside the site folder")

// ErrNotRegular is matched by the error for a name that is neither a
// folder nor a regular file.
var ErrNotRegular = errors.New("not a regular file or folder")

// An OutsideError says where a symbolic link in the site leads.
type OutsideError struct {
	Name   string // slash path, relative to the site folder
	Target string // the absolute path the link resolves to
}

func (e *OutsideError) Error() string {
	return fmt.Sprintf("%s is a symbolic link to %s, which is outside the site folder", e.Name, e.Target)
}

// Is makes an OutsideError match ErrOutside.
func (e *OutsideError) Is(target error) bool { return target == ErrOutside }

// FS is a site folder, confined to itself. It implements fs.FS,
// fs.StatFS, fs.ReadFileFS, fs.ReadDirFS and fs.ReadLinkFS.
type FS struct {
	root *os.Root
	dir  string // the folder, resolved through symbolic links
}

// Open opens the folder dir. The caller closes it.
func Open(dir string) (*FS, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	real, err = filepath.Abs(real)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return nil, err
	}
	return &FS{root: root, dir: real}, nil
}

// Dir is the folder, resolved through symbolic links.
func (f *FS) Dir() string { return f.dir }

// Close releases the folder.
func (f *FS) Close() error { return f.root.Close() }

// Open opens a folder or a regular file of the site.
func (f *FS) Open(name string) (fs.File, error) {
	file, err := f.open(name)
	if err != nil {
		return nil, err
	}
	return file, nil
}

func (f *FS) open(name string) (*os.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	// O_NONBLOCK: opening a named pipe must not wait for a writer; it
	// changes nothing for folders and regular files.
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		inside, err := f.explain("open", name, err)
		if inside == "" {
			return nil, err
		}
		if file, err = f.root.OpenFile(inside, os.O_RDONLY|syscall.O_NONBLOCK, 0); err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
		}
	}
	st, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if !st.IsDir() && !st.Mode().IsRegular() {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return file, nil
}

// Stat describes name, following symbolic links that stay in the site.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	st, err := f.root.Stat(name)
	if err != nil {
		inside, err := f.explain("stat", name, err)
		if inside == "" {
			return nil, err
		}
		if st, err = f.root.Stat(inside); err != nil {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: unwrapPath(err)}
		}
	}
	return st, nil
}

// ReadFile reads a regular file of the site.
func (f *FS) ReadFile(name string) ([]byte, error) { return f.ReadFileLimit(name, -1) }

// ReadFileLimit reads a regular file of the site, no more than its first
// limit bytes when limit is not negative: one open, where a check that it
// is a regular file and a read would take a lookup of its name each.
func (f *FS) ReadFileLimit(name string, limit int64) ([]byte, error) {
	file, err := f.open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if st.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	size := st.Size()
	var r io.Reader = file
	if limit >= 0 {
		size, r = min(size, limit), io.LimitReader(file, limit)
	}
	var b bytes.Buffer
	b.Grow(int(size) + bytes.MinRead)
	if _, err := b.ReadFrom(r); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return b.Bytes(), nil
}

// ReadDir lists a folder of the site, sorted by name.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	entries, err := file.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// explain looks into why os.Root refused name. A link whose target leaves
// the folder gives an OutsideError naming the target. os.Root also refuses
// links that stay inside by a way it does not follow (an absolute target,
// or ".." above the folder and back in): for those explain returns the
// slash path inside the folder that name resolves to, to be opened instead.
// Other errors pass as they are.
func (f *FS) explain(op, name string, err error) (inside string, _ error) {
	if errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if target, ok := f.outside(name); ok {
		return "", &fs.PathError{Op: op, Path: name, Err: &OutsideError{Name: name, Target: target}}
	}
	real, rerr := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(name)))
	if rerr != nil {
		return "", err
	}
	rel, rerr := filepath.Rel(f.dir, real)
	if rerr != nil || !Within(f.dir, real) {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

// unwrapPath is the error inside a *fs.PathError, or err.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// outside finds the first symbolic link on the way to name whose target
// is outside the folder, and returns that target.
func (f *FS) outside(name string) (string, bool) {
	p := f.dir
	for _, part := range strings.Split(name, "/") {
		p = filepath.Join(p, part)
		st, err := os.Lstat(p)
		if err != nil {
			return "", false
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, err := filepath.EvalSymlinks(p)
		if err != nil { // a dangling link: say where it points
			link, rerr := os.Readlink(p)
			if rerr != nil {
				return "", false
			}
			if !filepath.IsAbs(link) {
				link = filepath.Join(filepath.Dir(p), link)
			}
			target = filepath.Clean(link)
		}
		if !Within(f.dir, target) {
			return target, true
		}
	}
	return "", false
}

// Within reports whether the absolute, clean path p is dir or inside it.
func Within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Problem words the error as a build reports it, with what to do.
func (e *OutsideError) Problem() string {
	return "points outside the site: it is a symbolic link to " + e.Target +
		", and a build reads nothing outside the site folder; copy the file into the site, or remove the link"
}

// Lstat describes name without following it if it is a symbolic link
// (the links on the way to it are followed, inside the site only).
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrInvalid}
	}
	return f.root.Lstat(name)
}

// ReadLink returns the target of the symbolic link name, as written.
func (f *FS) ReadLink(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return f.root.Readlink(name)
}
