package workspace

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestRefs checks that every relation value and body link is found, in
// all three formats and with CRLF and non-ASCII text, with a byte range
// that holds exactly its text.
func TestRefs(t *testing.T) {
	snap := New(Options{}).Analyze(context.Background(), archiveFS(t, "testdata/formats.txtar"))
	var got []string
	for _, file := range snap.Files() {
		data, _ := snap.Text(file)
		for _, r := range snap.Refs(file) {
			if !r.HasRange() {
				t.Errorf("%s: %s %q has no range", file, r.Field, r.Value)
				continue
			}
			if text := string(data[r.Start:r.End]); !strings.HasPrefix(text, r.Value) {
				t.Errorf("%s: %s %q: range holds %q", file, r.Field, r.Value, text)
			}
			target := "nil"
			if r.Target != nil {
				target = r.Target.Src.Path
			}
			got = append(got, fmt.Sprintf("%s %s %s -> %s", file, r.Field, string(data[r.Start:r.End]), target))
		}
	}
	want := []string{
		"content/roles/json.md tools pandas -> content/tools/pandas.md",
		"content/roles/json.md tools jupyter -> content/tools/jupyter.md",
		"content/roles/json.md collaborates_with yaml -> content/roles/yaml.md",
		"content/roles/json.md  ../tools/pandas.md -> content/tools/pandas.md",
		"content/roles/toml.md tools jupyter -> content/tools/jupyter.md",
		"content/roles/toml.md collaborates_with yaml -> content/roles/yaml.md",
		"content/roles/toml.md  yaml.md -> content/roles/yaml.md",
		"content/roles/yaml.md tools jupyter -> content/tools/jupyter.md",
		"content/roles/yaml.md tools pandas -> content/tools/pandas.md",
		"content/roles/yaml.md collaborates_with toml -> content/roles/toml.md",
		"content/roles/yaml.md collaborates_with json -> content/roles/json.md",
		"content/roles/yaml.md  ../tools/jupyter.md -> content/tools/jupyter.md",
		"content/roles/yaml.md  ../tools/pandas.md#usage -> content/tools/pandas.md",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("refs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	refs := snap.References(snap.Page("content/tools/jupyter.md"))
	if len(refs) != 4 {
		t.Errorf("%d references to jupyter, want 4: %v", len(refs), refs)
	}
}

func TestRefsCRLF(t *testing.T) {
	snap := New(Options{}).Analyze(context.Background(), archiveFS(t, "testdata/crlf-errors.txtar"))
	data, _ := snap.Text("content/roles/crlf.md")
	r, ok := snap.RefAt("content/roles/crlf.md", strings.Index(string(data), "pandaz")+2)
	if !ok || string(data[r.Start:r.End]) != "pandaz" || r.Target != nil {
		t.Errorf("ref at pandaz = %+v, %v", r, ok)
	}
	if len(snap.Diagnostics) != 2 {
		t.Errorf("want the bad slug and the bad fragment, got %v", snap.Diagnostics)
	}
}
