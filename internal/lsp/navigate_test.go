package lsp_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

func TestHover(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/engineer.md")
	// TOML: `tools = ["jupyter"]` is line 3; the slug starts at 10.
	var h protocol.Hover
	s.MustCall(protocol.MethodTextDocumentHover, docPos(s.uri("content/roles/engineer.md"), pos(3, 12)), &h)
	got := h.Contents.(protocol.MarkupContent).Value
	for _, want := range []string{"**Jupyter**", "Tools", "Notebooks in the browser.", "content/tools/jupyter.md"} {
		if !strings.Contains(got, want) {
			t.Errorf("hover %q lacks %q", got, want)
		}
	}
	if h.Range == nil || h.Range.Start != pos(3, 10) || h.Range.End != pos(3, 17) {
		t.Errorf("hover range = %v, want 3:10-3:17", h.Range)
	}
}

func TestDefinition(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/analyst.md")
	uri := s.uri("content/roles/analyst.md")
	cases := []struct {
		at   protocol.Position
		file string
		line int
	}{
		{pos(3, 9), "content/tools/jupyter.md", 0},   // a YAML flow list value
		{pos(4, 22), "content/roles/engineer.md", 0}, // a declared relation
		{pos(6, 62), "content/tools/pandas.md", 4},   // a link with #usage: the heading's line
	}
	for _, c := range cases {
		var loc protocol.Location
		s.MustCall(protocol.MethodTextDocumentDefinition, docPos(uri, c.at), &loc)
		if loc.URI != s.uri(c.file) || int(loc.Range.Start.Line) != c.line {
			t.Errorf("definition at %v = %s:%d, want %s:%d", c.at, loc.URI, loc.Range.Start.Line, s.uri(c.file), c.line)
		}
	}
	// JSON front matter.
	s.open(t, "content/roles/scientist.md")
	var loc protocol.Location
	s.MustCall(protocol.MethodTextDocumentDefinition, docPos(s.uri("content/roles/scientist.md"), pos(3, 14)), &loc)
	if loc.URI != s.uri("content/tools/pandas.md") {
		t.Errorf("definition in JSON = %s, want pandas", loc.URI)
	}
}

func TestReferences(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/tools/pandas.md")
	// From anywhere in the page's own file.
	got := s.references(t, "content/tools/pandas.md", pos(1, 3))
	want := []string{
		`/content/roles/analyst.md:{"line":3,"character":17}`,
		`/content/roles/analyst.md:{"line":6,"character":60}`,
		`/content/roles/scientist.md:{"line":3,"character":13}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("references:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// references asks for the references at p in file and returns each as
// "/path:start", sorted.
func (s *session) references(t *testing.T, file string, p protocol.Position) []string {
	t.Helper()
	var locs []protocol.Location
	s.MustCall(protocol.MethodTextDocumentReferences, protocol.ReferenceParams{TextDocumentPositionParams: docPos(s.uri(file), p)}, &locs)
	var got []string
	for _, l := range locs {
		got = append(got, strings.TrimPrefix(l.URI, s.uri(""))+":"+jsonString(l.Range.Start))
	}
	slices.Sort(got)
	return got
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestHoverFragment: on a link with #usage, the hover names the heading.
func TestHoverFragment(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/analyst.md")
	var h protocol.Hover
	s.MustCall(protocol.MethodTextDocumentHover, docPos(s.uri("content/roles/analyst.md"), pos(6, 62)), &h)
	if got := h.Contents.(protocol.MarkupContent).Value; !strings.Contains(got, "**pandas**") || !strings.Contains(got, "§ Usage") {
		t.Errorf("hover = %q, want pandas and its Usage heading", got)
	}
}

// TestQualifiedKeys: the keys of a qualified mapping, flow or block, are
// references: hover, definition and references find them.
func TestQualifiedKeys(t *testing.T) {
	s := start(t, "testdata/qualified-keys.txtar")
	s.open(t, "content/roles/analyst.md")
	s.open(t, "content/roles/engineer.md")
	var h protocol.Hover
	s.MustCall(protocol.MethodTextDocumentHover, docPos(s.uri("content/roles/analyst.md"), pos(2, 12)), &h)
	if h.Contents == nil || !strings.Contains(h.Contents.(protocol.MarkupContent).Value, "Reasoning under uncertainty.") {
		t.Errorf("hover on a flow mapping's key = %+v", h.Contents)
	}
	var loc protocol.Location
	s.MustCall(protocol.MethodTextDocumentDefinition, docPos(s.uri("content/roles/engineer.md"), pos(4, 4)), &loc)
	if loc.URI != s.uri("content/skills/statistics.md") {
		t.Errorf("definition on a block mapping's key = %s", loc.URI)
	}
	got := s.references(t, "content/roles/analyst.md", pos(2, 30))
	want := `/content/roles/analyst.md:{"line":2,"character":29}` + "\n" + `/content/roles/engineer.md:{"line":3,"character":2}`
	if strings.Join(got, "\n") != want {
		t.Errorf("references of sql:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
