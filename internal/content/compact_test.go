package content

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/diag"
)

// Compact keeps every position of the front matter and of the body
// offsets it was asked to keep, and the front matter's source text; it
// forgets the rest of the body, its text included.
func TestCompact(t *testing.T) {
	data := []byte("---\r\ntitle: A\r\naliases: [old/a/, very/old/]\r\n---\r\nIntro line.\r\n\r\nSee [b](b.md) here.\r\nLast line, long " + strings.Repeat("é", 300) + " [c](c.md#x)\r\n")
	p, diags := Parse("content/roles/a.md", data)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	body := string(p.Body)
	linkB := strings.Index(body, "[b]")
	linkC := strings.Index(body, "[c]")
	intro := strings.Index(body, "Intro")
	type probe struct {
		name string
		pos  Pos
	}
	probes := []probe{
		{"alias", p.ValuePos("aliases", "very/old/")},
		{"title key", p.KeyPos("title")},
		{"link b", p.BodyPos(linkB)},
		{"link c", p.BodyPos(linkC)},
		{"intro", p.BodyPos(intro)},
	}
	before := map[string]diag.Diagnostic{}
	for _, pr := range probes {
		before[pr.name] = p.Diag(pr.pos, "m")
	}
	fm := bytes.Clone(p.FrontMatter())

	p.Compact([]int{linkB, linkC, len(p.Body) + 10, -1})

	if p.Body != nil {
		t.Errorf("Body = %q after Compact, want nil", p.Body)
	}
	if !bytes.Equal(p.FrontMatter(), fm) {
		t.Errorf("FrontMatter changed: %q, want %q", p.FrontMatter(), fm)
	}
	after := map[string]Pos{
		"alias":     p.ValuePos("aliases", "very/old/"),
		"title key": p.KeyPos("title"),
		"link b":    p.BodyPos(linkB),
		"link c":    p.BodyPos(linkC),
		"intro":     p.BodyPos(intro),
	}
	for _, pr := range probes {
		if after[pr.name] != pr.pos {
			t.Errorf("%s: position %v after Compact, want %v", pr.name, after[pr.name], pr.pos)
		}
		got := p.Diag(pr.pos, "m")
		want := before[pr.name]
		if want.Source == "" {
			t.Errorf("%s: no source text before Compact", pr.name)
		}
		if strings.HasPrefix(pr.name, "link") || pr.name == "intro" {
			// A body line: the position only (kept, or at the body's
			// start for an offset not kept), no text.
			want.Source = ""
		}
		if got != want {
			t.Errorf("%s after Compact:\n got %+v\nwant %+v", pr.name, got, want)
		}
	}
	// An offset not kept is placed at the body's first line; the closing
	// delimiter keeps its text without the newline.
	if got := p.BodyPos(strings.Index(body, "here")); got != (Pos{Line: 5, Col: 1}) {
		t.Errorf("BodyPos of an offset not kept = %v, want the body's first line 5:1", got)
	}
	if got := p.Line(4); got != "---" {
		t.Errorf("Line(4) after Compact = %q, want the closing delimiter", got)
	}
	if got := p.Line(6); got != "" {
		t.Errorf("Line(6) after Compact = %q, want nothing", got)
	}
	// Compacting again changes nothing: the page is the site's by then.
	p.Compact(nil)
	if got := p.BodyPos(linkC); got != after["link c"] {
		t.Errorf("link c after a second Compact = %v, want %v", got, after["link c"])
	}
	if got := p.Diag(p.KeyPos("title"), "m"); got != before["title key"] {
		t.Errorf("front matter after a second Compact = %+v, want %+v", got, before["title key"])
	}
	if !strings.Contains(before["link c"].Source, "…") {
		t.Errorf("long line's source not cut: %q", before["link c"].Source)
	}
}

// A page with a great many links compacts and answers positions in time
// proportional to its links, not their square.
func TestCompactManyLinks(t *testing.T) {
	const n = 200_000
	var body strings.Builder
	offsets := make([]int, n)
	for i := range n {
		offsets[i] = body.Len()
		body.WriteString("[a](a.md)\n")
	}
	p, _ := Parse("content/roles/big.md", []byte("---\ntitle: Big\n---\n"+body.String()))
	want := []Pos{p.BodyPos(offsets[0]), p.BodyPos(offsets[n/2]), p.BodyPos(offsets[n-1])}
	p.Compact(offsets)
	for i, off := range []int{offsets[0], offsets[n/2], offsets[n-1]} {
		if got := p.BodyPos(off); got != want[i] {
			t.Errorf("BodyPos(%d) = %v after Compact, want %v", off, got, want[i])
		}
	}
	// Every link's position once more: quadratic work would take minutes
	// here.
	for i, off := range offsets {
		if d := p.Diag(p.BodyPos(off), "m"); d.Line != 4+i || d.Col != 1 || d.Source != "" {
			t.Fatalf("link at %d: %+v, want line %d, column 1, no source", off, d, 4+i)
		}
	}
}
