package build_test

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestRebuildOfContentKeepsTemplatesRight: a rebuild after edits of
// content alone keeps the templates it parsed, but not past a change of
// the sections they were made for: a section added by a content file
// finds its own page template, and one removed no longer has it. A
// template edit is read at once. Each rebuild gives what a clean build
// gives.
func TestRebuildOfContentKeepsTemplatesRight(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":         "---\ntitle: Atlas\n---\n",
		"content/roles/a.md":        "---\ntitle: Analyst\n---\nReads data.\n",
		"templates/tools/page.html": `{{define "main"}}<h1>A tool: {{.Title}}</h1>{{.Content}}{{end}}`,
	})
	b := build.New(rolesite.Theme(), build.Options{})
	if res := b.Build(context.Background(), src); !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	step := func(what, want string, changed ...string) {
		t.Helper()
		res := b.Rebuild(context.Background(), src, changed)
		if d := compare(res, build.Build(context.Background(), src, rolesite.Theme(), build.Options{})); d != "" {
			t.Fatalf("%s: the rebuild differs from a clean build: %s", what, d)
		}
		if want != "" {
			page, _ := res.Files.Get("tools/x/index.html")
			if !bytes.Contains(page, []byte(want)) {
				t.Fatalf("%s: the tool's page lacks %q:\n%s", what, want, page)
			}
		}
	}
	src["content/tools/x.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Xtool\n---\nA tool.\n")}
	step("a section added", "A tool: Xtool", "content/tools/x.md")
	replaceIn(src, "content/roles/a.md", "title: Analyst", "title: Data analyst")
	step("a title edited", "A tool: Xtool", "content/roles/a.md")
	replaceIn(src, "templates/tools/page.html", "A tool:", "The tool")
	step("its template edited", "The tool Xtool", "templates/tools/page.html")
	delete(src, "content/tools/x.md")
	step("the section removed", "", "content/tools/x.md")
	src["content/tools/x.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Xtool\n---\nA tool.\n")}
	step("the section back", "The tool Xtool", "content/tools/x.md")
}
