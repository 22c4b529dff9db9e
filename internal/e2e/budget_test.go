package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The byte budgets of issue 5, before compression, over every stylesheet and
// script the built site ships (the search and diagram files included).
const (
	cssBudget = 30_000
	jsBudget  = 20_000
)

// TestBudgets weighs every stylesheet and script of the published output
// (minified, not compressed) against the budgets, and makes sure no
// stylesheet reaches for another host (fonts, CDNs, imports).
func TestBudgets(t *testing.T) {
	a := serveAtlas(t, published(""))
	external := regexp.MustCompile(`(?i)@import|url\(\s*['"]?(https?:)?//`)
	for _, b := range []struct {
		dir, ext string
		budget   int
	}{{"css", ".css", cssBudget}, {"js", ".js", jsBudget}} {
		entries, err := os.ReadDir(filepath.Join(a.dir, b.dir))
		if err != nil {
			t.Fatal(err)
		}
		total, parts := 0, []string{}
		for _, e := range entries {
			if e.IsDir() {
				t.Errorf("%s/%s: a folder; the budget counts files only, so keep %s flat", b.dir, e.Name(), b.dir)
				continue
			}
			data, err := os.ReadFile(filepath.Join(a.dir, b.dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			total += len(data)
			parts = append(parts, fmt.Sprintf("%s %d", e.Name(), len(data)))
			if b.ext == ".css" && external.Match(data) {
				t.Errorf("%s/%s loads from elsewhere (%s)", b.dir, e.Name(), external.Find(data))
			}
		}
		if len(parts) == 0 {
			t.Errorf("no files in %s/", b.dir)
		}
		source := 0
		if src, err := os.ReadDir(filepath.Join(repoRoot, "static", b.dir)); err == nil {
			for _, e := range src {
				if info, err := e.Info(); err == nil && !e.IsDir() {
					source += int(info.Size())
				}
			}
		}
		t.Logf("%s: %d bytes as published (%s), %d in static/%s; budget %d", b.dir, total, strings.Join(parts, ", "), source, b.dir, b.budget)
		if total >= b.budget {
			t.Errorf("%s: %d bytes, over the budget of %d (%s)", b.dir, total, b.budget, strings.Join(parts, ", "))
		}
	}
}
