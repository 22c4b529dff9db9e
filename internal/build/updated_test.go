package build_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestPageShowsLastChange: a page without an updated field shows when its
// file last changed, as Options.Updated says (rolesite build asks git); a
// page's own updated field wins; a page nothing is known of shows no date.
func TestPageShowsLastChange(t *testing.T) {
	src := fstest.MapFS{
		"content/_index.md":  {Data: []byte("---\ntitle: Site\n---\n")},
		"content/roles/a.md": {Data: []byte("---\ntitle: A\n---\nText.\n")},
		"content/roles/b.md": {Data: []byte("---\ntitle: B\nupdated: 2021-03-04\n---\nText.\n")},
		"content/roles/c.md": {Data: []byte("---\ntitle: C\n---\nText.\n")},
	}
	changed := map[string]time.Time{
		"content/roles/a.md": time.Date(2025, 7, 9, 10, 0, 0, 0, time.UTC),
		"content/roles/b.md": time.Date(2025, 7, 9, 10, 0, 0, 0, time.UTC),
	}
	res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{Updated: func(p string) time.Time { return changed[p] }})
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	for page, want := range map[string]string{
		"roles/a/index.html": `Last updated <time datetime="2025-07-09">9 July 2025</time>`,
		"roles/b/index.html": `Last updated <time datetime="2021-03-04">4 March 2021</time>`,
		"roles/c/index.html": "",
	} {
		data, _ := res.Files.Get(page)
		if want == "" && strings.Contains(string(data), "Last updated") {
			t.Errorf("%s shows a date nothing gave it", page)
		} else if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
}

// A page's date can change while its file does not (a commit): a rebuild
// shows the new date, although nothing the page shows of other pages
// changed either.
func TestRebuildShowsNewDate(t *testing.T) {
	src := fstest.MapFS{
		"content/_index.md":  {Data: []byte("---\ntitle: Site\n---\n")},
		"content/roles/a.md": {Data: []byte("---\ntitle: A\n---\nText.\n")},
	}
	when := time.Date(2025, 7, 9, 10, 0, 0, 0, time.UTC)
	b := build.New(rolesite.Theme(), build.Options{Updated: func(string) time.Time { return when }})
	if res := b.Build(context.Background(), src); !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	when = time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	res := b.Rebuild(context.Background(), src, []string{"content/roles/a.md"})
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	data, _ := res.Files.Get("roles/a/index.html")
	if want := `<time datetime="2026-01-02">`; !strings.Contains(string(data), want) {
		t.Errorf("after the rebuild roles/a/index.html lacks %q", want)
	}
}
