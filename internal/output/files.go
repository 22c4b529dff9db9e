package output

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Files is a built site: file contents by slash path relative to the output
// folder, with the origin of each for collision reports.
type Files struct {
	data   map[string][]byte
	origin map[string]string
	below  map[string]int // folder -> how many files are inside it
	// folded maps each name holding a letter that lower-casing changes to
	// that name: two names that differ in case alone are one file on a
	// case-insensitive host (macOS, Windows, some object stores).
	folded map[string]string
}

// NewFiles returns an empty set.
func NewFiles() *Files { return NewFilesFor(0) }

// NewFilesFor returns an empty set with room for n files, so that adding
// a site's files one by one does not grow its tables again and again (a
// rebuild knows how many the last build had).
func NewFilesFor(n int) *Files {
	return &Files{data: make(map[string][]byte, n), origin: make(map[string]string, n), below: make(map[string]int, n), folded: map[string]string{}}
}

// Add adds a file. origin says what produced it ("content/roles/x.md",
// "static/css/site.css", "sitemap"), for the error when two sources produce
// the same path, or when one writes a file where another needs a folder
// (a section named feed.xml beside the feed); on a collision (a
// *CollisionError) the first file is kept and the second is not added.
func (f *Files) Add(name string, data []byte, origin string) error {
	if err := f.Check(name, origin); err != nil {
		return err
	}
	f.Set(name, data, origin)
	return nil
}

// Check returns the error Add would return for a file name from origin,
// without adding it.
func (f *Files) Check(name, origin string) error {
	if prev, ok := f.origin[name]; ok {
		return &CollisionError{Name: name, First: prev, Second: origin,
			msg: fmt.Sprintf("%s and %s both write %s", prev, origin, name)}
	}
	if other := f.caseTwin(name); other != "" {
		return &CollisionError{Name: name, First: f.origin[other], Second: origin,
			msg: fmt.Sprintf("%s and %s write %s and %s, which differ only in case: on a case-insensitive host they are one file", f.origin[other], origin, other, name)}
	}
	if f.below[name] > 0 {
		inner := f.nameBelow(name)
		return &CollisionError{Name: name, First: f.origin[inner], Second: origin,
			msg: fmt.Sprintf("%s writes the file %s, where %s writes into a folder of that name (%s)", origin, name, f.origin[inner], inner)}
	}
	for dir := parent(name); dir != ""; dir = parent(dir) {
		if prev, ok := f.origin[dir]; ok {
			return &CollisionError{Name: name, First: prev, Second: origin,
				msg: fmt.Sprintf("%s writes %s, inside a folder %s, where %s writes the file %s", origin, name, dir, prev, dir)}
		}
	}
	return nil
}

// caseTwin returns the file already in f whose name differs from name in
// case alone, or "". A name that lower-casing leaves as it is (nearly all
// of a build's) costs one lookup in a map that is nearly always empty.
func (f *Files) caseTwin(name string) string {
	lower := strings.ToLower(name)
	if lower == name {
		return f.folded[name]
	}
	if _, ok := f.data[lower]; ok {
		return lower
	}
	if other, ok := f.folded[lower]; ok && other != name {
		return other
	}
	return ""
}

// A CollisionError is two sources that write the same output path, or a
// file and a folder of the same name.
type CollisionError struct {
	Name          string // the path the second source wanted
	First, Second string // the two origins, in the order they were added
	msg           string
}

func (e *CollisionError) Error() string { return e.msg }

// nameBelow returns the first file, by name, inside the folder dir.
func (f *Files) nameBelow(dir string) string {
	first := ""
	for name := range f.origin {
		if strings.HasPrefix(name, dir+"/") && (first == "" || name < first) {
			first = name
		}
	}
	return first
}

// Get returns a file's content.
func (f *Files) Get(name string) ([]byte, bool) {
	d, ok := f.data[name]
	return d, ok
}

// Origin returns what produced a file.
func (f *Files) Origin(name string) string { return f.origin[name] }

// Names returns every path, sorted.
func (f *Files) Names() []string { return slices.Sorted(maps.Keys(f.data)) }

// Len is the number of files.
func (f *Files) Len() int { return len(f.data) }

// Changed returns the sorted paths that differ between two builds: added,
// removed or with other content. A nil old set means everything changed.
func Changed(old, cur *Files) []string {
	if old == nil {
		return cur.Names()
	}
	var out []string
	for name, data := range cur.data {
		if prev, ok := old.data[name]; !ok || !bytes.Equal(prev, data) {
			out = append(out, name)
		}
	}
	for name := range old.data {
		if _, ok := cur.data[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Clone returns a copy of the set that can be changed without changing f.
// File contents are shared: they are never modified in place.
func (f *Files) Clone() *Files {
	return &Files{data: maps.Clone(f.data), origin: maps.Clone(f.origin), below: maps.Clone(f.below), folded: maps.Clone(f.folded)}
}

// Set adds or replaces a file.
func (f *Files) Set(name string, data []byte, origin string) {
	if _, ok := f.data[name]; !ok {
		f.count(name, 1)
		if lower := strings.ToLower(name); lower != name {
			f.folded[lower] = name
		}
	}
	f.data[name] = data
	f.origin[name] = origin
}

// Delete removes a file.
func (f *Files) Delete(name string) {
	if _, ok := f.data[name]; ok {
		f.count(name, -1)
		if lower := strings.ToLower(name); lower != name && f.folded[lower] == name {
			delete(f.folded, lower)
		}
	}
	delete(f.data, name)
	delete(f.origin, name)
}

// count adds n to the count of files below each folder above name.
func (f *Files) count(name string, n int) {
	for dir := parent(name); dir != ""; dir = parent(dir) {
		if f.below[dir] += n; f.below[dir] == 0 {
			delete(f.below, dir)
		}
	}
}

// parent is the folder that holds the slash path name, or "" for a name
// at the top (or "/"). A loop over it, not an iterator: Add runs once per
// file of a build and should allocate nothing of its own.
func parent(name string) string {
	i := strings.LastIndexByte(name, '/')
	if i <= 0 {
		return ""
	}
	return name[:i]
}
