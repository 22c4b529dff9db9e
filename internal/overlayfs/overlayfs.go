package overlayfs

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// FS is base with files laid over it.
type FS struct {
	base  fs.FS
	files map[string][]byte // by slash path, as fs.ValidPath
	dirs  map[string][]string
}

// New returns base with files (slash paths relative to base's root) laid
// over it.
func New(base fs.FS, files map[string][]byte) FS {
	dirs := map[string][]string{}
	for name := range files {
		for d := name; d != "."; {
			parent, base := path.Dir(d), path.Base(d)
			if !slices.Contains(dirs[parent], base) {
				dirs[parent] = append(dirs[parent], base)
			}
			d = parent
		}
	}
	return FS{base: base, files: files, dirs: dirs}
}

// Open opens name from the overlay, or else from the base.
func (o FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := o.files[name]; ok {
		return &file{Reader: bytes.NewReader(data), info: info{name: path.Base(name), size: int64(len(data))}}, nil
	}
	if _, ok := o.dirs[name]; ok {
		entries, err := o.ReadDir(name)
		if err != nil {
			return nil, err
		}
		return &dir{info: info{name: path.Base(name), dir: true}, entries: entries}, nil
	}
	return o.base.Open(name)
}

// ReadFile returns the overlay's text of name, or else the base's.
func (o FS) ReadFile(name string) ([]byte, error) {
	if data, ok := o.files[name]; ok {
		return slices.Clone(data), nil
	}
	return fs.ReadFile(o.base, name)
}

// Stat describes name.
func (o FS) Stat(name string) (fs.FileInfo, error) {
	if data, ok := o.files[name]; ok {
		return info{name: path.Base(name), size: int64(len(data))}, nil
	}
	if _, ok := o.dirs[name]; ok {
		if st, err := fs.Stat(o.base, name); err == nil && st.IsDir() {
			return st, nil
		}
		return info{name: path.Base(name), dir: true}, nil
	}
	return fs.Stat(o.base, name)
}

// ReadDir lists the base's folder with the overlay's files and folders
// added, sorted by name.
func (o FS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	extra, ours := o.dirs[name]
	if err != nil && (!ours || !errors.Is(err, fs.ErrNotExist)) {
		return nil, err
	}
	for _, base := range extra {
		full := path.Join(name, base)
		if name == "." {
			full = base
		}
		i := slices.IndexFunc(entries, func(e fs.DirEntry) bool { return e.Name() == base })
		if _, isFile := o.files[full]; isFile {
			e := fs.FileInfoToDirEntry(info{name: base, size: int64(len(o.files[full]))})
			if i >= 0 {
				entries[i] = e
			} else {
				entries = append(entries, e)
			}
		} else if i < 0 {
			entries = append(entries, fs.FileInfoToDirEntry(info{name: base, dir: true}))
		}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// info describes a file or folder of the overlay.
type info struct {
	name string
	size int64
	dir  bool
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return i.dir }
func (i info) Sys() any           { return nil }
func (i info) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type file struct {
	*bytes.Reader
	info info
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return nil }

type dir struct {
	info    info
	entries []fs.DirEntry
	read    int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Close() error               { return nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}

// ReadDir lists the folder's entries, n at a time when n > 0.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.read += len(rest)
	return rest, nil
}
