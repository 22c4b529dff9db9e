package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rolesite/rolesite/internal/build"
)

// TestHTMLValid runs the W3C Nu Html Checker over every HTML page of the
// built atlas (its own pages, the comparisons, 404.html and the alias
// pages) and fails on any error; warnings are logged. It checks the site as
// published (minified) and as the templates write it (where line numbers
// point at something a person can read).
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	java, jar := vnuJar(t)
	t.Run("published", func(t *testing.T) {
		checkHTML(t, java, jar, published("https://example.org/atlas/"))
	})
	t.Run("as-written", func(t *testing.T) {
		checkHTML(t, java, jar, build.Options{BaseURL: "https://example.org/atlas/"})
	})
}

func checkHTML(t *testing.T, java, jar string, opts build.Options) {
	a := serveAtlas(t, opts)
	pages := a.pages(t)

	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	start := time.Now()
	// One JVM for the whole folder. --exit-zero-always: the exit status
	// means "the checker ran", the messages say what it found; --verbose
	// lists the files it checked on stdout, the JSON report is on stderr.
	cmd := exec.CommandContext(ctx, java, "-Xss8m", "-jar", jar, "--verbose", "--format", "json", "--exit-zero-always", "--skip-non-html", a.dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("vnu: %v\n%s%s", err, stdout.Bytes(), stderr.Bytes())
	}
	var report struct {
		Messages []struct {
			Type, SubType, URL, Message, Extract string
			LastLine                             int
		}
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("vnu: cannot read its report: %v\n%s", err, stderr.Bytes())
	}
	errors, warnings := 0, 0
	found := problems{}
	for _, m := range report.Messages {
		file := strings.TrimPrefix(m.URL, "file:")
		rel, err := filepath.Rel(a.dir, file)
		if err != nil {
			rel = file
		}
		where := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), m.LastLine)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasPrefix(m.Message, "File was not checked."):
			// a stylesheet, script or JSON file in the folder
		case vnuLags(m.Message, m.Extract):
			// the checker is behind the HTML standard here
		case m.Type == "error" || m.SubType == "fatal":
			errors++
			found.add(where, "%s\n\t%s", m.Message, strings.Join(strings.Fields(m.Extract), " "))
		case m.Type == "info" && m.SubType == "warning":
			warnings++
			t.Logf("warning: %s: %s", where, m.Message)
		case m.Type == "non-document-error":
			found.add(where, "vnu could not check the page: %s", m.Message)
		}
	}
	found.report(t)
	// vnu reports nothing for a clean file: make sure it saw every page.
	seen := map[string]bool{}
	for line := range strings.Lines(stdout.String()) {
		seen[strings.TrimSpace(line)] = true
	}
	var missed []string
	for _, p := range pages {
		name := p
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if !seen[filepath.Join(a.dir, filepath.FromSlash(name))] {
			missed = append(missed, name)
		}
	}
	slices.Sort(missed)
	if len(missed) > 0 {
		t.Errorf("vnu did not check %d pages: %q", len(missed), missed)
	}
	t.Logf("%d pages checked in %v: %d errors, %d warnings", len(pages), time.Since(start).Round(time.Millisecond), errors, warnings)
}

// vnuLags reports the one error vnu gives where the HTML standard allows
// what it rejects: "blocking" on <link rel="expect"> (the standard's
// blocking attributes apply to rel="stylesheet" and rel="expect" alike;
// vnu 26.9 knows only the first). Anything else on that line, and the same
// message on any other link, is still an error.
func vnuLags(message, extract string) bool {
	return message == "A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”." &&
		strings.Contains(extract, `<link rel="expect" href="#footer" blocking="render">`)
}
