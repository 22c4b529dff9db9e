package build_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// previewer records what a build previews, for the pages it says are open.
type previewer struct {
	open  []string
	shown map[string][]byte
	order []string
}

func (p *previewer) Open() []string { return p.open }

func (p *previewer) Preview(name string, data []byte) {
	p.shown[name] = bytes.Clone(data)
	p.order = append(p.order, name)
}

// take returns what was previewed since the last call, and forgets it.
func (p *previewer) take() (map[string][]byte, []string) {
	shown, order := p.shown, p.order
	p.shown, p.order = map[string][]byte{}, nil
	return shown, order
}

// TestPreviewShowsOpenPagesAsBuilt: a build with a previewer shows the
// open pages it renders, each with exactly the bytes of its result, and
// no other page; a build with a problem, or one that emits its files,
// previews nothing.
func TestPreviewShowsOpenPagesAsBuilt(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":  "---\ntitle: Atlas\n---\n",
		"content/roles/a.md": "---\ntitle: Analyst\n---\nReads data.\n",
		"content/roles/b.md": "---\ntitle: Builder\n---\nBuilds things.\n",
	})
	p := &previewer{open: []string{"roles/a/index.html", "index.html", "roles/gone/index.html"}, shown: map[string][]byte{}}
	b := build.New(rolesite.Theme(), build.Options{Preview: p})
	check := func(step string, res build.Result, want ...string) map[string][]byte {
		t.Helper()
		if !res.OK() {
			t.Fatalf("%s: %v", step, res.Diagnostics)
		}
		shown, order := p.take()
		slices.Sort(order)
		slices.Sort(want)
		if !slices.Equal(order, want) {
			t.Errorf("%s: previewed %q, want %q", step, order, want)
		}
		for name, data := range shown {
			if built, _ := res.Files.Get(name); !bytes.Equal(data, built) {
				t.Errorf("%s: the preview of %s is not the page built:\n%s\nbuilt:\n%s", step, name, data, built)
			}
		}
		return shown
	}
	check("build", b.Build(context.Background(), src), "roles/a/index.html", "index.html")

	replaceIn(src, "content/roles/a.md", "title: Analyst", "title: Data analyst")
	shown := check("title edit", b.Rebuild(context.Background(), src, []string{"content/roles/a.md"}), "roles/a/index.html", "index.html")
	if !bytes.Contains(shown["roles/a/index.html"], []byte("Data analyst")) {
		t.Error("the preview lacks the edited title")
	}

	replaceIn(src, "content/roles/a.md", "Reads data.", "Reads much data.")
	check("body edit", b.Rebuild(context.Background(), src, []string{"content/roles/a.md"}), "roles/a/index.html")

	replaceIn(src, "content/roles/b.md", "title: Builder", "title: [Builder")
	if res := b.Rebuild(context.Background(), src, []string{"content/roles/b.md"}); res.OK() {
		t.Fatal("a build with broken front matter succeeded")
	}
	if _, order := p.take(); len(order) > 0 {
		t.Errorf("a build that found a problem previewed %q", order)
	}

	replaceIn(src, "content/roles/b.md", "title: [Builder", "title: Builder")
	var emitted atomic.Int64 // Emit is called from every render worker
	res := build.New(rolesite.Theme(), build.Options{Preview: p, Emit: func(string, []byte) error { emitted.Add(1); return nil }}).Build(context.Background(), src)
	if !res.OK() || emitted.Load() == 0 {
		t.Fatalf("emitting build: %v, %d files", res.Diagnostics, emitted.Load())
	}
	if _, order := p.take(); len(order) > 0 {
		t.Errorf("a build that emits its files previewed %q", order)
	}
}

// replaceIn replaces old with new in the file name of src.
func replaceIn(src fstest.MapFS, name, old, new string) {
	src[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(src[name].Data), old, new, 1))}
}

// TestPreviewWaitsForClaim: the open pages render before the paths of the
// others are claimed, so a page whose path another file or an earlier
// page already takes is never previewed, and the build reports the
// collision as it always did; an open page that is its path's first
// claimer is.
func TestPreviewWaitsForClaim(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":      "---\ntitle: Atlas\n---\n",
		"content/roles/a.md":     "---\ntitle: Analyst\n---\nReads data.\n",
		"content/roles/b.md":     "---\ntitle: Builder\n---\nBuilds things.\n",
		"content/search/term.md": "---\ntitle: A term\n---\nA section whose list is where the search page goes.\n",
	})
	src["static/roles/a/index.html"] = &fstest.MapFile{Data: []byte("<p>a static page</p>")}
	p := &previewer{open: []string{"roles/a/index.html", "roles/b/index.html", "search/index.html"}, shown: map[string][]byte{}}
	res := build.New(rolesite.Theme(), build.Options{Preview: p}).Build(context.Background(), src)
	if res.OK() {
		t.Fatal("a build with two files at one path succeeded")
	}
	var msgs []string
	for _, d := range res.Diagnostics {
		msgs = append(msgs, d.String())
	}
	for _, want := range []string{"roles/a/index.html", "search/index.html"} {
		if !strings.Contains(strings.Join(msgs, "\n"), want) {
			t.Errorf("no collision reported at %s: %q", want, msgs)
		}
	}
	_, order := p.take()
	slices.Sort(order)
	// roles/b is its path's only claimer, and the section list of search
	// comes before the search page: both go first. The page of a, which
	// the static file took, never renders.
	if want := []string{"roles/b/index.html", "search/index.html"}; !slices.Equal(order, want) {
		t.Errorf("previewed %q, want %q", order, want)
	}
}
