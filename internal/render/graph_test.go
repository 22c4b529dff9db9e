package render_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// GraphJSON writes a page at a time exactly what json.MarshalIndent writes
// for the whole graph.
func TestGraphJSONIsMarshalIndent(t *testing.T) {
	files, err := benchgen.MapFS(300)
	if err != nil {
		t.Fatal(err)
	}
	conv := markdown.New(markdown.Options{})
	var inputs []site.Input
	for name, f := range files {
		if p, _ := content.Parse(name, f.Data); p != nil {
			inputs = append(inputs, site.Input{Page: p, Doc: conv.Convert(p.Body)})
		}
	}
	for _, base := range []string{"", "https://example.org/atlas/"} {
		s, diags := site.Resolve(inputs, site.Options{BaseURL: base})
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		got := render.GraphJSON(s)
		var g render.Graph
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("graph.json does not parse: %v", err)
		}
		if len(g.Pages) != len(s.Pages) || len(g.Pages) < 300 {
			t.Fatalf("%d pages in graph.json, %d in the site", len(g.Pages), len(s.Pages))
		}
		want, _ := json.MarshalIndent(g, "", " ")
		want = append(want, '\n')
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Fatalf("base %q: differs from MarshalIndent at byte %d:\n got …%s…\nwant …%s…", base, i, got[max(0, i-60):min(len(got), i+60)], want[max(0, i-60):min(len(want), i+60)])
		}
	}
}
