package rename

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/rolesite/rolesite/internal/workspace"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/*.txtar from what the rename gives")

// TestRenames runs every testdata/*.txtar: its comment's first line is
// "rename: SECTION/OLD NEW"; a "refuse: TEXT" line says the rename must
// fail with an error holding TEXT; otherwise each want/PATH file is the
// file PATH after the rename (byte for byte: CRLF and BOM kept), and the
// old file must be gone.
func TestRenames(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			from, newSlug, refuse := header(t, string(ar.Comment))
			fsys := fstest.MapFS{}
			for _, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "want/") {
					fsys[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			got, err := run(fsys, from, newSlug)
			if refuse != "" {
				if err == nil || !strings.Contains(err.Error(), refuse) {
					t.Fatalf("error = %v, want one holding %q", err, refuse)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			changed := false
			for i, f := range ar.Files {
				name, ok := strings.CutPrefix(f.Name, "want/")
				if !ok {
					continue
				}
				if *update {
					ar.Files[i].Data, changed = got[name], true
					continue
				}
				if !bytes.Equal(got[name], f.Data) {
					t.Errorf("%s:\n%q\nwant:\n%q", name, got[name], f.Data)
				}
			}
			if _, ok := got[from]; ok {
				t.Errorf("%s is still there", from)
			}
			if changed {
				os.WriteFile(file, txtar.Format(ar), 0o644)
			}
		})
	}
}

func header(t *testing.T, comment string) (from, newSlug, refuse string) {
	for _, line := range strings.Split(comment, "\n") {
		if v, ok := strings.CutPrefix(line, "rename: "); ok {
			old, slug, _ := strings.Cut(v, " ")
			from, newSlug = "content/"+old+".md", slug
		}
		if v, ok := strings.CutPrefix(line, "refuse: "); ok {
			refuse = v
		}
	}
	if from == "" {
		t.Fatal(`no "rename: SECTION/OLD NEW" line`)
	}
	return from, newSlug, refuse
}

// run plans, checks and applies a rename in memory, returning every
// content file afterwards.
func run(fsys fstest.MapFS, from, newSlug string) (map[string][]byte, error) {
	snap := workspace.New(workspace.Options{}).Analyze(context.Background(), fsys)
	page := snap.Page(from)
	if page == nil {
		return nil, os.ErrNotExist
	}
	plan, err := Page(snap, page, newSlug, func(name string) bool { _, ok := fsys[name]; return ok })
	if err != nil {
		return nil, err
	}
	if err := Check(context.Background(), snap, plan, workspace.Options{}); err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for name, f := range fsys {
		out[name] = f.Data
	}
	delete(out, plan.From)
	for name, text := range plan.Texts(snap) {
		out[name] = text
	}
	return out, nil
}
