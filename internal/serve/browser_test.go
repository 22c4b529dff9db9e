package serve

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/testbrowser"
)

// TestBrowserLiveReload drives live.js in a real headless browser under the
// strict CSP: the problems page, reload on Publish, a stylesheet swap without
// reload, the overlay (text only, dismissable, gone after the next Publish),
// and a reload after the server restarts.
func TestBrowserLiveReload(t *testing.T) {
	p := openLivePage(t)
	problems := []diag.Diagnostic{
		{Path: "content/roles/a.md", Line: 3, Col: 8, Message: `tools: no page "pyhton"`, Source: "tools: [pyhton]"},
		{Path: "content/x.md", Message: `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`},
	}
	p.problemsPageBeforeAnySite(problems)
	p.firstPublishReloads()
	p.cssChangeSwapsStylesheet()
	p.failedBuildShowsOverlay(problems)
	p.dismissOverlay()
	p.goodBuildReloadsWithoutOverlay(problems)
	p.restartReloads()
	p.ranWithoutViolations()
}

// A livePage is a browser tab on a dev server whose Server the test can
// swap for another, as a restart does.
type livePage struct {
	t       *testing.T
	ctx     context.Context
	ts      *httptest.Server
	current atomic.Pointer[Server]
	streams atomic.Int32 // event streams the browser has opened
	first   *Server

	mu      sync.Mutex
	console []string
}

// openLivePage starts a browser and a server under /atlas/ with no site yet,
// and records what the browser writes to its console.
func openLivePage(t *testing.T) *livePage {
	p := &livePage{t: t, ctx: testbrowser.New(t, testbrowser.Timeout(60*time.Second))}
	p.first = New(Options{BasePath: "/atlas/"})
	p.current.Store(p.first)
	p.ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/events") {
			p.streams.Add(1)
		}
		p.current.Load().Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		p.current.Load().Close()
		p.ts.Close()
	})
	messages := chromedp.Console(p.ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.console = append(p.console, m.String())
			p.mu.Unlock()
		}
	}()
	return p
}

// liveSite is a one-page site at a version, its heading in a color.
func liveSite(version, color string) fstest.MapFS {
	return mapFS(
		"index.html", `<!doctype html><html><head><title>t</title>`+
			`<link rel="stylesheet" href="/atlas/site.css"></head>`+
			`<body><h1 id="v" data-v="`+version+`">`+version+`</h1></body></html>`,
		"site.css", "h1{color:"+color+"}",
		"favicon.ico", "",
	)
}

func (p *livePage) eval(expr string) any {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[any](expr))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a condition in the page; the page may be reloading, so
// evaluation errors only mean "not yet".
func (p *livePage) waitFor(what, expr string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waiting for %s (%s): %v", what, expr, err)
		}
		time.Sleep(20 * time.Millisecond) // polling a browser; nothing to wait on
	}
}

// connected waits until the page's nth event stream is the only one the
// server holds, so that the next event reaches the page as it is now.
func (p *livePage) connected(n int32) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for p.streams.Load() < n || p.current.Load().live.count() != 1 {
		if time.Now().After(deadline) {
			p.t.Fatalf("waiting for event stream %d: %d opened, %d open", n, p.streams.Load(), p.current.Load().live.count())
		}
		time.Sleep(10 * time.Millisecond) // polling; nothing to wait on
	}
}

// problemsPageBeforeAnySite: no site yet, a failed build: the problems page,
// listing them.
func (p *livePage) problemsPageBeforeAnySite(problems []diag.Diagnostic) {
	p.first.Fail(problems)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.ts.URL+"/atlas/")); err != nil {
		p.t.Fatal(err)
	}
	p.waitFor("the problems page", `document.querySelectorAll("#__rolesite-problems li").length === 2`)
	p.connected(1)
}

// firstPublishReloads: the first Publish reloads into the site. It marks
// the page, so that later steps can tell whether it reloaded.
func (p *livePage) firstPublishReloads() {
	p.first.Publish(liveSite("one", "rgb(255, 0, 0)"), nil)
	p.waitFor("version one", `document.querySelector('#v[data-v="one"]')`)
	p.connected(2)
	p.eval(`window.__mark = 42`)
}

// cssChangeSwapsStylesheet: a CSS-only change swaps the stylesheet without
// a reload.
func (p *livePage) cssChangeSwapsStylesheet() {
	p.first.Publish(liveSite("one", "rgb(0, 0, 255)"), []string{"site.css"})
	p.waitFor("the new color", `getComputedStyle(document.getElementById("v")).color === "rgb(0, 0, 255)"`)
	if got := p.eval(`window.__mark`); got != float64(42) {
		p.t.Fatalf("the page reloaded on a CSS-only change (mark %v)", got)
	}
	p.waitFor("one stylesheet link", `document.querySelectorAll('link[rel="stylesheet"]').length === 1`)
}

// failedBuildShowsOverlay: a failed build shows the overlay: text only,
// styled by overlay.css.
func (p *livePage) failedBuildShowsOverlay(problems []diag.Diagnostic) {
	t := p.t
	p.first.Fail(problems)
	p.waitFor("the overlay", `document.querySelectorAll("#__rolesite-overlay li").length === 2`)
	msgs := p.eval(`[...document.querySelectorAll("#__rolesite-overlay .rolesite-msg")].map(e => e.textContent).join("\n")`)
	wantMsgs := problems[0].String() + "\n" + problems[1].String()
	if msgs != wantMsgs {
		t.Errorf("overlay messages %q, want %q", msgs, wantMsgs)
	}
	if src := p.eval(`document.querySelector("#__rolesite-overlay .rolesite-src").textContent`); src != "tools: [pyhton]" {
		t.Errorf("overlay source line %q", src)
	}
	if n := p.eval(`document.querySelectorAll("#__rolesite-overlay img, #__rolesite-overlay script").length`); n != float64(0) {
		t.Errorf("problem text became %v elements", n)
	}
	p.waitFor("overlay.css applied", `getComputedStyle(document.getElementById("__rolesite-overlay")).position === "fixed"`)
	if got := p.eval(`window.__mark`); got != float64(42) {
		t.Fatal("the page reloaded on Fail")
	}
}

// dismissOverlay: the dismiss button removes it.
func (p *livePage) dismissOverlay() {
	if err := chromedp.Do(p.ctx, chromedp.Click(".rolesite-close")); err != nil {
		p.t.Fatal(err)
	}
	p.waitFor("the overlay dismissed", `!document.getElementById("__rolesite-overlay")`)
}

// goodBuildReloadsWithoutOverlay: the next good build reloads, and the
// overlay is gone.
func (p *livePage) goodBuildReloadsWithoutOverlay(problems []diag.Diagnostic) {
	p.first.Fail(problems)
	p.waitFor("the overlay again", `document.getElementById("__rolesite-overlay")`)
	p.first.Publish(liveSite("two", "rgb(0, 0, 255)"), []string{"site.css"})
	p.waitFor("version two", `document.querySelector('#v[data-v="two"]')`)
	if got := p.eval(`[window.__mark === undefined, !document.getElementById("__rolesite-overlay")]`); !equalAny(got, []any{true, true}) {
		p.t.Errorf("after the good build: (reloaded, overlay gone) = %v", got)
	}
	p.connected(3)
}

// restartReloads: the server restarts; the page reconnects and reloads once.
func (p *livePage) restartReloads() {
	second := New(Options{BasePath: "/atlas/"})
	second.Publish(liveSite("three", "rgb(0, 0, 255)"), nil)
	p.current.Store(second)
	p.first.Close()
	p.waitFor("version three after the restart", `document.querySelector('#v[data-v="three"]')`)
}

// ranWithoutViolations requires that the page ran under the strict policy
// without a violation or an error of its own.
func (p *livePage) ranWithoutViolations() {
	if err := chromedp.Do(p.ctx, chromedp.Navigate("about:blank")); err != nil {
		p.t.Fatal(err)
	}
	if v := p.eval(`window.__xss`); v != nil {
		p.t.Errorf("problem text ran as code: __xss = %v", v)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range p.console {
		if strings.Contains(m, "Content Security Policy") || strings.HasPrefix(m, "exception") {
			p.t.Errorf("browser console: %s", m)
		}
	}
}

func equalAny(got any, want []any) bool {
	g, ok := got.([]any)
	if !ok || len(g) != len(want) {
		return false
	}
	for i := range g {
		if g[i] != want[i] {
			return false
		}
	}
	return true
}
