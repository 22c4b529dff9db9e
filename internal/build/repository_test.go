package build_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestRepositoryContent builds the atlas this repository ships and fails on
// any problem in it.
func TestRepositoryContent(t *testing.T) {
	res := build.Build(context.Background(), os.DirFS("../.."), rolesite.Theme(), build.Options{})
	for _, d := range res.Diagnostics {
		t.Error(d.String())
	}
	if !res.OK() {
		t.FailNow()
	}
	for _, want := range []string{"index.html", "404.html", "sitemap.xml", "robots.txt", "graph.json", "search/index.html"} {
		if _, ok := res.Files.Get(want); !ok {
			t.Errorf("%s missing from the output", want)
		}
	}
}

// TestDeterministic builds the atlas twice, once under a sub-path, and
// requires byte-identical output for identical input.
func TestDeterministic(t *testing.T) {
	for _, base := range []string{"", "https://example.org/atlas/"} {
		opts := build.Options{BaseURL: base}
		a := build.Build(context.Background(), os.DirFS("../.."), rolesite.Theme(), opts)
		b := build.New(rolesite.Theme(), opts).Build(context.Background(), os.DirFS("../.."))
		if !a.OK() || !b.OK() {
			t.Fatalf("build failed: %v %v", a.Diagnostics, b.Diagnostics)
		}
		na, nb := a.Files.Names(), b.Files.Names()
		if len(na) != len(nb) {
			t.Fatalf("%d files, then %d", len(na), len(nb))
		}
		for i, name := range na {
			if nb[i] != name {
				t.Fatalf("file %d is %s, then %s", i, name, nb[i])
			}
			da, _ := a.Files.Get(name)
			db, _ := b.Files.Get(name)
			if !bytes.Equal(da, db) {
				t.Errorf("%s differs between two builds of the same input", name)
			}
		}
	}
}

// TestRebuildReusesNothingStale edits a file between two builds by the same
// Builder and requires the result of a clean build.
func TestRebuildEqualsCleanBuild(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":     "---\ntitle: S\n---\n",
		"content/roles/a.md":    "---\ntitle: A\ntools: [t]\n---\n[T](../tools/t.md)\n",
		"content/tools/t.md":    "---\ntitle: T\n---\n",
		"content/tools/u.md":    "---\ntitle: U\n---\n",
		"templates/page.html":   "{{define \"main\"}}{{.Content}}{{range .In}}{{range .Links}}{{.Title}}{{end}}{{end}}{{end}}",
		"templates/base.html":   "{{template \"main\" .}}",
		"content/stages/_x.txt": "ignored",
	})
	b := build.New(rolesite.Theme(), build.Options{})
	if r := b.Build(context.Background(), src); !r.OK() {
		t.Fatal(r.Diagnostics)
	}
	src["content/roles/a.md"].Data = []byte("---\ntitle: A2\ntools: [u]\n---\n[U](../tools/u.md)\n")
	got := b.Build(context.Background(), src)
	want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
	if !got.OK() || !want.OK() {
		t.Fatal(got.Diagnostics, want.Diagnostics)
	}
	for _, name := range want.Files.Names() {
		w, _ := want.Files.Get(name)
		g, _ := got.Files.Get(name)
		if !bytes.Equal(w, g) {
			t.Errorf("%s: rebuild gives %q, clean build %q", name, g, w)
		}
	}
	if u, _ := got.Files.Get("tools/u/index.html"); !bytes.Contains(u, []byte("A2")) {
		t.Errorf("tools/u does not list the edited role: %q", u)
	}
	if tt, _ := got.Files.Get("tools/t/index.html"); bytes.Contains(tt, []byte("A")) {
		t.Errorf("tools/t still lists the role that dropped it: %q", tt)
	}
}
