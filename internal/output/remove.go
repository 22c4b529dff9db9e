package output

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rolesite/rolesite/internal/pool"
)

// removeTree removes dir and everything in it, as os.RemoveAll does, with
// a worker per core: a site is thousands of small folders (a page is a
// folder holding index.html), and removing the previous output after the
// swap is the last thing a build waits for.
func removeTree(dir string) error {
	// The folders two levels down (roles/data-scientist/) are the units of
	// work; what sits higher is removed once they are gone.
	var units []string
	top, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	for _, e := range top {
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			units = append(units, p)
			continue
		}
		sub, err := os.ReadDir(p)
		if err != nil {
			units = append(units, p)
			continue
		}
		for _, s := range sub {
			units = append(units, filepath.Join(p, s.Name()))
		}
	}
	errs := make([]error, len(units))
	pool.Each(context.Background(), len(units), func(_, i int) { errs[i] = os.RemoveAll(units[i]) })
	// What is left (the emptied folders, or whatever failed) goes the
	// usual way, which also reports what cannot be removed.
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// forceRemove removes dir as removeTree does and, should that fail, makes
// every folder left in it writable (a folder a user made read-only cannot
// be emptied) and tries once more. It is for folders the build owns: the
// previous output after a swap, or a stale one a dead build left.
func forceRemove(dir string) error {
	if err := removeTree(dir); err == nil {
		return nil
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = os.Chmod(p, 0o700)
		}
		return nil
	})
	return os.RemoveAll(dir)
}
