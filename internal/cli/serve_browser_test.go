package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// waitIn polls a JavaScript condition in the page until it is true. The
// page may be reloading: an evaluation error means "not yet".
func waitIn(t testing.TB, ctx context.Context, what, cond string) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := start.Add(15 * time.Second)
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && v {
			return time.Since(start)
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (%s)", what, cond)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestServeInBrowser opens a page, edits its markdown and sees the change
// without reloading by hand; breaks the front matter and sees the overlay
// with the problem; fixes it and sees the overlay go.
func TestServeInBrowser(t *testing.T) {
	ctx := testbrowser.New(t)
	src := writeSite(t, goodSite)
	url, _ := devServer(t, src)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"roles/analyst/")); err != nil {
		t.Fatal(err)
	}
	waitIn(t, ctx, "the page", `document.querySelector("h1") && document.querySelector("h1").textContent.includes("Analyst")`)
	waitIn(t, ctx, "the live-reload connection", `document.querySelector('script[src*="__rolesite/live.js"]') !== null`)
	time.Sleep(200 * time.Millisecond) // let EventSource connect before the first edit

	file := filepath.Join(src, "content", "roles", "analyst.md")
	write := func(s string) {
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := goodSite["content/roles/analyst.md"]
	write(strings.Replace(good, "Uses [SQL]", "Edited in the browser test. Uses [SQL]", 1))
	waitIn(t, ctx, "the edit", `document.body.innerText.includes("Edited in the browser test.")`)

	write("---\ntitle: [unclosed\n---\n")
	waitIn(t, ctx, "the overlay", `(() => { const o = document.getElementById("__rolesite-overlay"); return !!o && o.innerText.includes("content/roles/analyst.md") && o.innerText.includes("YAML front matter does not parse") })()`)
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.innerText.includes("Edited in the browser test.")`)); !v {
		t.Error("the last good page is gone while the overlay shows")
	}

	write(strings.Replace(good, "Uses [SQL]", "Fixed in the browser test. Uses [SQL]", 1))
	waitIn(t, ctx, "the overlay to go and the fix to show", `document.getElementById("__rolesite-overlay") === null && document.body.innerText.includes("Fixed in the browser test.")`)
}
