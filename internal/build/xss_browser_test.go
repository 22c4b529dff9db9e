package build_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"sync"
	"testing"
	"time"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/serve"
	"github.com/rolesite/rolesite/internal/testbrowser"
)

// TestHostileSiteInBrowser opens every page of the hostile site (see
// hostileSite), as published, in headless Chromium, served from
// 127.0.0.1 with the Content-Security-Policy a static host should send,
// and runs the site search for the hostile page, so that search.js renders
// hostile titles and snippets. It fails if any alert, confirm or prompt
// dialog opens, if the page calls the console or throws, or if the browser
// logs a policy violation: each would mean content reached the page as
// code, or came close enough that only the policy stopped it.
func TestHostileSiteInBrowser(t *testing.T) {
	browser := testbrowser.New(t)
	res := build.Build(context.Background(), siteFS(hostileSite()), rolesite.Theme(), build.Options{Minify: true, Fingerprint: true})
	if !res.OK() {
		t.Fatalf("the hostile site does not build:\n%v", res.Diagnostics)
	}
	ts := serveWithPolicy(t, res)

	// A tab of its own, which the test closes to end the listeners below.
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()
	watch := watchTab(ctx)
	defer watch.wait()
	defer cancel()

	pages, redirects := htmlPages(res)
	pages = append(pages, "/search/?q=evil", "/search/?q=script+alert", "/search/?q=img+onerror", "/search/?q=site+template")
	openAll(t, ctx, ts.URL, pages, redirects)
	if !redirects["/old-evil/"] {
		t.Error("the hostile page's alias is not among the pages, or is no redirect")
	}
	// The search box on an ordinary page: type into it, as a reader does.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/roles/good/"), chromedp.SendKeys("#search-q", "evil")); err != nil {
		t.Fatal(err)
	}
	waitForResults(t, ctx, "/roles/good/ search box")
	// Let a last console message or dialog arrive: a round trip to the page
	// after everything it ran.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("true")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	cancel()
	watch.wait()
	for _, l := range watch.logs {
		t.Log("browser log:", l)
	}
	for _, p := range watch.problems {
		t.Error(p)
	}
	t.Logf("%d pages and %d searches opened", len(pages)-4, 5)
}

// serveWithPolicy serves the published files from 127.0.0.1 with the
// Content-Security-Policy a static host should send, until the test ends.
func serveWithPolicy(t *testing.T, res build.Result) *httptest.Server {
	t.Helper()
	files := http.FileServerFS(res.Files.FS())
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", serve.ContentSecurityPolicy)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	if !strings.HasPrefix(ts.URL, "http://127.0.0.1:") {
		t.Fatalf("the test server is not on 127.0.0.1: %s", ts.URL)
	}
	return ts
}

// A tabWatch records what a browser tab shows of content run as code: the
// dialogs it opens and what it writes to the console.
type tabWatch struct {
	mu        sync.Mutex
	problems  []string
	logs      []string // the browser's own network log
	listeners sync.WaitGroup
}

// watchTab listens to the tab of ctx until ctx ends; wait then waits for the
// listeners, after which problems and logs may be read.
func watchTab(ctx context.Context) *tabWatch {
	w := &tabWatch{}
	// A dialog stalls the page until it is answered: record it, dismiss it.
	dialogs := chromedp.Events(ctx, cdpage.JavascriptDialogOpening)
	w.listeners.Go(func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			w.report(&w.problems, "a "+string(ev.Type)+" dialog opened on "+ev.URL+": "+ev.Message)
			_, _ = chromedp.Call(ctx, cdpage.HandleJavaScriptDialog, cdpage.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	messages := chromedp.Console(ctx)
	w.listeners.Go(func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			// The browser's own network log (a missing /favicon.ico, say)
			// is no sign of content; everything else is.
			if m.Source == "network" {
				w.report(&w.logs, m.String())
				continue
			}
			w.report(&w.problems, "console on "+m.URL+": "+m.String())
		}
	})
	return w
}

func (w *tabWatch) report(list *[]string, s string) {
	w.mu.Lock()
	*list = append(*list, s)
	w.mu.Unlock()
}

func (w *tabWatch) wait() { w.listeners.Wait() }

// htmlPages lists the URL path of every HTML page of the output, and which
// of them are alias pages, which move on by themselves.
func htmlPages(res build.Result) (pages []string, redirects map[string]bool) {
	redirects = map[string]bool{}
	for _, name := range res.Files.Names() {
		if path.Ext(name) == ".html" {
			p := "/" + strings.TrimSuffix(name, "index.html")
			pages = append(pages, p)
			data, _ := res.Files.Get(name)
			redirects[p] = strings.Contains(string(data), `http-equiv="refresh"`) || strings.Contains(string(data), `http-equiv=refresh`)
		}
	}
	return pages, redirects
}

// openAll opens each page in turn, waiting for search results on a search
// page and for the refresh on an alias page.
func openAll(t *testing.T, ctx context.Context, base string, pages []string, redirects map[string]bool) {
	t.Helper()
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		switch {
		case strings.HasPrefix(p, "/search/?q="):
			waitForResults(t, ctx, p)
		case redirects[p]:
			// Let the refresh land before the next navigation, which it
			// would otherwise cut short; the page it lands on is loaded too.
			waitFor(t, ctx, p+" redirecting", `location.pathname !== "`+p+`" && document.readyState === "complete"`)
		}
	}
}

// waitFor polls the page until expr is true.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		time.Sleep(20 * time.Millisecond) // polling a browser; nothing to wait on
	}
}

// waitForResults waits until the search results list the hostile page and
// hold no element but those search.js makes.
func waitForResults(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	const check = `(() => {
		const box = document.getElementById("search-results");
		if (!box || box.hidden || !box.textContent.includes("Evil")) return "";
		const odd = box.querySelectorAll("script, img, svg, iframe, object, embed, [onerror], [onload]");
		return odd.length ? "foreign elements: " + odd.length : "ok";
	})()`
	deadline := time.Now().Add(15 * time.Second)
	for {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](check))
		switch {
		case err == nil && got == "ok":
			return
		case err == nil && got != "":
			t.Fatalf("%s: search results hold %s", what, got)
		case time.Now().After(deadline):
			t.Fatalf("%s: no search results listing the hostile page (%q, %v)", what, got, err)
		}
		time.Sleep(20 * time.Millisecond) // polling a browser; nothing to wait on
	}
}
