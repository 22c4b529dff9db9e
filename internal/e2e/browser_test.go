package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// A tab is one tab of a headless Chromium that the test started.
type tab struct {
	t           *testing.T
	ctx         context.Context
	colorScheme string // the emulated prefers-color-scheme, "" for none
}

// startBrowser starts headless Chromium (see internal/testbrowser) and
// returns its first tab. The browser stops when the test ends.
func startBrowser(t *testing.T) *tab {
	t.Helper()
	b := &tab{t: t, ctx: testbrowser.New(t)}
	b.instrument()
	return b
}

// probe runs in every document before its own scripts: it records script
// errors, CSP violations and layout shifts where the test can read them,
// and counts fetches until their JSON is read and the code awaiting it has
// run (a task later), so a test can wait for the search to settle.
const probe = `(() => {
  const log = window.__e2e = {errors: [], csp: [], shift: 0, moved: [], fetching: 0};
  const name = (n) => !n ? "?" : n.nodeType !== 1 ? n.nodeName : n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (n.className && typeof n.className === "string" ? "." + n.className.trim().split(/\s+/).join(".") : "");
  const rect = (r) => Math.round(r.x) + "," + Math.round(r.y) + " " + Math.round(r.width) + "x" + Math.round(r.height);
  const fetch0 = window.fetch;
  window.fetch = (...args) => {
    log.fetching++;
    const done = () => setTimeout(() => log.fetching--);
    return fetch0(...args).then((r) => {
      const json = r.json.bind(r);
      r.json = () => json().finally(done);
      return r;
    }, (e) => { done(); throw e; });
  };
  addEventListener('error', (e) => log.errors.push(e.target === window
    ? e.message + ' at ' + e.filename + ':' + e.lineno
    : 'cannot load ' + (e.target.currentSrc || e.target.src || e.target.href)), true);
  addEventListener('unhandledrejection', (e) => log.errors.push('unhandled rejection: ' + e.reason));
  document.addEventListener('securitypolicyviolation', (e) =>
    log.csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + ' at ' + e.sourceFile + ':' + e.lineNumber));
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.hadRecentInput) continue;
        log.shift += e.value;
        for (const s of e.sources || []) log.moved.push(name(s.node) + " " + rect(s.previousRect) + " -> " + rect(s.currentRect) + " at " + Math.round(e.startTime) + " ms");
      }
    })
      .observe({type: 'layout-shift', buffered: true});
  } catch (e) {}
})();`

// instrument installs probe for every new document of the tab.
func (b *tab) instrument() {
	b.t.Helper()
	b.onNewDocument(probe)
}

// onNewDocument runs src in every document the tab loads from now on,
// before the page's scripts. DevTools scripts are not subject to the CSP.
func (b *tab) onNewDocument(src string) {
	b.t.Helper()
	b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	}))
}

// newTab opens another tab of the same browser, with its own probe.
func (b *tab) newTab() *tab {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.t.Cleanup(cancel)
	// The first run opens the tab; like the browser's, it has no deadline.
	if err := chromedp.Do(ctx); err != nil {
		b.t.Fatal(err)
	}
	nb := &tab{t: b.t, ctx: ctx}
	nb.instrument()
	return nb
}

// timeout bounds every browser action: a page that never loads fails the
// test instead of hanging it.
const timeout = 20 * time.Second

// contextWithTimeout bounds one step of the test.
func contextWithTimeout(b *tab) (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, timeout)
}

// do runs actions with a deadline.
func (b *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) and decodes
// its JSON value into a T.
func eval[T any](b *tab, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", abbrev(expr), err)
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		b.t.Fatalf("evaluating %s: %v (%s)", abbrev(expr), err, abbrev(string(raw)))
	}
	return v
}

// run evaluates a statement for its effect.
func (b *tab) run(expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](expr, chromedp.EvalAwaitPromise)); err != nil {
		b.t.Fatalf("evaluating %s: %v", abbrev(expr), err)
	}
}

// waitFor polls a condition in the page until it holds, for at most 10 s.
func (b *tab) waitFor(what, expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void]("!!("+expr+")",
		chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(25*time.Millisecond))); err != nil {
		b.t.Fatalf("waiting for %s (%s): %v", what, expr, err)
	}
}

// open navigates and waits for the load event.
func (b *tab) open(url string) {
	b.t.Helper()
	b.do(chromedp.Navigate(url))
}

// location is the address of the tab's page.
func (b *tab) location() string { return eval[string](b, "location.href") }

// scheme emulates prefers-color-scheme: "light" or "dark".
func (b *tab) scheme(s string) {
	b.t.Helper()
	b.colorScheme = s
	b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s}},
		})
		return err
	}))
}

// media emulates a CSS media type ("print", or "" for the default),
// keeping the emulated colour scheme.
func (b *tab) media(m string) {
	b.t.Helper()
	b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m,
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: b.colorScheme}}})
		return err
	}))
}

// viewport sets the width and height of the page in CSS pixels.
func (b *tab) viewport(w, h int64) {
	b.t.Helper()
	b.do(chromedp.EmulateViewport(w, h))
}

// scripts turns JavaScript on or off for the pages loaded next.
func (b *tab) scripts(on bool) {
	b.t.Helper()
	b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	}))
}

// health returns the script errors and CSP violations the probe saw on
// the current page, and its cumulative layout shift with what moved. With
// settle it first waits two frames: the page has painted, and what it
// changed after the load event has been laid out (and observed) too.
func (b *tab) health(settle bool) (problems []string, shift float64, moved []string) {
	b.t.Helper()
	wait := "Promise.resolve()"
	if settle {
		wait = "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r))))"
	}
	h := eval[struct {
		Errors, CSP, Moved []string
		Shift              float64
	}](b, wait+`
  .then(() => window.__e2e ? {errors: __e2e.errors, csp: __e2e.csp, shift: __e2e.shift, moved: __e2e.moved} : {errors: ["the probe did not run"], csp: [], shift: 0, moved: []})`)
	for _, e := range h.Errors {
		problems = append(problems, "script error: "+e)
	}
	for _, e := range h.CSP {
		problems = append(problems, "CSP violation: "+e)
	}
	return problems, h.Shift, h.Moved
}

func abbrev(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// jsStrings writes a list of strings as a JavaScript array literal.
func jsStrings(s []string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
