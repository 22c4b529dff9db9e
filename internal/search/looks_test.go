package search

import (
	"flag"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

var shots = flag.String("shots", "", "write screenshots of the results dropdown to this directory")

// TestLooks writes screenshots of the dropdown, for a person to look at,
// at phone and desktop widths in a light and a dark theme. It runs only
// with -shots DIR.
func TestLooks(t *testing.T) {
	if *shots == "" {
		t.Skip("run with -shots DIR to write screenshots")
	}
	b := startBrowser(t)
	site := serveSite(t, "/atlas/", Index(corpus(t, 500)))
	for _, width := range []int{320, 390, 1280} {
		for _, theme := range []string{"light", "dark"} {
			tb := b.open(t, site.url("stages/"), width)
			tb.eval(`document.documentElement.dataset.theme = "`+theme+`";
				0`, nil)
			tb.eval(`document.getElementById("search-q").focus()`, nil)
			tb.typeText("data pi")
			tb.waitFor(`document.querySelectorAll("#search-results [role=option]").length > 3`)
			// Once typing pauses, passages and sub-results come.
			tb.waitFor(`document.querySelectorAll("#search-results .search-sub").length > 0`)
			tb.press(kb.ArrowDown)
			tb.press(kb.ArrowDown)
			tb.screenshot(filepath.Join(*shots, fmt.Sprintf("search-%d-%s.png", width, theme)))
		}
	}
}
