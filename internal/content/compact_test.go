package content

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/diag"
)

// Compact keeps the front matter — its bytes, every position in it and its
// source text — and forgets the body: Body is nil, and any body offset is
// placed at the body's first line, without source text.
func TestCompact(t *testing.T) {
	data := []byte("---\r\ntitle: A\r\naliases: [old/a/, very/old/]\r\n---\r\nIntro line.\r\n\r\nSee [b](b.md) here.\r\nLast line, long " + strings.Repeat("é", 300) + " [c](c.md#x)\r\n")
	p, diags := Parse("content/roles/a.md", data)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	body := string(p.Body)
	front := map[string]Pos{
		"alias":     p.ValuePos("aliases", "very/old/"),
		"title key": p.KeyPos("title"),
	}
	before := map[string]diag.Diagnostic{}
	for name, pos := range front {
		before[name] = p.Diag(pos, "m")
		if before[name].Source == "" {
			t.Errorf("%s: no source text before Compact", name)
		}
	}
	if got := p.BodyPos(strings.Index(body, "[c]")); got.Line != 8 || got.Col < 300 {
		t.Errorf("BodyPos before Compact = %v, want line 8, far along", got)
	}
	fm := bytes.Clone(p.FrontMatter())

	p.Compact()

	if p.Body != nil {
		t.Errorf("Body = %q after Compact, want nil", p.Body)
	}
	if !bytes.Equal(p.FrontMatter(), fm) {
		t.Errorf("FrontMatter changed: %q, want %q", p.FrontMatter(), fm)
	}
	if got := p.ValuePos("aliases", "very/old/"); got != front["alias"] {
		t.Errorf("alias: position %v after Compact, want %v", got, front["alias"])
	}
	if got := p.KeyPos("title"); got != front["title key"] {
		t.Errorf("title key: position %v after Compact, want %v", got, front["title key"])
	}
	for name, pos := range front {
		if got := p.Diag(pos, "m"); got != before[name] {
			t.Errorf("%s after Compact:\n got %+v\nwant %+v", name, got, before[name])
		}
	}
	for _, word := range []string{"Intro", "[b]", "[c]", "here"} {
		got := p.Diag(p.BodyPos(strings.Index(body, word)), "m")
		if got.Line != 5 || got.Col != 1 || got.Source != "" {
			t.Errorf("%s after Compact: %+v, want the body's first line 5:1 without source", word, got)
		}
	}
	// The closing delimiter keeps its text without the newline; the body's
	// lines are gone.
	if got := p.Line(4); got != "---" {
		t.Errorf("Line(4) after Compact = %q, want the closing delimiter", got)
	}
	if got := p.Line(6); got != "" {
		t.Errorf("Line(6) after Compact = %q, want nothing", got)
	}
	// A second Compact changes nothing.
	p.Compact()
	if got := p.Diag(p.KeyPos("title"), "m"); got != before["title key"] {
		t.Errorf("front matter after a second Compact = %+v, want %+v", got, before["title key"])
	}
}
