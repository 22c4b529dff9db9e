package serve

import (
	"fmt"

	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestPreviewGoesToItsPageOnly: a preview reaches the pages on its file
// and no other, is served under its number with the live-reload script,
// leaves the site as published, and is not sent when it is the served
// file; Open lists the pages open.
func TestPreviewGoesToItsPageOnly(t *testing.T) {
	s := New(Options{BasePath: "/atlas/"})
	ts := newTestServer(t, s)
	page := func(v string) string { return "<!doctype html><html><body><p>" + v + "</p></body></html>" }
	s.Publish(mapFS("roles/a/index.html", page("a1"), "roles/b/index.html", page("b1"), "index.html", page("home")), nil)
	events := ts.URL + "/atlas/__rolesite/events?page="
	a := openStream(t, ts.Client(), events+"%2Fatlas%2Froles%2Fa%2F")
	b := openStream(t, ts.Client(), events+"/atlas/roles/b/")
	home := openStream(t, ts.Client(), events+"/atlas/")
	for _, st := range []*stream{a, b, home} {
		st.expect("hello")
	}
	want := []string{"index.html", "roles/a/index.html", "roles/b/index.html"}
	if got := s.Open(); !slices.Equal(got, want) {
		t.Fatalf("Open() = %q, want %q", got, want)
	}

	s.Preview("roles/b/index.html", []byte(page("b1"))) // as served: not sent
	data := []byte(page("a2"))
	s.Preview("roles/a/index.html", data)
	copy(data, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX") // Preview keeps a copy
	n := a.expect("preview")
	got := body(t, getURL(t, ts.Client(), ts.URL+"/atlas/__rolesite/preview/"+n))
	if !strings.Contains(got, "<p>a2</p>") || !tagPattern.MatchString(got) {
		t.Errorf("preview %s = %q, want the new page with the live-reload script", n, got)
	}
	if site := body(t, getURL(t, ts.Client(), ts.URL+"/atlas/roles/a/")); !strings.Contains(site, "<p>a1</p>") {
		t.Errorf("after a preview the site serves %q, want the published page", site)
	}
	s.Publish(mapFS("roles/a/index.html", page("a2"), "roles/b/index.html", page("b1"), "index.html", page("home")), []string{"roles/a/index.html"})
	for _, st := range []*stream{a, b, home} {
		st.expect("update") // the first event after the previews: b and home got none
	}
}

// TestPreviewsKept: the server keeps the last keptPreviews previews; an
// older or unknown number is a 404, as is a malformed one.
func TestPreviewsKept(t *testing.T) {
	s := New(Options{})
	ts := newTestServer(t, s)
	st := openStream(t, ts.Client(), ts.URL+"/__rolesite/events?page=/x.html")
	st.expect("hello")
	var nums []string
	for i := range keptPreviews + 1 {
		s.Preview("x.html", fmt.Appendf(nil, "<p>%d</p>", i))
		nums = append(nums, st.expect("preview"))
	}
	for i, n := range nums {
		resp := getURL(t, ts.Client(), ts.URL+"/__rolesite/preview/"+n)
		text := body(t, resp)
		if i == 0 {
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("preview %s, the oldest of %d: status %d, want 404", n, len(nums), resp.StatusCode)
			}
			continue
		}
		if resp.StatusCode != http.StatusOK || !strings.Contains(text, fmt.Sprintf("<p>%d</p>", i)) {
			t.Errorf("preview %s: %d %q", n, resp.StatusCode, text)
		}
	}
	for _, bad := range []string{"0", "999", "-1", "x", ""} {
		if resp := getURL(t, ts.Client(), ts.URL+"/__rolesite/preview/"+bad); resp.StatusCode != http.StatusNotFound {
			t.Errorf("preview/%s: status %d, want 404", bad, resp.StatusCode)
		}
	}
}

// TestPageOf: the page a connection names, as the site file it serves.
func TestPageOf(t *testing.T) {
	s := New(Options{BasePath: "/atlas/"})
	for in, want := range map[string]string{
		"/atlas/":                  "index.html",
		"/atlas/roles/a/":          "roles/a/index.html",
		"/atlas/roles/r%C3%B4le/":  "roles/rôle/index.html",
		"/atlas/404.html":          "404.html",
		"/atlas/roles/a":           "roles/a",
		"/other/roles/a/":          "",
		"/atlas/../etc/":           "",
		"/atlas/roles//a/":         "",
		"/atlas/a\\b/":             "",
		"/atlas/%zz/":              "",
		"":                         "",
		"/atlas/__rolesite/events": "__rolesite/events",
	} {
		if got := s.pageOf(in); got != want {
			t.Errorf("pageOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// getURL gets url with client, failing the test on a transport error.
func getURL(t *testing.T, client *http.Client, url string) *http.Response {
	t.Helper()
	c := *client
	c.Timeout = 10 * time.Second
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// TestBrowserPreview: a page shows a preview in place, without reloading
// and with the site unchanged; a preview it cannot patch in (another
// stylesheet) leaves it as it was, still without reloading; the publish
// that follows brings the page to the published version.
func TestBrowserPreview(t *testing.T) {
	p := openLivePage(t)
	page := func(css, text string) string {
		return `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="/atlas/` + css + `"></head>` +
			`<body><header><h1>Atlas</h1></header><main><p id="p">` + text + `</p><p>kept</p></main></body></html>`
	}
	site := func(html string) map[string]string {
		return map[string]string{"roles/a/index.html": html, "site.css": "p{}", "other.css": "p{}"}
	}
	publish := func(files map[string]string, changed ...string) {
		var kv []string
		for k, v := range files {
			kv = append(kv, k, v)
		}
		p.first.Publish(mapFS(kv...), changed)
	}
	publish(site(page("site.css", "one")))
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.ts.URL+"/atlas/roles/a/")); err != nil {
		t.Fatal(err)
	}
	p.waitFor("the page", `document.getElementById("p")?.textContent === "one"`)
	p.connected(1)
	if got := p.first.Open(); !slices.Equal(got, []string{"roles/a/index.html"}) {
		t.Fatalf("Open() = %q with the page open", got)
	}
	p.eval(`window.__mark = 7; document.querySelector("main p:last-child").dataset.added = "yes"`)

	p.first.Preview("roles/a/index.html", []byte(page("site.css", "two")))
	p.waitFor("the preview", `document.getElementById("p").textContent === "two"`)
	if got := p.eval(`[window.__mark, document.querySelector("main p:last-child").dataset.added]`); !equalAny(got, []any{float64(7), "yes"}) {
		t.Errorf("after the preview, (mark, what a script added) = %v: the page reloaded or was replaced", got)
	}
	if got := body(t, getURL(t, p.ts.Client(), p.ts.URL+"/atlas/roles/a/")); !strings.Contains(got, `<p id="p">one</p>`) {
		t.Errorf("the site changed with a preview: %q", got)
	}

	p.first.Preview("roles/a/index.html", []byte(page("other.css", "three")))
	time.Sleep(300 * time.Millisecond) // the page fetches the preview, and must not show it
	if got := p.eval(`[window.__mark, document.getElementById("p").textContent]`); !equalAny(got, []any{float64(7), "two"}) {
		t.Errorf("a preview with another stylesheet: (mark, text) = %v, want the page kept as it was", got)
	}

	publish(site(page("site.css", "four")), "roles/a/index.html")
	p.waitFor("the published page", `document.getElementById("p").textContent === "four"`)
	if got := p.eval(`window.__mark`); got != float64(7) {
		t.Errorf("the update after previews reloaded the page (mark %v)", got)
	}
	p.ranWithoutViolations()
}
