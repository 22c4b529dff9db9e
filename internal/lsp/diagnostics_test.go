package lsp_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/lsp/lsptest"
)

// TestDiagnosticsAsYouType types a bad slug into a relation, from an
// incremental change, and checks the problem is published with check's
// message at the slug's range, then cleared when the slug is fixed.
func TestDiagnosticsAsYouType(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/analyst.md")
	uri := s.uri("content/roles/analyst.md")
	// Line 3 is "tools: [jupyter, pandas]": make "pandas" "pandaz".
	s.edit("content/roles/analyst.md", 2, protocol.Range{Start: pos(3, 22), End: pos(3, 23)}, "z")
	d := s.Diagnostics(uri, some)
	want := `tools: no page "pandaz" in section tools (did you mean pandas?)`
	if len(d) != 1 || d[0].Message != want {
		t.Fatalf("diagnostics = %q, want %q", messages(d), want)
	}
	if r := d[0].Range; r.Start != pos(3, 17) || r.End != pos(3, 23) {
		t.Errorf("range = %v, want 3:17-3:23", r)
	}
	s.edit("content/roles/analyst.md", 3, protocol.Range{Start: pos(3, 22), End: pos(3, 23)}, "s")
	s.Diagnostics(uri, none)
}

// TestFixInOneFileClearsAnother: a heading removed from one page breaks a
// link in another, and putting it back clears the problem there.
func TestFixInOneFileClearsAnother(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	text := s.open(t, "content/tools/pandas.md")
	analyst := s.uri("content/roles/analyst.md")
	s.replaceAll("content/tools/pandas.md", 2, "---\ntitle: pandas\n---\nNo headings.\n")
	d := s.Diagnostics(analyst, some)
	want := "link to ../tools/pandas.md#usage: content/tools/pandas.md has no heading with that ID"
	if messages(d) != want {
		t.Errorf("diagnostics = %q, want %q", messages(d), want)
	}
	s.replaceAll("content/tools/pandas.md", 3, text)
	s.Diagnostics(analyst, none)
}

// TestPositionsAreUTF16: the problem on a line with «» (two bytes, one
// UTF-16 unit each) and 𝔸 (four bytes, two units) is placed in units.
func TestPositionsAreUTF16(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/analyst.md")
	// "Les «𝔸» outils: [Jupyter](../tools/jupyter.md) et [pandas](../tools/pandas.md#usage)."
	// Break the first link's path: "jupyter.md" -> "jupyterr.md".
	line := 6
	// "Les «𝔸» outils: [" is 4+1+2+1+9 = 17 UTF-16 units (21 bytes), and
	// "[Jupyter](../tools/jupyter" 26 more.
	s.edit("content/roles/analyst.md", 2, protocol.Range{Start: pos(line, 43), End: pos(line, 43)}, "r")
	d := s.Diagnostics(s.uri("content/roles/analyst.md"), some)
	want := "link to ../tools/jupyterr.md: no such page (did you mean ../tools/jupyter.md?)"
	if messages(d) != want {
		t.Fatalf("diagnostics = %q, want %q", messages(d), want)
	}
	// check puts a link's problem at its '[': byte column 22, UTF-16 17.
	if got := d[0].Range.Start; got != pos(line, 17) {
		t.Errorf("start = %v, want %v", got, pos(line, 17))
	}
}

// TestCloseGoesBackToDisk: problems typed into a buffer go when the
// buffer is closed unsaved, the file on disk being fine.
func TestCloseGoesBackToDisk(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/engineer.md", "+++\ntitle = \"Engineer\"\ntools = [\"jupyterr\"]\n+++\n")
	uri := s.uri("content/roles/engineer.md")
	s.Diagnostics(uri, some)
	s.Notify(protocol.MethodTextDocumentDidClose, protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}})
	s.Diagnostics(uri, none)
}

// TestFollowsDisk: a file changed on disk behind the editor's back (a git
// checkout) is read again, its problems published.
func TestFollowsDisk(t *testing.T) {
	data, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := lsptest.Site(t, string(data))
	s := startIn(t, dir, setup{watch: true})
	// A first analysis, seen through, reads content/ before the change.
	s.open(t, "content/roles/engineer.md", "+++\ntitle = \"Engineer\"\ntools = [\"jupyterr\"]\n+++\n")
	s.Diagnostics(s.uri("content/roles/engineer.md"), some)
	bad := "---\ntitle: New\ntools: [pandass]\n---\n"
	if err := os.WriteFile(filepath.Join(dir, "content/roles/new.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	d := s.Diagnostics(s.uri("content/roles/new.md"), some)
	if want := `tools: no page "pandass" in section tools (did you mean pandas?)`; messages(d) != want {
		t.Errorf("diagnostics = %q, want %q", messages(d), want)
	}
}

// TestWatchedFolderRemoved: a client's word that a folder went reads the
// site again: the pages it held are gone, and so is what they fixed.
func TestWatchedFolderRemoved(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/roles/analyst.md")
	uri := s.uri("content/roles/analyst.md")
	var h protocol.Hover // a first analysis, seen through
	s.MustCall(protocol.MethodTextDocumentHover, docPos(uri, pos(3, 9)), &h)
	if err := os.RemoveAll(filepath.Join(s.dir, "content/tools")); err != nil {
		t.Fatal(err)
	}
	s.Notify(protocol.MethodWorkspaceDidChangeWatchedFiles, protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: s.uri("content/tools"), Type: 3}}})
	d := s.Diagnostics(uri, some)
	want := "link to ../tools/jupyter.md: no such page\nlink to ../tools/pandas.md: no such page"
	if messages(d) != want {
		t.Errorf("diagnostics after removing tools/: %q, want %q", messages(d), want)
	}
}

// TestWarningsAreWarnings: what a build warns of in a body (a URL the page
// does not keep) is published as a warning, with the build's message, and
// a problem as an error.
func TestWarningsAreWarnings(t *testing.T) {
	s := start(t, "testdata/site.txtar")
	s.open(t, "content/tools/pandas.md")
	uri := s.uri("content/tools/pandas.md")
	s.replaceAll("content/tools/pandas.md", 2, "---\ntitle: pandas\n---\n## Usage\n\n[x](javascript:alert(1)) [y](missing.md)\n")
	d := s.Diagnostics(uri, some)
	if len(d) != 2 {
		t.Fatalf("diagnostics = %q, want 2", messages(d))
	}
	for _, g := range d {
		want := protocol.DiagnosticSeverityError
		if strings.HasPrefix(g.Message, "warning: link to javascript:alert(1): ") {
			want = protocol.DiagnosticSeverityWarning
		}
		if g.Severity == nil || *g.Severity != want {
			t.Errorf("%q: severity %v, want %v", g.Message, g.Severity, want)
		}
	}
}
