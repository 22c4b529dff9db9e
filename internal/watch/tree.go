package watch

import (
	"errors"
	"io/fs"
	"strings"
)

// kind is what a path is on disk at one moment.
type kind uint8

const (
	absent kind = iota
	file        // anything that is not a folder, symbolic links included
	folder
)

// statFunc tells what a slash path relative to the site root is on disk now.
// An error other than "does not exist" is reported and the path is treated as
// absent.
type statFunc func(rel string) (kind, error)

// tree remembers every file and folder the watcher has seen, so that a batch
// can tell a new file from a changed one and list the files of a folder that
// has gone. It belongs to one goroutine.
type tree struct {
	entries map[string]kind // rel path -> file or folder
}

func newTree() *tree { return &tree{entries: make(map[string]kind)} }

// add records rel as existing with kind k, without reporting it.
func (t *tree) add(rel string, k kind) { t.entries[rel] = k }

// paths returns every path the tree holds, in no order.
func (t *tree) paths() []string {
	out := make([]string, 0, len(t.entries))
	for p := range t.entries {
		out = append(out, p)
	}
	return out
}

// reconcile brings the tree up to date for the given paths, whose state may
// have changed, and returns the net changes to files, sorted by path. Each
// path is looked at once, with stat, after the burst is over.
func (t *tree) reconcile(dirty []string, stat statFunc) ([]Change, []error) {
	byPath := make(map[string]Op)
	var errs []error
	report := func(rel string, op Op) {
		if prev, ok := byPath[rel]; ok {
			if op, ok = then(prev, op); !ok {
				delete(byPath, rel)
				return
			}
		}
		byPath[rel] = op
	}
	for _, rel := range dirty {
		now, err := stat(rel)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
		before, known := t.entries[rel]
		if !known {
			before = absent
		}
		if before == folder && now != folder {
			t.forget(rel, report)
		}
		switch {
		case now == absent && before == file:
			report(rel, Remove)
		case now == file && before == file:
			report(rel, Write)
		case now == file:
			report(rel, Create)
		case now == folder && before == file:
			report(rel, Remove)
		}
		if now == absent {
			delete(t.entries, rel)
		} else {
			t.entries[rel] = now
		}
	}
	out := make([]Change, 0, len(byPath))
	for p, op := range byPath {
		out = append(out, Change{Path: p, Op: op})
	}
	sortChanges(out)
	return out, errs
}

// forget drops everything below the folder dir, reporting a Remove for each
// file it held.
func (t *tree) forget(dir string, report func(string, Op)) {
	prefix := dir + "/"
	for p, k := range t.entries {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		if k == file {
			report(p, Remove)
		}
		delete(t.entries, p)
	}
}
