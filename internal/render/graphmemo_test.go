package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// graphSite resolves a small site whose roles name tools with a level.
func graphSite(t *testing.T, files map[string]string) *site.Site {
	t.Helper()
	conv := markdown.New(markdown.Options{})
	var inputs []site.Input
	for name, data := range files {
		p, diags := content.Parse(name, []byte(data))
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		inputs = append(inputs, site.Input{Page: p, Doc: conv.Convert(p.Body)})
	}
	s, diags := site.Resolve(inputs, site.Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return s
}

// Whatever changes between two builds, one at a time, graph.json from a
// memo of the first build is graph.json made afresh.
func TestGraphMemoFollowsEveryInput(t *testing.T) {
	base := map[string]string{
		"content/_index.md":       "---\ntitle: Atlas\n---\n",
		"content/roles/_index.md": "---\ntitle: Roles\nrelations:\n  tools: {label: Tools, inverse: Used by, scale: [low, high]}\n---\n",
		"content/tools/_index.md": "---\ntitle: Tools\n---\n",
		"content/roles/a.md":      "---\ntitle: A\nsummary: First.\ntools: {x: high, y: low}\n---\n",
		"content/roles/b.md":      "---\ntitle: B\ntools: [x]\n---\n",
		"content/tools/x.md":      "---\ntitle: X\n---\n",
		"content/tools/y.md":      "---\ntitle: Y\n---\n",
	}
	edits := map[string][3]string{ // file, line, new line
		"a qualifier, same order": {"content/roles/a.md", "tools: {x: high, y: low}", "tools: {x: high, y: high}"},
		"a title":                 {"content/tools/y.md", "title: Y", "title: Why"},
		"a summary":               {"content/roles/a.md", "summary: First.", "summary: Second."},
		"a target":                {"content/roles/b.md", "tools: [x]", "tools: [y]"},
		"a section title":         {"content/tools/_index.md", "title: Tools", "title: Kit"},
	}
	for name, e := range edits {
		memo := render.NewGraphMemo()
		render.GraphJSONFrom(graphSite(t, base), memo)
		files := map[string]string{}
		for k, v := range base {
			files[k] = v
		}
		files[e[0]] = strings.Replace(files[e[0]], e[1]+"\n", e[2]+"\n", 1)
		if files[e[0]] == base[e[0]] {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		s := graphSite(t, files)
		if got, want := render.GraphJSONFrom(s, memo), render.GraphJSON(s); !bytes.Equal(got, want) {
			t.Errorf("after %s, graph.json from the memo differs from a fresh one:\n%s\nwant\n%s", name, got, want)
		}
	}
}
