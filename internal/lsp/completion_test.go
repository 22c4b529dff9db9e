package lsp_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/benchgen"
)

// complete opens name with text, the cursor at "|", and returns the
// labels offered there.
func complete(t *testing.T, s *session, name, text string) []string {
	t.Helper()
	at := strings.Index(text, "|")
	text = text[:at] + text[at+1:]
	s.open(t, name, text)
	before := text[:at]
	line := strings.Count(before, "\n")
	col := len(utf16(before[strings.LastIndex(before, "\n")+1:]))
	var list protocol.CompletionList
	s.MustCall(protocol.MethodTextDocumentCompletion, protocol.CompletionParams{TextDocumentPositionParams: docPos(s.uri(name), pos(line, col))}, &list)
	var labels []string
	for _, it := range list.Items {
		labels = append(labels, it.Label)
		if it.Label == "pandas" && (it.Detail == nil || *it.Detail != "pandas" || it.Documentation != "Data frames for Python.") {
			t.Errorf("pandas item: detail %v, documentation %v; want its title and summary", it.Detail, it.Documentation)
		}
	}
	slices.Sort(labels)
	return labels
}

func utf16(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			out = append(out, 0, 0)
		} else {
			out = append(out, 0)
		}
	}
	return out
}

func TestCompletion(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	cases := []struct {
		name, file, text string
		want             []string
	}{
		{"yaml flow list, listed ones left out", "content/roles/analyst.md",
			"---\ntitle: Analyst «𝔸»\ntools: [jupyter, p|]\n---\n", []string{"pandas", "polars"}},
		{"yaml block list", "content/roles/new.md",
			"---\ntitle: New\ntools:\n  - pandas\n  - |\ncollaborates_with: [analyst]\n---\n", []string{"jupyter", "polars"}},
		{"declared relation", "content/roles/new.md",
			"---\ntitle: New\ncollaborates_with: [analyst, |]\n---\n", []string{"engineer", "new", "scientist"}},
		{"toml", "content/roles/engineer.md",
			"+++\ntitle = \"Engineer\"\ntools = [\"jupyter\", \"|\"]\n+++\n", []string{"pandas", "polars"}},
		{"json", "content/roles/scientist.md",
			"{\n  \"title\": \"Scientist\",\n  \"tools\": [\"pandas\", \"|\"]\n}\n", []string{"jupyter", "polars"}},
		{"crlf", "content/roles/analyst.md",
			"---\r\ntitle: Analyst\r\ntools: [|]\r\n---\r\n", []string{"jupyter", "pandas", "polars"}},
		{"relation declaration", "content/roles/_index.md",
			"---\ntitle: Roles\nrelations:\n  collaborates_with: |\n---\n", []string{"roles", "tools"}},
		{"relation declaration, toml table", "content/roles/_index.md",
			"+++\ntitle = \"Roles\"\n[relations]\ncollaborates_with = \"|\"\n+++\n", []string{"roles", "tools"}},
		{"relation declaration, json one line", "content/roles/_index.md",
			"{\n  \"title\": \"Roles\",\n  \"relations\": {\"collaborates_with\": \"|\"}\n}\n", []string{"roles", "tools"}},
		{"relation declaration: the field name", "content/roles/_index.md",
			"---\ntitle: Roles\nrelations:\n  collab|\n---\n", nil},
		{"draft", "content/roles/analyst.md", "---\ntitle: A\ndraft: |\n---\n", []string{"false", "true"}},
		{"title: nothing", "content/roles/analyst.md", "---\ntitle: A|\n---\n", nil},
		{"link path", "content/roles/analyst.md", "---\ntitle: A\n---\nSee «𝔸» [x](|\n",
			[]string{"../_index.md", "../tools/_index.md", "../tools/jupyter.md", "../tools/pandas.md", "../tools/polars.md", "_index.md", "engineer.md", "new.md", "scientist.md"}}, // new.md: the open buffer of an earlier case
		{"heading IDs", "content/roles/analyst.md", "---\ntitle: A\n---\nSee [x](../tools/pandas.md#|\n", []string{"pitfalls", "usage"}},
		{"plain text: nothing", "content/roles/analyst.md", "---\ntitle: A\n---\nSee |\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := complete(t, s, c.file, c.text)
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("offered %q, want %q", got, c.want)
			}
		})
	}
}

// TestCompletionLongList: on a site of 1,200 pages a link's list of
// every page is cut to what was typed, so the last tool, which the cut to
// 1,000 alone would leave out, is still offered.
func TestCompletionLongList(t *testing.T) {
	dir := t.TempDir()
	if err := benchgen.Generate(1200, benchgen.ToDir(dir)); err != nil {
		t.Fatal(err)
	}
	tools, err := os.ReadDir(filepath.Join(dir, "content/tools"))
	if err != nil {
		t.Fatal(err)
	}
	last := "../tools/" + tools[len(tools)-1].Name()
	s := startIn(t, dir)
	got := complete(t, s, "content/roles/role-00000.md", "---\ntitle: R\n---\n[x]("+strings.TrimSuffix(last, ".md")+"|\n")
	if strings.Join(got, " ") != last {
		t.Errorf("offered %q, want %q", got, last)
	}
}

// TestCompletionQualified: in a qualified relation a slug's qualifier
// completes to the levels of its scale, in YAML flow and block mappings,
// TOML tables and JSON; slugs still complete before the separator; a
// relation without a scale offers nothing for its free text; a declared
// field offers its allowed values, a boolean true and false.
func TestCompletionQualified(t *testing.T) {
	s := start(t, "testdata/qualified.txtar")
	levels := []string{"awareness", "expert", "working"} // as the helper sorts them
	cases := []struct {
		name, text string
		want       []string
	}{
		{"yaml flow mapping: level", "---\ntitle: B\nskills: {sql: expert, stats: |}\n---\n", levels},
		{"yaml flow mapping: slug", "---\ntitle: B\nskills: {sql: expert, |}\n---\n", []string{"stats"}},
		{"yaml block mapping: level", "---\ntitle: B\nskills:\n  stats: w|\n---\n", levels},
		{"toml table: level", "+++\ntitle = \"B\"\n[skills]\nstats = \"|\"\n+++\n", levels},
		{"json: level", "{\n  \"title\": \"B\",\n  \"skills\": {\"stats\": \"|\"}\n}\n", levels},
		{"free text: nothing", "---\ntitle: B\nmoves_to: {a: |}\n---\n", nil},
		{"declared values", "---\ntitle: B\nband: |\n---\n", []string{"junior", "senior"}},
		{"declared boolean", "---\ntitle: B\nremote: |\n---\n", []string{"false", "true"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := complete(t, s, "content/roles/b.md", c.text)
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("offered %q, want %q", got, c.want)
			}
		})
	}
}
