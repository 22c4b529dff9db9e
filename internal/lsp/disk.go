package lsp

import (
	"io/fs"
	"path"
	"slices"
	"sync"
)

// disk is the site folder with the files and folder listings read so far
// kept in memory: a keystroke reads nothing from disk. forget drops what
// the watcher, a save or a close says changed, with the listings of the
// folders holding it.
type disk struct {
	fsys  fs.FS
	mu    sync.Mutex
	kept  map[string][]byte
	lists map[string][]fs.DirEntry
}

func newDisk(fsys fs.FS) *disk {
	return &disk{fsys: fsys, kept: map[string][]byte{}, lists: map[string][]fs.DirEntry{}}
}

func (d *disk) Open(name string) (fs.File, error) { return d.fsys.Open(name) }

// ReadDir lists a folder, from memory when listed before.
func (d *disk) ReadDir(name string) ([]fs.DirEntry, error) {
	return remember(d, d.lists, name, func() ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) })
}

func (d *disk) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.fsys, name) }

// ReadFile returns the file's bytes, from memory when read before.
func (d *disk) ReadFile(name string) ([]byte, error) {
	return remember(d, d.kept, name, func() ([]byte, error) { return fs.ReadFile(d.fsys, name) })
}

// remember returns a copy of what m keeps for name, loading and keeping
// it first when m has none.
func remember[T any](d *disk, m map[string][]T, name string, load func() ([]T, error)) ([]T, error) {
	d.mu.Lock()
	v, ok := m[name]
	d.mu.Unlock()
	if ok {
		return slices.Clone(v), nil
	}
	v, err := load()
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	m[name] = slices.Clone(v)
	d.mu.Unlock()
	return v, nil
}

// forget drops the named files and the listings of their folders, or
// everything when names is nil.
func (d *disk) forget(names []string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if names == nil {
		d.kept, d.lists = map[string][]byte{}, map[string][]fs.DirEntry{}
		return
	}
	for _, n := range names {
		delete(d.kept, n)
		for dir := n; dir != "."; {
			dir = path.Dir(dir)
			delete(d.lists, dir)
		}
	}
}
