package build

import (
	"errors"
	"io/fs"
	"maps"
	"slices"
)

// overlay reads from top, and from bottom where top has no such file.
// Folders are merged. Only a name missing from top falls through: any
// other failure to read top (a link leading out of the site, a file that
// cannot be read) is the answer, so that a problem in the site's own file
// is reported rather than hidden behind the default it would replace.
type overlay struct{ top, bottom fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.bottom.Open(name)
	}
	if err != nil {
		return nil, err
	}
	if st, serr := f.Stat(); serr == nil && !st.IsDir() {
		return f, nil
	}
	// A folder: the bottom's if it has one (ReadDir merges both), else the top's.
	if g, berr := o.bottom.Open(name); berr == nil {
		_ = f.Close()
		return g, nil
	}
	return f, nil
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	st, err := fs.Stat(o.top, name)
	if errors.Is(err, fs.ErrNotExist) {
		return fs.Stat(o.bottom, name)
	}
	return st, err
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	st, err := fs.Stat(o.top, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fs.ReadFile(o.bottom, name)
	case err != nil:
		return nil, err
	case st.IsDir():
		return fs.ReadFile(o.bottom, name)
	}
	return fs.ReadFile(o.top, name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	if errA != nil && !errors.Is(errA, fs.ErrNotExist) {
		return nil, errA
	}
	b, errB := fs.ReadDir(o.bottom, name)
	if errA != nil && errB != nil {
		return nil, errors.Join(errA, errB)
	}
	merged := map[string]fs.DirEntry{}
	for _, e := range b {
		merged[e.Name()] = e
	}
	for _, e := range a {
		merged[e.Name()] = e
	}
	out := make([]fs.DirEntry, 0, len(merged))
	for _, k := range slices.Sorted(maps.Keys(merged)) {
		out = append(out, merged[k])
	}
	return out, nil
}
