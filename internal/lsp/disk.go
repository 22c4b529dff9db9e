package lsp

import (
	"io/fs"
	"slices"
	"sync"
)

// disk is the site folder with the files read so far kept in memory: a
// keystroke reads no file from disk. forget drops what the watcher says
// changed. Listing folders goes to the disk every time (it is cheap, and
// it finds new files).
type disk struct {
	fsys fs.FS
	mu   sync.Mutex
	kept map[string][]byte
}

func newDisk(fsys fs.FS) *disk { return &disk{fsys: fsys, kept: map[string][]byte{}} }

func (d *disk) Open(name string) (fs.File, error) { return d.fsys.Open(name) }

func (d *disk) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }

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

// forget drops the named files, or every file when names is nil.
func (d *disk) forget(names []string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if names == nil {
		d.kept = map[string][]byte{}
		return
	}
	for _, n := range names {
		delete(d.kept, n)
	}
}
