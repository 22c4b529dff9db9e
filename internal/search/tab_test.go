package search

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// A browser is the headless Chromium of one test (see internal/testbrowser),
// with a window of 1280 by 900 pixels.
type browser struct{ ctx context.Context }

// startBrowser starts the browser, or skips the test when there is none
// (failing it under CI=true) or when -short is set.
func startBrowser(t testing.TB) *browser {
	t.Helper()
	return &browser{testbrowser.New(t, testbrowser.WindowSize(1280, 900))}
}

// callTimeout bounds each step a tab takes: a page that stops answering
// fails the test instead of hanging it.
const callTimeout = 30 * time.Second

// A tab is one page of the browser, used by one test. Failures of its
// methods are reported to t.
type tab struct {
	t   testing.TB
	ctx context.Context
}

// open opens url in a new tab, as wide as width and 900 pixels high, and
// waits for it to load. The tab closes when t ends.
func (b *browser) open(t testing.TB, url string, width int) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	// The first run opens the tab and binds the tab's life to its
	// context: it has no deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	tb := &tab{t, ctx}
	tb.do("opening "+url, chromedp.EmulateViewport(int64(width), 900), chromedp.Navigate(url))
	return tb
}

// do runs actions in the tab.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, callTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page, awaiting a promise,
// and decodes its value into v.
func (tb *tab) eval(expr string, v any) {
	tb.t.Helper()
	if !tb.try(expr, v) {
		tb.t.Fatalf("evaluating %s failed", expr)
	}
}

// try is eval that reports false, and logs the exception, when the
// expression throws.
func (tb *tab) try(expr string, v any) bool {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, callTimeout)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if exc := (*chromedp.ExceptionError)(nil); errors.As(err, &exc) {
		tb.t.Logf("eval %s: %v", expr, exc)
		return false
	}
	if err != nil {
		tb.t.Fatalf("eval %s: %v", expr, err)
	}
	if v != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, v); err != nil {
			tb.t.Fatalf("eval %s: %v", expr, err)
		}
	}
	return true
}

// typeText types text into the focused element, as an IME commit would.
func (tb *tab) typeText(text string) {
	tb.t.Helper()
	tb.do("typing "+text, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
		return err
	}))
}

// press sends real key presses (down and up) to the page; keys are runes
// of package kb, such as kb.ArrowDown, or "/".
func (tb *tab) press(keys string) {
	tb.t.Helper()
	tb.do("pressing "+keys, testbrowser.Press(keys))
}

// waitFor polls a JavaScript condition until it is true.
func (tb *tab) waitFor(cond string) {
	tb.t.Helper()
	for range 200 {
		var ok bool
		if tb.try("Boolean("+cond+")", &ok) && ok {
			return
		}
		time.Sleep(25 * time.Millisecond) // polling a browser; nothing to wait on
	}
	var html string
	tb.try(`document.getElementById("search-results")?.outerHTML ?? "(none)"`, &html)
	tb.t.Fatalf("timed out waiting for %s; results: %s", cond, strings.TrimSpace(html))
}

// screenshot saves the visible page as a PNG file.
func (tb *tab) screenshot(path string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, callTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}
