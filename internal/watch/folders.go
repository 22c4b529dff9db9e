package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// watchTree adds a watch on the folder rel and every folder below it, and
// calls visit for each file and folder found, rel included. A watch is in
// place on a folder before its entries are read, so a file created meanwhile
// is either found or reported by an event. Folders that vanish while being
// walked are skipped; other failures are reported and skipped.
func (w *Watcher) watchTree(rel string, visit func(rel string, k kind)) error {
	start := w.abs(rel)
	return filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.report(fmt.Errorf("watch: %w", err))
			}
			if d != nil && d.IsDir() && p != start {
				return filepath.SkipDir
			}
			return nil
		}
		r, ok := w.rel(p)
		if !ok || ignoredPath(r) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			visit(r, file)
			return nil
		}
		if err := w.fsw.Add(p); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.report(fmt.Errorf("watch: %s: %w", r, err))
			}
			return filepath.SkipDir
		}
		w.watched[r] = true
		visit(r, folder)
		return nil
	})
}

// unwatch handles a path that was removed or renamed away. If it was a
// folder, the watches on it and below it are dropped (a renamed folder keeps
// its watches in the kernel, under the old names), and every file known below
// it is marked dirty, so the batch reports it gone or, if a folder of the
// same name has taken its place, changed.
func (w *Watcher) unwatch(rel string, paths chan<- string) {
	if !w.watched[rel] && w.tree.entries[rel] != folder {
		return
	}
	prefix := rel + "/"
	for d := range w.watched {
		if d == rel || strings.HasPrefix(d, prefix) {
			_ = w.fsw.Remove(w.abs(d)) // already gone when the folder was deleted
			delete(w.watched, d)
		}
	}
	for p := range w.tree.entries {
		if strings.HasPrefix(p, prefix) {
			paths <- p
		}
	}
}

// rescan recovers from lost events: it re-adds every watch and marks every
// known and every present path dirty.
func (w *Watcher) rescan(paths chan<- string) {
	for _, p := range w.tree.paths() {
		paths <- p
	}
	for d := range w.dirs {
		_ = w.watchTree(d, func(p string, _ kind) { paths <- p })
	}
}

// stat is the statFunc for the real file system. It does not follow
// symbolic links.
func (w *Watcher) stat(rel string) (kind, error) {
	fi, err := os.Lstat(w.abs(rel))
	switch {
	case err != nil:
		return absent, err
	case fi.IsDir():
		return folder, nil
	}
	return file, nil
}

// rel turns an absolute file system path below the root into a slash path
// relative to it; "." is the root itself.
func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func (w *Watcher) abs(rel string) string {
	return filepath.Join(w.root, filepath.FromSlash(rel))
}
