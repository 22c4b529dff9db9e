package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/cli"
)

// TestNothingOutsideIsRead lays links that lead out of the site into each
// folder a build reads — static/, templates/, content/, a whole folder of
// them — and requires build and check to refuse each at the link, with
// nothing of the target in the output, the problems or the exit code 0.
func TestNothingOutsideIsRead(t *testing.T) {
	const secret = "SECRET-d41d8cd98f00"
	cases := []struct {
		name, link string // link: a slash path in the site
		target     func(outside string) string
	}{
		{"static file to the environment", "static/env.txt", func(string) string { return "/proc/self/environ" }},
		{"static file to /etc/passwd", "static/passwd.txt", func(string) string { return "/etc/passwd" }},
		{"static file beside the site", "static/key.txt", func(o string) string { return filepath.Join(o, "key.txt") }},
		{"static file, relative path out", "static/rel.txt", func(string) string { return "../../secrets/key.txt" }},
		{"static folder beside the site", "static/keys", func(o string) string { return o }},
		{"stylesheet beside the site", "static/css/extra.css", func(o string) string { return filepath.Join(o, "extra.css") }},
		{"template beside the site", "templates/base.html", func(o string) string { return filepath.Join(o, "base.html") }},
		{"partial template beside the site", "templates/page.html", func(o string) string { return filepath.Join(o, "base.html") }},
		{"page beside the site", "content/roles/b.md", func(o string) string { return filepath.Join(o, "b.md") }},
		{"section folder beside the site", "content/secrets", func(o string) string { return o }},
		{"home page beside the site", "content/_index.md", func(o string) string { return filepath.Join(o, "b.md") }},
		{"dangling link out", "static/gone.txt", func(o string) string { return filepath.Join(o, "gone", "x") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			top := t.TempDir()
			src := filepath.Join(top, "site")
			outside := filepath.Join(top, "secrets")
			for name, data := range badBase {
				writeFile(t, filepath.Join(src, filepath.FromSlash(name)), data)
			}
			for name, data := range map[string]string{
				"key.txt": secret, "extra.css": "body{color:red}/*" + secret + "*/",
				"base.html": "<p>" + secret + "</p>", "b.md": "---\ntitle: " + secret + "\n---\n" + secret + "\n",
			} {
				writeFile(t, filepath.Join(outside, name), data)
			}
			link := filepath.Join(src, filepath.FromSlash(tc.link))
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			_ = os.Remove(link) // the home page is in badBase
			if err := os.Symlink(tc.target(outside), link); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(top, "public")
			for _, args := range [][]string{{"build", "--src", src, "--out", out}, {"check", "--src", src}} {
				var o, e bytes.Buffer
				code := cli.Main(context.Background(), args, strings.NewReader(""), &o, &e)
				if code != cli.ExitProblem {
					t.Fatalf("%s: exit code %d, want 1:\n%s%s", args[0], code, o.String(), e.String())
				}
				want := tc.link + ":1:1: points outside the site: it is a symbolic link to "
				if !strings.Contains(e.String(), want) {
					t.Errorf("%s: no problem at the link; want a line starting %q, got:\n%s", args[0], want, e.String())
				}
				if strings.Contains(o.String()+e.String(), secret) {
					t.Errorf("%s: the output mentions what the link points to:\n%s%s", args[0], o.String(), e.String())
				}
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a refused build wrote %s", out)
			}
		})
	}
}

// TestLinksInsideTheSiteAreRead: the rule is about where a link leads, not
// that it is a link. Links that stay inside the site build as their targets.
func TestLinksInsideTheSiteAreRead(t *testing.T) {
	top := t.TempDir()
	src := filepath.Join(top, "site")
	for name, data := range badBase {
		writeFile(t, filepath.Join(src, filepath.FromSlash(name)), data)
	}
	writeFile(t, filepath.Join(src, "shared", "logo.txt"), "logo")
	writeFile(t, filepath.Join(src, "shared", "b.md"), "---\ntitle: Bee\n---\n")
	writeFile(t, filepath.Join(src, "static", "css", "extra.css"), "p{margin:0}")
	for link, target := range map[string]string{
		"static/logo.txt":    "../shared/logo.txt",
		"content/roles/b.md": filepath.Join(src, "shared", "b.md"),
	} {
		if err := os.Symlink(target, filepath.Join(src, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	// The site folder itself reached through a link.
	linked := filepath.Join(top, "L")
	if err := os.Symlink(src, linked); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(top, "public")
	var o, e bytes.Buffer
	if code := cli.Main(context.Background(), []string{"build", "--src", linked, "--out", out}, strings.NewReader(""), &o, &e); code != cli.ExitOK {
		t.Fatalf("exit code %d:\n%s", code, e.String())
	}
	if got, err := os.ReadFile(filepath.Join(out, "logo.txt")); err != nil || string(got) != "logo" {
		t.Errorf("logo.txt: %q, %v", got, err)
	}
	if got, err := fs.ReadFile(os.DirFS(out), "roles/b/index.html"); err != nil || !bytes.Contains(got, []byte("Bee")) {
		t.Errorf("roles/b/index.html: %v", err)
	}
}
