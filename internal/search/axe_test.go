package search

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// TestBrowserAxe runs axe-core over a page with the results open, with
// none, and over the search page, in both themes, when AXE_CORE names axe.min.js (npm install axe-core). CI sets
// it; elsewhere the test is skipped.
func TestBrowserAxe(t *testing.T) {
	path := os.Getenv("AXE_CORE")
	if path == "" {
		testbrowser.Missing(t, "set AXE_CORE to the path of axe.min.js")
	}
	axe, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b := startBrowser(t)
	site := serveSite(t, "/atlas/", Index(fixture()))
	for _, theme := range []string{"light", "dark"} {
		for _, width := range []int{390, 1280} {
			tb := b.open(t, site.url("stages/"), width)
			tb.eval(`document.documentElement.dataset.theme = "`+theme+`"`, nil)
			tb.eval(`document.getElementById("search-q").focus()`, nil)
			tb.typeText("spa")
			tb.waitFor(`document.querySelectorAll("#search-results [role=option]").length == 4`)
			tb.press(kb.ArrowDown)
			tb.eval(string(axe)+"\n;0", nil) // Runtime.evaluate is not subject to the page's CSP
			var violations []struct {
				ID, Help string
				Nodes    []struct{ HTML string }
			}
			tb.eval(`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`, &violations)
			for _, v := range violations {
				var nodes []string
				for _, n := range v.Nodes {
					nodes = append(nodes, n.HTML)
				}
				t.Errorf("%s, %d px: %s: %s\n\t%s", theme, width, v.ID, v.Help, strings.Join(nodes, "\n\t"))
			}
			// The empty state too.
			tb.typeText("zzzqqq")
			tb.waitFor(`!document.querySelector(".search-status").hidden && document.getElementById("search-results").hidden`)
			tb.eval(`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`, &violations)
			for _, v := range violations {
				t.Errorf("%s, %d px, no results: %s: %s", theme, width, v.ID, v.Help)
			}
		}
		// The search page, with its chips and passages.
		page := servePages(t, "/atlas/", Index(fixture()), true)
		tb := b.open(t, page.url("search/?q=spark"), 1280)
		tb.eval(`document.documentElement.dataset.theme = "`+theme+`"`, nil)
		tb.waitFor(`!document.getElementById("search-page").hidden`)
		tb.eval(string(axe)+"\n;0", nil)
		var violations []struct{ ID, Help string }
		tb.eval(`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`, &violations)
		for _, v := range violations {
			t.Errorf("%s, search page: %s: %s", theme, v.ID, v.Help)
		}
	}
}
