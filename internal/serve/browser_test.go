package serve

import (
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
	ctx := testbrowser.New(t, testbrowser.Timeout(60*time.Second))

	var current atomic.Pointer[Server]
	var streams atomic.Int32 // event streams the browser has opened
	first := New(Options{BasePath: "/atlas/"})
	current.Store(first)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/events") {
			streams.Add(1)
		}
		current.Load().Handler().ServeHTTP(w, r)
	}))
	defer func() {
		current.Load().Close()
		ts.Close()
	}()
	site := func(version, color string) fstest.MapFS {
		return mapFS(
			"index.html", `<!doctype html><html><head><title>t</title>`+
				`<link rel="stylesheet" href="/atlas/site.css"></head>`+
				`<body><h1 id="v" data-v="`+version+`">`+version+`</h1></body></html>`,
			"site.css", "h1{color:"+color+"}",
			"favicon.ico", "",
		)
	}
	problems := []diag.Diagnostic{
		{Path: "content/roles/a.md", Line: 3, Col: 8, Message: `tools: no page "pyhton"`, Source: "tools: [pyhton]"},
		{Path: "content/x.md", Message: `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`},
	}

	var mu sync.Mutex
	var console []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			mu.Lock()
			console = append(console, m.String())
			mu.Unlock()
		}
	}()

	eval := func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	// waitFor polls a condition in the page; the page may be reloading, so
	// evaluation errors only mean "not yet".
	waitFor := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s (%s): %v", what, expr, err)
			}
			time.Sleep(20 * time.Millisecond) // polling a browser; nothing to wait on
		}
	}

	// connected waits until the page's nth event stream is the only one the
	// server holds, so that the next event reaches the page as it is now.
	connected := func(n int32) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for streams.Load() < n || current.Load().live.count() != 1 {
			if time.Now().After(deadline) {
				t.Fatalf("waiting for event stream %d: %d opened, %d open", n, streams.Load(), current.Load().live.count())
			}
			time.Sleep(10 * time.Millisecond) // polling; nothing to wait on
		}
	}

	// 1. No site yet, a failed build: the problems page, listing them.
	first.Fail(problems)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/atlas/")); err != nil {
		t.Fatal(err)
	}
	waitFor("the problems page", `document.querySelectorAll("#__rolesite-problems li").length === 2`)
	connected(1)

	// 2. The first Publish reloads into the site.
	first.Publish(site("one", "rgb(255, 0, 0)"), nil)
	waitFor("version one", `document.querySelector('#v[data-v="one"]')`)
	connected(2)
	eval(`window.__mark = 42`)

	// 3. A CSS-only change swaps the stylesheet without a reload.
	first.Publish(site("one", "rgb(0, 0, 255)"), []string{"site.css"})
	waitFor("the new color", `getComputedStyle(document.getElementById("v")).color === "rgb(0, 0, 255)"`)
	if got := eval(`window.__mark`); got != float64(42) {
		t.Fatalf("the page reloaded on a CSS-only change (mark %v)", got)
	}
	waitFor("one stylesheet link", `document.querySelectorAll('link[rel="stylesheet"]').length === 1`)

	// 4. A failed build shows the overlay: text only, styled by overlay.css.
	first.Fail(problems)
	waitFor("the overlay", `document.querySelectorAll("#__rolesite-overlay li").length === 2`)
	msgs := eval(`[...document.querySelectorAll("#__rolesite-overlay .rolesite-msg")].map(e => e.textContent).join("\n")`)
	wantMsgs := problems[0].String() + "\n" + problems[1].String()
	if msgs != wantMsgs {
		t.Errorf("overlay messages %q, want %q", msgs, wantMsgs)
	}
	if src := eval(`document.querySelector("#__rolesite-overlay .rolesite-src").textContent`); src != "tools: [pyhton]" {
		t.Errorf("overlay source line %q", src)
	}
	if n := eval(`document.querySelectorAll("#__rolesite-overlay img, #__rolesite-overlay script").length`); n != float64(0) {
		t.Errorf("problem text became %v elements", n)
	}
	waitFor("overlay.css applied", `getComputedStyle(document.getElementById("__rolesite-overlay")).position === "fixed"`)
	if got := eval(`window.__mark`); got != float64(42) {
		t.Fatal("the page reloaded on Fail")
	}

	// 5. The dismiss button removes it.
	if err := chromedp.Do(ctx, chromedp.Click(".rolesite-close")); err != nil {
		t.Fatal(err)
	}
	waitFor("the overlay dismissed", `!document.getElementById("__rolesite-overlay")`)

	// 6. The next good build reloads, and the overlay is gone.
	first.Fail(problems)
	waitFor("the overlay again", `document.getElementById("__rolesite-overlay")`)
	first.Publish(site("two", "rgb(0, 0, 255)"), []string{"site.css"})
	waitFor("version two", `document.querySelector('#v[data-v="two"]')`)
	if got := eval(`[window.__mark === undefined, !document.getElementById("__rolesite-overlay")]`); !equalAny(got, []any{true, true}) {
		t.Errorf("after the good build: (reloaded, overlay gone) = %v", got)
	}
	connected(3)

	// 7. The server restarts: the page reconnects and reloads once.
	second := New(Options{BasePath: "/atlas/"})
	second.Publish(site("three", "rgb(0, 0, 255)"), nil)
	current.Store(second)
	first.Close()
	waitFor("version three after the restart", `document.querySelector('#v[data-v="three"]')`)

	// The page ran under the strict policy without a violation or an error
	// of its own.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if v := eval(`window.__xss`); v != nil {
		t.Errorf("problem text ran as code: __xss = %v", v)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, m := range console {
		if strings.Contains(m, "Content Security Policy") || strings.HasPrefix(m, "exception") {
			t.Errorf("browser console: %s", m)
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
