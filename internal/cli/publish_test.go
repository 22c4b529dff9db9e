package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestBuildChecksItsLinks builds at a root and under a sub-path (every link
// is checked before anything is written), then breaks a link in the output
// and requires check --output to name it.
func TestBuildChecksItsLinks(t *testing.T) {
	src := writeSite(t, goodSite)
	for _, base := range []string{"https://example.org/", "https://example.org/atlas/"} {
		out := filepath.Join(t.TempDir(), "public")
		if code, _, stderr := run(t, "build", "--src", src, "--out", out, "--base-url", base); code != ExitOK {
			t.Fatalf("%s: %s", base, stderr)
		}
		if code, stdout, stderr := run(t, "check", "--output", out, "--base-url", base); code != ExitOK {
			t.Fatalf("%s: check --output: %s %s", base, stdout, stderr)
		}
		page := filepath.Join(out, "roles", "analyst", "index.html")
		data, _ := os.ReadFile(page)
		broken := strings.Replace(string(data), "/tools/sql/", "/tools/sqll/", 1)
		_ = os.WriteFile(page, []byte(broken), 0o644)
		code, _, stderr := run(t, "check", "--output", out, "--base-url", base)
		if code != ExitProblem || !strings.Contains(stderr, "roles/analyst/index.html") || !strings.Contains(stderr, "tools/sqll/: no such file") {
			t.Errorf("%s: broken link not reported: code %d, %s", base, code, stderr)
		}
	}
}

// TestBuildFailsOnBrokenTemplateLink: a template that links nowhere fails
// the build, and nothing is written.
func TestBuildFailsOnBrokenTemplateLink(t *testing.T) {
	files := map[string]string{"templates/page.html": `{{define "main"}}<a href="{{.Site.BasePath}}nowhere/">x</a>{{end}}`}
	for k, v := range goodSite {
		files[k] = v
	}
	src := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := run(t, "build", "--src", src, "--out", out)
	if code != ExitProblem || !strings.Contains(stderr, "output:roles/analyst/index.html:") || !strings.Contains(stderr, "in the built site: link to /nowhere/: no such file") {
		t.Errorf("code %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed build wrote output")
	}
}

// TestCheckOutputReadsOnlyTheFolder: check --output reads the folder as a
// site is read: a named pipe is reported, not opened (which would block
// for ever), and a symbolic link out of the folder is reported, not
// followed.
func TestCheckOutputReadsOnlyTheFolder(t *testing.T) {
	src := writeSite(t, goodSite)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run(t, "build", "--src", src, "--out", out); code != ExitOK {
		t.Fatal(stderr)
	}
	if err := syscall.Mkfifo(filepath.Join(out, "pipe.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "outside.html")
	_ = os.WriteFile(outside, []byte(`<a href="/secret-path/">x</a>`), 0o644)
	if err := os.Symlink(outside, filepath.Join(out, "link.html")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "check", "--output", out)
	if code != ExitProblem || !strings.Contains(stderr, "pipe.html: not read") || !strings.Contains(stderr, "link.html: not read") ||
		strings.Contains(stderr, "secret-path") || !strings.Contains(stderr, "2 problems") {
		t.Errorf("code %d, stderr %s", code, stderr)
	}
}
