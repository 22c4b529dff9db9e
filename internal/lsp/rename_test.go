package lsp_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/lsp/lsptest"
)

// TestRename renames a tool from a relation value in another file, the
// editor applies the workspace edit (UTF-16 ranges, on a line with «𝔸»
// before the links), and the site builds with every reference and the old
// URL in place.
func TestRename(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/analyst.md")
	var edit lsptest.WorkspaceEdit
	// "tools: [jupyter, pandas]": on "pandas".
	s.MustCall(protocol.MethodTextDocumentRename, protocol.RenameParams{
		TextDocumentPositionParams: docPos(s.uri("content/roles/analyst.md"), pos(3, 19)),
		NewName:                    "pandas-df",
	}, &edit)
	lsptest.Apply(t, edit)
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(s.dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if got := read("content/roles/analyst.md"); !strings.Contains(got, "tools: [jupyter, pandas-df]") ||
		!strings.Contains(got, "et [pandas](../tools/pandas-df.md#usage).") {
		t.Errorf("analyst.md after the rename:\n%s", got)
	}
	if got := read("content/roles/scientist.md"); !strings.Contains(got, `"tools": ["pandas-df"]`) {
		t.Errorf("scientist.md after the rename:\n%s", got)
	}
	if got := read("content/tools/pandas-df.md"); !strings.Contains(got, `aliases: ["/tools/pandas/"]`) {
		t.Errorf("pandas-df.md after the rename:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(s.dir, "content/tools/pandas.md")); err == nil {
		t.Error("pandas.md is still there")
	}
	res := build.Build(context.Background(), os.DirFS(s.dir), rolesite.Theme(), build.Options{CheckLinks: true})
	if !res.OK() {
		t.Errorf("the site does not build after the rename:\n%v", res.Diagnostics)
	}
}

// TestRenameRefused: a taken slug is refused with a message, and nothing
// is edited.
func TestRenameRefused(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/tools/pandas.md")
	var edit protocol.WorkspaceEdit
	err := s.Call(protocol.MethodTextDocumentRename, protocol.RenameParams{
		TextDocumentPositionParams: docPos(s.uri("content/tools/pandas.md"), pos(1, 2)),
		NewName:                    "polars",
	}, &edit)
	if err == nil || !strings.Contains(err.Error(), "content/tools/polars.md: a file of that name exists") {
		t.Errorf("error = %v, want the taken name", err)
	}
}

func TestPrepareRename(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/engineer.md")
	var res struct {
		Range       protocol.Range `json:"range"`
		Placeholder string         `json:"placeholder"`
	}
	s.MustCall(protocol.MethodTextDocumentPrepareRename, protocol.PrepareRenameParams{TextDocumentPositionParams: docPos(s.uri("content/roles/engineer.md"), pos(3, 12))}, &res)
	if res.Placeholder != "jupyter" || res.Range.Start != pos(3, 10) || res.Range.End != pos(3, 17) {
		t.Errorf("prepareRename = %+v, want jupyter at 3:10-3:17", res)
	}
}

// TestRenameNeedsFileRenames: a client that does not say it renames files
// would apply the edits and leave the file, every link then broken; the
// server refuses and points to rolesite mv.
func TestRenameNeedsFileRenames(t *testing.T) {
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	s := startIn(t, lsptest.Site(t, string(data)), setup{caps: map[string]any{}})
	s.open(t, "content/tools/pandas.md")
	var edit lsptest.WorkspaceEdit
	err = s.Call(protocol.MethodTextDocumentRename, protocol.RenameParams{
		TextDocumentPositionParams: docPos(s.uri("content/tools/pandas.md"), pos(1, 2)),
		NewName:                    "pandas-df",
	}, &edit)
	if err == nil || !strings.Contains(err.Error(), "run rolesite mv tools/pandas tools/pandas-df") {
		t.Errorf("error = %v, want the advice to run rolesite mv", err)
	}
}

func TestRenameReachesDrafts(t *testing.T) {
	s := start(t, "testdata/drafts.txtar")
	s.open(t, "content/tools/jupyter.md")
	var edit lsptest.WorkspaceEdit
	s.MustCall(protocol.MethodTextDocumentRename, protocol.RenameParams{
		TextDocumentPositionParams: docPos(s.uri("content/tools/jupyter.md"), pos(1, 2)),
		NewName:                    "jupyterlab",
	}, &edit)
	lsptest.Apply(t, edit)
	data, err := os.ReadFile(filepath.Join(s.dir, "content/roles/draft.md"))
	if err != nil || !strings.Contains(string(data), "tools: [jupyterlab]") {
		t.Errorf("the draft after the rename: %q, %v", data, err)
	}
}
