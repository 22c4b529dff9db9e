package cli

import (
	"os"
	"path/filepath"
	"strings"
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
