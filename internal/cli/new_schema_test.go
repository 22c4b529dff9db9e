package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewWritesDeclaredFields: a new page of a section with a schema gets
// every declared field and relation, whether or not other pages use it,
// each with what the schema allows beside it; check then names exactly
// what the author still has to fill in.
func TestNewWritesDeclaredFields(t *testing.T) {
	src := writeSite(t, map[string]string{
		"content/_index.md": "---\ntitle: Site\n---\n",
		"content/tools/_index.md": "---\ntitle: Tools\nfields:\n  category: {type: string, required: true, values: [language, platform]}\n" +
			"  since: {type: date}\n  tags: {type: list, values: [open, paid]}\nrelations:\n  stages: {min: 1}\n" +
			"  levels: {section: stages, scale: [low, high]}\n---\n",
		"content/tools/a.md":       "---\ntitle: A\ncategory: language\nstages: [s]\n---\n",
		"content/stages/s.md":      "---\ntitle: S\n---\n",
		"content/stages/_index.md": "---\ntitle: Stages\n---\n",
	})
	code, _, stderr := run(t, "new", "--src", src, "tools", "Fresh Tool")
	if code != ExitOK {
		t.Fatalf("new: code %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(src, "content", "tools", "fresh-tool.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		`category: "" # required; one of language, platform`,
		`since: "" # a date`,
		`tags: [] # one of open, paid`,
		`stages: []`,
		`levels: {} # slug: level, one of low, high`,
	} {
		if !strings.Contains(string(data), line+"\n") {
			t.Errorf("new page lacks %q:\n%s", line, data)
		}
	}
	code, _, stderr = run(t, "check", "--src", src)
	for _, want := range []string{
		"content/tools/fresh-tool.md:4:1: category is empty: content/tools/_index.md requires it; write category: language",
		"content/tools/fresh-tool.md:5:1: stages lists 0 links",
	} {
		if code != ExitProblem || !strings.Contains(stderr, want) {
			t.Errorf("check: code %d, want %q in:\n%s", code, want, stderr)
		}
	}
	if strings.Contains(stderr, "since") || strings.Contains(stderr, "levels") {
		t.Errorf("an optional field left empty is a problem:\n%s", stderr)
	}
}
