package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// shotPages are the pages a person looks at after changing the theme.
var shotPages = []struct{ name, path string }{
	{"home", ""},
	{"role", "roles/data-scientist/"},
	{"tool", "tools/python/"},
	{"stage", "stages/monitoring/"},
	{"matrix", "matrices/roles-by-tools/"},
	{"matrix-stages", "matrices/roles-by-stages/"},
	{"compare", "roles/data-scientist/vs/machine-learning-engineer/"},
	{"comparisons", "compare/roles/?a=data-analyst&b=machine-learning-engineer"},
	{"roles", "roles/"},
	{"search", "search/"},
}

// TestScreenshots writes screenshots of the page types, at 1280 and 390 px,
// in the light and dark schemes, into the folder ROLESITE_SHOTS names
// (scripts/screenshots.sh sets it), and at 320 px too: NAME-WIDTH-SCHEME.png is the first
// screen, NAME-WIDTH-SCHEME-N.png the Nth screen down, up to MAXSCREENS
// (4 unless ROLESITE_SHOTS_SCREENS says otherwise). It checks nothing: it
// is for a person to look at, and is skipped unless asked for.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("ROLESITE_SHOTS")
	if dir == "" {
		t.Skip("set ROLESITE_SHOTS to a folder to write screenshots (scripts/screenshots.sh)")
	}
	screens := 4
	if n := os.Getenv("ROLESITE_SHOTS_SCREENS"); n != "" {
		if _, err := fmt.Sscan(n, &screens); err != nil {
			t.Fatalf("ROLESITE_SHOTS_SCREENS=%q: %v", n, err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b := startBrowser(t)
	a := serveAtlas(t, published(""))
	for _, p := range shotPages {
		for _, size := range []struct{ w, h int64 }{{1280, 900}, {390, 844}, {320, 640}} {
			for _, scheme := range []string{"light", "dark"} {
				b.viewport(size.w, size.h)
				b.scheme(scheme)
				b.open(a.url(p.path))
				height := eval[int64](b, `document.documentElement.scrollHeight`)
				for i := range screens {
					y := int64(i) * size.h
					if y >= height {
						break
					}
					name := fmt.Sprintf("%s-%d-%s.png", p.name, size.w, scheme)
					if i > 0 {
						name = fmt.Sprintf("%s-%d-%s-%d.png", p.name, size.w, scheme, i+1)
					}
					b.run(fmt.Sprintf("window.scrollTo(0, %d)", y))
					png := shot(b)
					if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	// Print: the first screens of a page as printed (media print, 800 px).
	for _, p := range shotPages[1:3] {
		b.viewport(800, 1100)
		b.scheme("dark") // print must be light all the same
		b.media("print")
		b.open(a.url(p.path))
		for i := range 2 {
			b.run(fmt.Sprintf("window.scrollTo(0, %d)", i*1100))
			name := fmt.Sprintf("%s-print-%d.png", p.name, i+1)
			if err := os.WriteFile(filepath.Join(dir, name), shot(b), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		b.media("")
	}
	t.Logf("screenshots in %s", dir)
}

// shot captures the viewport as PNG.
func shot(b *tab) []byte {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	png, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		r, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
		return r.Data, err
	})
	if err != nil {
		b.t.Fatal(err)
	}
	return png
}
