package output

import (
	"errors"
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

// TestCaseCollision: two names that differ in case alone collide, in
// either order, and a name freed by Delete no longer does.
func TestCaseCollision(t *testing.T) {
	for _, pair := range [][2]string{{"roles/index.html", "Roles/index.html"}, {"OLD/index.html", "old/index.html"}, {"A/b.html", "a/B.html"}, {"ünï/x.html", "ÜNÏ/x.html"}} {
		f := NewFiles()
		if err := f.Add(pair[0], nil, "one"); err != nil {
			t.Fatal(err)
		}
		var ce *CollisionError
		if err := f.Add(pair[1], nil, "two"); !errors.As(err, &ce) || ce.First != "one" || !strings.Contains(err.Error(), "differ only in case") {
			t.Errorf("%v: Add = %v", pair, err)
		}
		f.Delete(pair[0])
		if err := f.Add(pair[1], nil, "two"); err != nil {
			t.Errorf("%v: after Delete: %v", pair, err)
		}
	}
	f := NewFiles()
	for _, name := range []string{"a/index.html", "b/index.html", "A.png", "a.txt"} {
		if err := f.Add(name, nil, name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
