package content

import (
	"bytes"
	"strings"
	"testing"
	"unsafe"

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

// A compacted page keeps one copy of its front matter: the strings
// flatYAML decoded are pieces of it, and a long line's source text is
// clipped from it as it was from the file.
func TestCompactKeepsOneCopy(t *testing.T) {
	long := strings.Repeat("ab ", 300) + "cd"
	data := []byte("---\ntitle: A " + long + " z\ntools: [spark, dbt]\n---\nBody.\n")
	p, diags := Parse("content/roles/a.md", data)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	at := Pos{Line: 2, Col: 300}
	before := p.Diag(at, "m")
	if !strings.HasPrefix(before.Source, "…") || !strings.HasSuffix(before.Source, "…") {
		t.Fatalf("source before Compact = %q, want a clipped line", before.Source)
	}
	p.Compact()
	if p.src != nil {
		t.Errorf("the file's bytes are kept after Compact")
	}
	if got := p.Diag(at, "m"); got != before {
		t.Errorf("after Compact:\n got %+v\nwant %+v", got, before)
	}
	within := func(s string) bool {
		lo := uintptr(unsafe.Pointer(unsafe.StringData(p.fm)))
		at := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return at >= lo && at+uintptr(len(s)) <= lo+uintptr(len(p.fm))
	}
	title, _ := p.Params["title"].(string)
	tools, _ := p.Params["tools"].([]string)
	if len(tools) != 2 || !within(title) || !within(tools[0]) || !within(tools[1]) {
		t.Errorf("title %.12q… and tools %q are not pieces of the front matter kept", title, tools)
	}
}
