package build_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"slices"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/build"
)

// streamed builds with Options.Emit, copying what it is given, the way
// `rolesite build` writes pages as they are rendered.
func streamed(src fstest.MapFS, opts build.Options) (build.Result, map[string][]byte) {
	var mu sync.Mutex
	got := map[string][]byte{}
	opts.Emit = func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got[name]; dup {
			got[name+" (emitted twice)"] = nil
		}
		got[name] = bytes.Clone(data)
		return nil
	}
	return build.Build(context.Background(), src, rolesite.Theme(), opts), got
}

// A streaming build (the one `rolesite build` runs: pages handed out as
// they are rendered, sources and bodies let go early, buffers reused) gives
// exactly the files of a build held in memory.
func TestStreamingEqualsInMemory(t *testing.T) {
	gen, err := benchgen.MapFS(300)
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]fstest.MapFS{"atlas": memSite(t, os.DirFS("../..")), "generated": gen}
	for name, src := range sites {
		for _, opts := range []build.Options{
			{CheckLinks: true},
			{CheckLinks: true, Minify: true, Fingerprint: true, Precompress: true, BaseURL: "https://example.org/atlas/"},
		} {
			want := build.Build(context.Background(), src, rolesite.Theme(), opts)
			if !want.OK() {
				t.Fatalf("%s: %v", name, want.Diagnostics[:1])
			}
			res, got := streamed(src, opts)
			if !res.OK() {
				t.Fatalf("%s streaming: %v", name, res.Diagnostics[:1])
			}
			names := want.Files.Names()
			gotNames := slices.Sorted(func(yield func(string) bool) {
				for n := range got {
					if !yield(n) {
						return
					}
				}
			})
			if !slices.Equal(names, gotNames) {
				t.Fatalf("%s (minify %v): streamed %d files, in memory %d; first streamed %v", name, opts.Minify, len(gotNames), len(names), gotNames[:min(5, len(gotNames))])
			}
			for _, n := range names {
				data, _ := want.Files.Get(n)
				if !bytes.Equal(data, got[n]) {
					t.Errorf("%s (minify %v): %s differs when streamed", name, opts.Minify, n)
				}
			}
		}
	}
}

// A failing streaming build reports the same problems, at the same
// positions, as a build held in memory: letting page bodies go early keeps
// what diagnostics point at.
func TestStreamingKeepsDiagnostics(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":      "---\ntitle: S\n---\n",
		"content/roles/a.md":     "---\ntitle: A\naliases: [roles/b/]\ntools: [x]\n---\nIntro.\n\nSee [B](b.md#nowhere) and [gone](gone.md).\n\n## Work\n",
		"content/roles/b.md":     "---\ntitle: B\n---\n## Only\n\n[self](#missing)\n",
		"content/tools/x.md":     "---\ntitle: X\n---\nBody with [a link](../roles/a.md#work).\n",
		"content/roles/c.md":     "---\ntitle: C\naliases: [tools/x/]\n---\n",
		"content/stages/plan.md": "---\ntitle: Plan\nweight: oops\n---\n",
	})
	want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{CheckLinks: true})
	got, _ := streamed(src, build.Options{CheckLinks: true})
	if len(want.Diagnostics) < 4 {
		t.Fatalf("expected several problems, got %v", want.Diagnostics)
	}
	// The same problems at the same positions. A streaming build (rolesite
	// build, which prints no source lines) keeps no body text for them:
	// only the dev server shows source lines, and it holds its pages whole.
	if got, want := got.Diagnostics.Error(), want.Diagnostics.Error(); got != want {
		t.Errorf("streaming build reports\n%v\nin memory\n%v", got, want)
	}
	for _, d := range want.Diagnostics {
		if d.Line > 0 && d.Source == "" {
			t.Errorf("%s: no source line", d)
		}
		t.Log(d, "|", d.Source)
	}
}

// memSite copies the site's content/, templates/ and static/ into memory.
func memSite(t *testing.T, src fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, dir := range []string{"content", "templates", "static"} {
		err := fs.WalkDir(src, dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(src, name)
			m[name] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
	if len(m) == 0 {
		t.Fatal("no site files")
	}
	return m
}
