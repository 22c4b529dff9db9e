package content

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/diag"
)

// Compact keeps every position and the source text of the front matter and
// of the body lines it was asked to keep; it forgets the rest of the body.
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
		if pr.name == "intro" {
			// Not kept: the position only (at the body's start, here).
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
	// Compacting again keeps only what it is told to.
	p.Compact([]int{linkC})
	if got := p.Diag(p.BodyPos(linkC), "m"); got != before["link c"] {
		t.Errorf("link c after a second Compact = %+v, want %+v", got, before["link c"])
	}
	if got := p.Diag(p.BodyPos(linkB), "m"); got.Source != "" || got.Line != 5 {
		t.Errorf("link b after a second Compact without it = %+v, want line 5 without source", got)
	}
	p.Compact(nil)
	if got := p.Diag(p.BodyPos(linkC), "m"); got.Source != "" {
		t.Errorf("link c after Compact(nil) still shows %q", got.Source)
	}
	if got := p.Diag(p.KeyPos("title"), "m"); got != before["title key"] {
		t.Errorf("front matter after Compact(nil) = %+v, want %+v", got, before["title key"])
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
	// Every link's position and source once more: quadratic work would
	// take minutes here.
	for _, off := range offsets {
		if d := p.Diag(p.BodyPos(off), "m"); d.Source != "[a](a.md)" {
			t.Fatalf("link at %d: source %q", off, d.Source)
		}
	}
	p.Compact(offsets[:n/2])
	if d := p.Diag(want[2], "m"); d.Source != "" {
		t.Errorf("a link Compact let go still shows %q", d.Source)
	}
	if d := p.Diag(want[0], "m"); d.Source != "[a](a.md)" {
		t.Errorf("a link Compact kept shows %q", d.Source)
	}
}
