package output

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
)

// Files is a built site: file contents by slash path relative to the output
// folder, with the origin of each for collision reports.
type Files struct {
	data   map[string][]byte
	origin map[string]string
}

// NewFiles returns an empty set.
func NewFiles() *Files {
	return &Files{data: map[string][]byte{}, origin: map[string]string{}}
}

// Add adds a file. origin says what produced it ("content/roles/x.md",
// "static/css/site.css", "sitemap"), for the error when two sources produce
// the same path; on such a collision the first file is kept.
func (f *Files) Add(name string, data []byte, origin string) error {
	if prev, ok := f.origin[name]; ok {
		return fmt.Errorf("%s and %s both write %s", prev, origin, name)
	}
	f.data[name] = data
	f.origin[name] = origin
	return nil
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
	return &Files{data: maps.Clone(f.data), origin: maps.Clone(f.origin)}
}

// Set adds or replaces a file.
func (f *Files) Set(name string, data []byte, origin string) {
	f.data[name] = data
	f.origin[name] = origin
}

// Delete removes a file.
func (f *Files) Delete(name string) {
	delete(f.data, name)
	delete(f.origin, name)
}
