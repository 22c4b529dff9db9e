package workspace

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/diag"
)

// sites are the whole-site fixtures the comparison runs on: build's, and
// this package's own (which add the three front matter formats, CRLF and
// non-ASCII text).
func sites(t *testing.T) []string {
	own, _ := filepath.Glob("testdata/*.txtar")
	theirs, _ := filepath.Glob("../build/testdata/sites/*.txtar")
	if len(own) == 0 {
		t.Fatal("no fixtures in testdata/")
	}
	return append(own, theirs...)
}

func archiveFS(t testing.TB, file string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

// contentProblems keeps the problems a build finds in content files, the
// ones an analysis is held to: not the collisions of output paths, which
// the build finds as it lays out its output, nor the problems of images,
// which it finds as it copies them, nor a body's broken links by URL,
// which it finds in the pages it wrote.
func contentProblems(l diag.List) []string {
	var out []string
	for _, d := range l {
		if strings.HasPrefix(d.Path, "content") && !strings.Contains(d.Message, " both write ") && !strings.HasPrefix(d.Message, "image ") &&
			!strings.HasPrefix(d.Message, "in the built page: ") {
			out = append(out, d.String())
		}
	}
	return out
}

// TestSameProblemsAsCheck holds the analysis to `rolesite check`: on every
// fixture site, and on the atlas itself, the same problems in content files
// with the same messages and positions.
func TestSameProblemsAsCheck(t *testing.T) {
	for _, file := range sites(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			compare(t, archiveFS(t, file))
		})
	}
	t.Run("atlas", func(t *testing.T) { compare(t, os.DirFS("../..")) })
}

func compare(t *testing.T, fsys fs.FS) {
	t.Helper()
	res := build.Build(context.Background(), fsys, rolesite.Theme(), build.Options{CheckLinks: true})
	// The warnings of bodies, with the problems; not the walk's notes.
	pages := slices.DeleteFunc(slices.Clone(res.Warnings), func(d diag.Diagnostic) bool { return strings.HasPrefix(d.Message, "warning: not read") })
	want := contentProblems(append(slices.Clone(res.Diagnostics), pages...).Sorted())
	snap := New(Options{}).Analyze(context.Background(), fsys)
	got := contentProblems(snap.Diagnostics)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems differ\ncheck:\n%s\nanalysis:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

// TestReanalysisEqualsFresh checks that an Analyzer that re-parses only
// what changed gives what a fresh one gives, and that a fix in one file
// clears the problem it caused in another.
func TestReanalysisEqualsFresh(t *testing.T) {
	fsys := archiveFS(t, "testdata/formats.txtar")
	a := New(Options{})
	first := a.Analyze(context.Background(), fsys)
	if len(first.Diagnostics) != 0 {
		t.Fatalf("the fixture has problems: %v", first.Diagnostics)
	}
	// Removing a page breaks the relations naming it, in other files.
	delete(fsys, "content/tools/jupyter.md")
	broken := a.Analyze(context.Background(), fsys)
	if len(broken.Diagnostics) == 0 {
		t.Fatal("removing a page named by others gave no problem")
	}
	for _, d := range broken.Diagnostics {
		if d.Path == "content/tools/jupyter.md" {
			t.Errorf("a problem in the removed file: %v", d)
		}
	}
	fresh := New(Options{}).Analyze(context.Background(), fsys)
	if broken.Diagnostics.Error() != fresh.Diagnostics.Error() {
		t.Errorf("reanalysis:\n%v\nfresh:\n%v", broken.Diagnostics, fresh.Diagnostics)
	}
	fsys["content/tools/jupyter.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Jupyter\n---\n")}
	if fixed := a.Analyze(context.Background(), fsys); len(fixed.Diagnostics) != 0 {
		t.Errorf("restoring the page left problems: %v", fixed.Diagnostics)
	}
}

// TestUpdateEqualsAnalyze applies a sequence of changes — an edit that
// breaks a relation, a new page that satisfies it, a removed page, a
// changed home page — and checks that Update, told only the changed
// paths, gives what a fresh Analyze of the same files gives.
func TestUpdateEqualsAnalyze(t *testing.T) {
	fsys := archiveFS(t, "testdata/formats.txtar")
	a := New(Options{})
	a.Analyze(context.Background(), fsys)
	steps := []struct {
		name string
		text string // "" removes the file
	}{
		{"content/roles/yaml.md", "---\ntitle: Y\ntools: [jupyter, polars]\n---\n"},
		{"content/tools/polars.md", "---\ntitle: Polars\n---\n"},
		{"content/tools/pandas.md", ""},
		{"content/_index.md", "---\ntitle: Atlas\nunsafe_html: true\n---\n<b>hi</b>\n"},
		{"content/roles/.hidden.md", "---\ntitle: [\n---\n"},
	}
	for _, step := range steps {
		if step.text == "" {
			delete(fsys, step.name)
		} else {
			fsys[step.name] = &fstest.MapFile{Data: []byte(step.text)}
		}
		got := a.Update(context.Background(), fsys, []string{step.name})
		want := New(Options{}).Analyze(context.Background(), fsys)
		if got.Diagnostics.Error() != want.Diagnostics.Error() || strings.Join(got.Files(), " ") != strings.Join(want.Files(), " ") {
			t.Fatalf("after %s: update gives\n%v\n%v\nanalysis gives\n%v\n%v", step.name, got.Files(), got.Diagnostics, want.Files(), want.Diagnostics)
		}
		for _, f := range want.Files() {
			if len(got.Refs(f)) != len(want.Refs(f)) {
				t.Errorf("after %s: %s has %d references, want %d", step.name, f, len(got.Refs(f)), len(want.Refs(f)))
			}
		}
	}
}
