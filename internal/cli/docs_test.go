package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPublishingRecipes runs every rolesite build and check command that
// PUBLISHING.md gives, on the repository's own atlas, and checks what each
// host needs is in the output.
func TestPublishingRecipes(t *testing.T) {
	doc, err := os.ReadFile("../../PUBLISHING.md")
	if err != nil {
		t.Fatal(err)
	}
	cmd := regexp.MustCompile(`(?m)^go run \./cmd/rolesite ((?:build|check) [^\n]*)$`)
	found := cmd.FindAllStringSubmatch(string(doc), -1)
	if len(found) < 5 {
		t.Fatalf("only %d commands found in PUBLISHING.md", len(found))
	}
	out := filepath.Join(t.TempDir(), "public")
	for _, m := range found {
		args := strings.Fields(strings.ReplaceAll(m[1], `"`, ""))
		for i, a := range args {
			if a == "public" {
				args[i] = out
			}
		}
		args = append(args, "--src", "../..")
		if args[0] == "check" {
			args = args[:len(args)-2] // check --output reads the folder only
		}
		code, stdout, stderr := run(t, args...)
		if code != ExitOK {
			t.Fatalf("rolesite %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
		if args[0] != "build" {
			continue
		}
		for _, want := range []string{"_headers", "_redirects", "sitemap.xml", "feed.xml", "404.html", ".rolesite-manifest"} {
			if _, err := os.Stat(filepath.Join(out, want)); err != nil {
				t.Errorf("after %q: %s missing", m[1], want)
			}
		}
		if strings.Contains(m[1], "--precompress") {
			if _, err := os.Stat(filepath.Join(out, "index.html.br")); err != nil {
				t.Errorf("--precompress wrote no index.html.br")
			}
		}
	}
	// The workflow builds with go run and the base URL of the Pages site.
	wf, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil || !strings.Contains(string(wf), "go run ./cmd/rolesite build --out public --base-url") {
		t.Errorf("the GitHub Pages workflow does not build with rolesite: %v", err)
	}
}
