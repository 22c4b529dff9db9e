package build_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/cli"
)

// TestFileFolderCollisions: a section folder named like a file the build
// generates, or a static file named like a section, makes one output path
// both a file and a folder. The build must report a collision naming both
// sources — never a raw "is a directory" write error — and write nothing,
// streaming to disk as in memory.
func TestFileFolderCollisions(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string // in the collision line, besides "output collision"
	}{
		{"section feed.xml", map[string]string{"content/feed.xml/p.md": "---\ntitle: P\n---\n"}, []string{"feed.xml", "content/feed.xml"}},
		{"section 404.html", map[string]string{"content/404.html/p.md": "---\ntitle: P\n---\n"}, []string{"content/404.html/:", "404.html/index.html"}},
		{"section graph.json", map[string]string{"content/graph.json/p.md": "---\ntitle: P\n---\n"}, []string{"graph.json"}},
		{"section sitemap.xml", map[string]string{"content/sitemap.xml/p.md": "---\ntitle: P\n---\n"}, []string{"sitemap.xml"}},
		{"section robots.txt", map[string]string{"content/robots.txt/p.md": "---\ntitle: P\n---\n"}, []string{"robots.txt"}},
		{"static file named like a section", map[string]string{"static/roles": "x"}, []string{"static/roles", "content/roles/a.md"}},
		{"static file named like a page folder", map[string]string{"static/tools/spark": "x"}, []string{"static/tools/spark", "content/tools/spark.md"}},
		{"static folder where a file is generated", map[string]string{"static/feed.xml/x.txt": "x"}, []string{"static/feed.xml/x.txt", "feed.xml"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "site")
			for name, data := range badBase {
				writeFile(t, filepath.Join(src, filepath.FromSlash(name)), data)
			}
			for name, data := range tc.files {
				writeFile(t, filepath.Join(src, filepath.FromSlash(name)), data)
			}
			out := filepath.Join(t.TempDir(), "public")
			var o, e bytes.Buffer
			code := cli.Main(context.Background(), []string{"build", "--src", src, "--out", out}, strings.NewReader(""), &o, &e)
			stderr := e.String()
			if code != cli.ExitProblem || !strings.Contains(stderr, "output collision") {
				t.Fatalf("exit code %d, want 1 and an output collision:\n%s", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("the collision does not name %s:\n%s", w, stderr)
				}
			}
			for _, raw := range []string{"is a directory", "not a directory", "cannot write"} {
				if strings.Contains(stderr, raw) {
					t.Errorf("a raw write error (%s) is reported:\n%s", raw, stderr)
				}
			}
		})
	}
}
