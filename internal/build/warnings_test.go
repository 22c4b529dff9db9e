package build_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestLookAlikePagesWarn: a file under content/ named like a page but not
// ending in ".md" is not read; the build says so, at the file, and goes on.
func TestLookAlikePagesWarn(t *testing.T) {
	src := fstest.MapFS{}
	for name, data := range badBase {
		src[name] = &fstest.MapFile{Data: []byte(data)}
	}
	looks := []string{"content/roles/b.MD", "content/roles/c.Md", "content/tools/d.markdown", "content/tools/e.MARKDOWN", "content/x.mdown"}
	quiet := []string{"content/roles/notes.txt", "content/roles/.hidden.MD", "content/roles/draft.md~", "content/roles/img.png"}
	for _, name := range append(looks, quiet...) {
		src[name] = &fstest.MapFile{Data: []byte("---\ntitle: X\n---\n")}
	}
	res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
	if !res.OK() {
		t.Fatalf("the build failed: %v", res.Diagnostics)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Path)
		if !strings.Contains(w.String(), "warning: not read") || !strings.Contains(w.Message, ".md") {
			t.Errorf("%s: the warning does not say what to do", w)
		}
	}
	if strings.Join(got, " ") != strings.Join(slices.Sorted(slices.Values(looks)), " ") {
		t.Errorf("warned about %v, want %v", got, slices.Sorted(slices.Values(looks)))
	}
}
