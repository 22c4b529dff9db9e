package testbrowser

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNew starts the real browser, headless, with the window asked for
// (the page is as wide as the window; the window also holds the browser's
// own bars, so only its outer height is the one asked for).
func TestNew(t *testing.T) {
	ctx := New(t, WindowSize(700, 500))
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](`[navigator.userAgent.includes("Headless"), innerWidth, outerHeight]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != true || got[1] != float64(700) || got[2] != float64(500) {
		t.Errorf("[headless, innerWidth, outerHeight] = %v; want [true 700 500]", got)
	}
}
