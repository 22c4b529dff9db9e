package output

import (
	"strings"
	"testing"
)

// TestFileFolderCollision: a file where another source writes into a
// folder of the same name, in either order and at any depth, is a
// collision naming both sources; the first comer is kept.
func TestFileFolderCollision(t *testing.T) {
	for _, tc := range []struct {
		first, second [2]string // name, origin
	}{
		{[2]string{"feed.xml/index.html", "content/feed.xml/_index.md"}, [2]string{"feed.xml", "the generated feed.xml"}},
		{[2]string{"feed.xml", "the generated feed.xml"}, [2]string{"feed.xml/index.html", "content/feed.xml/_index.md"}},
		{[2]string{"_headers", "the generated _headers"}, [2]string{"_headers/a/index.html", "content/_headers/a.md"}},
		{[2]string{"roles/a/vs/b/index.html", "compare"}, [2]string{"roles/a", "static/roles/a"}},
		{[2]string{"roles", "static/roles"}, [2]string{"roles/a/index.html", "content/roles/a.md"}},
	} {
		f := NewFiles()
		if err := f.Add(tc.first[0], []byte("1"), tc.first[1]); err != nil {
			t.Fatal(err)
		}
		err := f.Add(tc.second[0], []byte("2"), tc.second[1])
		if err == nil || !strings.Contains(err.Error(), tc.first[1]) || !strings.Contains(err.Error(), tc.second[1]) {
			t.Errorf("%v then %v: %v; want a collision naming both", tc.first, tc.second, err)
		}
		if _, ok := f.Get(tc.second[0]); ok || f.Len() != 1 {
			t.Errorf("%v then %v: the second was added", tc.first, tc.second)
		}
	}
}

// TestFolderCountsFollowDeletes: once the files in a folder are gone, a
// file of that name is no collision (as in a clean build of the new site).
func TestFolderCountsFollowDeletes(t *testing.T) {
	f := NewFiles()
	for _, n := range []string{"a/b/index.html", "a/c/index.html"} {
		if err := f.Add(n, nil, n); err != nil {
			t.Fatal(err)
		}
	}
	g := f.Clone()
	g.Delete("a/b/index.html")
	if err := g.Add("a/b", nil, "x"); err != nil {
		t.Errorf("a/b after its folder emptied: %v", err)
	}
	if err := g.Add("a", nil, "x"); err == nil {
		t.Error("a while a/c/index.html is there: no collision")
	}
	g.Delete("a/c/index.html")
	g.Set("a/c/index.html", nil, "again")
	g.Delete("a/c/index.html")
	g.Delete("a/b")
	if err := g.Add("a", nil, "x"); err != nil {
		t.Errorf("a once the folder is empty: %v", err)
	}
	if err := f.Add("a", nil, "x"); err == nil {
		t.Error("the clone's deletes reached the original")
	}
}
