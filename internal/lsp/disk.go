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
	d.mu.Lock()
	list, ok := d.lists[name]
	d.mu.Unlock()
	if ok {
		return slices.Clone(list), nil
	}
	list, err := fs.ReadDir(d.fsys, name)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.lists[name] = slices.Clone(list)
	d.mu.Unlock()
	return list, nil
}

func (d *disk) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.fsys, name) }

// ReadFile returns the file's bytes, from memory when read before.
func (d *disk) ReadFile(name string) ([]byte, error) {
	d.mu.Lock()
	data, ok := d.kept[name]
	d.mu.Unlock()
	if ok {
		return slices.Clone(data), nil
	}
	data, err := fs.ReadFile(d.fsys, name)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.kept[name] = slices.Clone(data)
	d.mu.Unlock()
	return data, nil
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
