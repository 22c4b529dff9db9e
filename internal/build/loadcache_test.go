package build

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite/internal/sitefiles"
)

// TestLoadCacheUpdateKeepsTheSet: the list of content files after a
// rebuild's changes is the set a fresh look at each changed path gives,
// sorted, and the files to read again are the changed pages that are
// there, starting from a walk's list as load sorts it: pages
// written, added, removed, removed when never there, listed twice, and
// changes that are not pages, in folders whose names sort apart from
// their paths ("a" and "a-b").
func TestLoadCacheUpdateKeepsTheSet(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 18))
	folders := []string{"content/", "content/a/", "content/a-b/", "content/a/b/", "content/a.b/", "content/é/"}
	name := func() string {
		ext := ".md"
		if r.IntN(8) == 0 {
			ext = ".txt"
		}
		return folders[r.IntN(len(folders))] + fmt.Sprintf("p%d", r.IntN(40)) + ext
	}
	src := fstest.MapFS{"content/_index.md": {Data: []byte("---\ntitle: T\n---\n")}}
	for range 60 {
		src[name()] = &fstest.MapFile{Data: []byte("x")}
	}
	c := newLoadCache(nil)
	if walked, _ := walkContent(src); slices.IsSorted(walked) {
		t.Fatal("the walk's list is sorted already: the test would not see it sorted")
	}
	c.names, c.notes = walkSorted(src) // as load starts the list
	for step := range 200 {
		var changed []string
		for range 1 + r.IntN(6) {
			n := name()
			switch r.IntN(3) {
			case 0:
				delete(src, n)
			default:
				src[n] = &fstest.MapFile{Data: []byte(fmt.Sprint(step))}
			}
			changed = append(changed, n)
			if r.IntN(5) == 0 {
				changed = append(changed, n)
			}
		}
		want, wantReread := updateBySet(src, c.names, changed)
		names, reread := c.update(src, changed)
		if !slices.Equal(names, want) {
			t.Fatalf("step %d, changed %q:\n got %q\nwant %q", step, changed, names, want)
		}
		if !maps.Equal(reread, wantReread) {
			t.Fatalf("step %d, changed %q: read again %v, want %v", step, changed, reread, wantReread)
		}
		c.names = names
	}
}

// updateBySet is what update did before it kept its list sorted: a set of
// every name, changed, made a sorted list again.
func updateBySet(src fs.FS, old, changed []string) ([]string, map[string]bool) {
	set := map[string]bool{}
	for _, n := range old {
		set[n] = true
	}
	reread := map[string]bool{}
	for _, n := range changed {
		if !sitefiles.IsPage(n) {
			continue
		}
		if st, err := fs.Stat(src, n); err == nil && !st.IsDir() || err != nil && !errors.Is(err, fs.ErrNotExist) {
			set[n], reread[n] = true, true
		} else {
			delete(set, n)
		}
	}
	return slices.Sorted(maps.Keys(set)), reread
}
