package build_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestRebuildBlamesBodyRefs: a rebuild, as serve runs it on each save,
// reports a body's broken link by URL where the body has it, as a clean
// build does, after a body edit (the body-only path) and after a front
// matter edit; mending the link clears it.
func TestRebuildBlamesBodyRefs(t *testing.T) {
	src := fstest.MapFS{
		"content/_index.md":       {Data: []byte("---\ntitle: Site\n---\n")},
		"content/roles/a.md":      {Data: []byte("---\ntitle: A\n---\nSee [B](b.md).\n")},
		"content/roles/b.md":      {Data: []byte("---\ntitle: B\n---\nFine.\n")},
		"content/tools/python.md": {Data: []byte("---\ntitle: Python\n---\nFine.\n")},
	}
	opts := build.Options{CheckLinks: true}
	b := build.New(rolesite.Theme(), opts)
	if res := b.Build(context.Background(), src); !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	for _, edit := range []struct{ what, text, want string }{
		{"body", "---\ntitle: A\n---\nSee [B](b.md).\n\nAnd [Python](../tools/python/).\n",
			"content/roles/a.md:6:5: in the built page: link to ../tools/python/: no such file in the site: link the page by its file, ../tools/python.md"},
		{"title", "---\ntitle: A2\n---\nSee [B](b.md).\n\nAnd [Python](../tools/python/).\n",
			"content/roles/a.md:6:5: in the built page: link to ../tools/python/"},
		{"mend", "---\ntitle: A2\n---\nSee [B](b.md).\n\nAnd [Python](../tools/python.md).\n", ""},
	} {
		src["content/roles/a.md"] = &fstest.MapFile{Data: []byte(edit.text)}
		got := b.Rebuild(context.Background(), src, []string{"content/roles/a.md"})
		clean := build.Build(context.Background(), src, rolesite.Theme(), opts)
		if !slices.Equal(got.Diagnostics, clean.Diagnostics) {
			t.Errorf("%s: rebuild %v, clean build %v", edit.what, got.Diagnostics, clean.Diagnostics)
		}
		switch {
		case edit.want == "" && !got.OK():
			t.Errorf("%s: %v", edit.what, got.Diagnostics)
		case edit.want != "" && (len(got.Diagnostics) != 1 || !strings.HasPrefix(got.Diagnostics[0].String(), edit.want)):
			t.Errorf("%s: got %v, want one beginning %q", edit.what, got.Diagnostics, edit.want)
		}
	}
}
