package e2e

import (
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestLinks crawls the served atlas from its home page, at the root and
// under a sub-path, following every href, src, form action and refresh:
// every target must be served with status 200 (not a redirect), every
// #fragment must be an id on its page, nothing may point outside the base
// path, and every page the build wrote must be reached. 404.html and the
// alias pages are crawled too, though nothing links to them.
func TestLinks(t *testing.T) {
	for _, tc := range []struct{ name, baseURL, wantBase string }{
		{"root", "", "/"},
		{"sub-path", "https://example.org/atlas/", "/atlas/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := serveAtlas(t, published(tc.baseURL))
			if a.base != tc.wantBase {
				t.Fatalf("base path %q, want %q", a.base, tc.wantBase)
			}
			c := newCrawler(t, a, tc.baseURL)
			c.crawl()
			if want := len(a.pages(t)); len(c.pages) < want {
				t.Errorf("only %d pages crawled; the atlas has %d", len(c.pages), want)
			}
			c.checkSitemap()
			if out := a.Outside(); len(out) > 0 {
				t.Errorf("requests outside %s: %q", a.base, out)
			}
			t.Logf("%d pages, %d links and %d fragments checked; %d external links not followed",
				len(c.pages), c.links, c.fragments, len(c.external))
		})
	}
}

type crawler struct {
	t          *testing.T
	a          *atlas
	site       *url.URL // the server's base
	public     *url.URL // the site's base URL, when it has one: links to it are internal
	client     *http.Client
	pages      map[string]*htmlPage // by path, for HTML pages
	other      map[string]bool      // other files served
	queue      []string
	wanted     []target          // fragments to check once every page is in
	linkedFrom map[string]string // the first page that linked to a path
	problems   problems
	links      int
	fragments  int
	external   map[string]bool
}

// A target is a #fragment some page refers to.
type target struct {
	from, path, frag string
	ref              string // the reference, as the problem's description
}

func newCrawler(t *testing.T, a *atlas, baseURL string) *crawler {
	site, err := url.Parse(a.url(""))
	if err != nil {
		t.Fatal(err)
	}
	c := &crawler{t: t, a: a, site: site, pages: map[string]*htmlPage{}, other: map[string]bool{}, external: map[string]bool{},
		linkedFrom: map[string]string{},
		problems:   problems{},
		client: &http.Client{
			Timeout:       10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}}
	if baseURL != "" {
		if c.public, err = url.Parse(baseURL); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func (c *crawler) problem(on, format string, args ...any) { c.problems.add(on, format, args...) }

// crawl visits everything reachable from the seeds, then checks fragments
// and coverage.
func (c *crawler) crawl() {
	defer c.problems.report(c.t)
	t, a := c.t, c.a
	c.queue = append(c.queue, a.base, a.base+"404.html")
	for _, rel := range a.pages(t) {
		if strings.HasSuffix(rel, "/") && a.isRedirect(t, rel) {
			c.queue = append(c.queue, a.base+rel)
		}
	}
	seen := map[string]bool{}
	for len(c.queue) > 0 {
		p := c.queue[0]
		c.queue = c.queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		c.visit(p)
	}
	for _, w := range c.wanted {
		pg, ok := c.pages[w.path]
		switch {
		case !ok && c.other[w.path]:
			c.problem(w.from, "%s: #%s points into a file that is not an HTML page", w.ref, w.frag)
		case !ok:
			// the target itself failed, and was reported
		case !pg.ids[w.frag] && w.path == w.from:
			c.problem(w.from, "%s: #%s is not an id on the page itself", w.ref, w.frag)
		case !pg.ids[w.frag]:
			c.problem(w.from, "%s: #%s is not an id on %s", w.ref, w.frag, w.path)
		}
	}
	for _, rel := range a.pages(t) {
		if _, ok := c.pages[a.base+rel]; !ok {
			c.problem(a.base+rel, "a page nothing links to")
		}
	}
}

// visit fetches one path and queues what it refers to.
func (c *crawler) visit(p string) {
	res, err := c.client.Get(c.site.Scheme + "://" + c.site.Host + p)
	if err != nil {
		c.problem(p, "cannot fetch: %v", err)
		return
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		c.problem(p, "cannot read: %v", err)
		return
	}
	if res.StatusCode != http.StatusOK {
		c.problem(c.referrers(p), "link to %s: status %d %s", p, res.StatusCode, res.Header.Get("Location"))
		return
	}
	ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	if ct != "text/html" {
		c.other[p] = true
		return
	}
	pg, err := parseHTML(string(body))
	if err != nil {
		c.problem(p, "cannot parse: %v", err)
		return
	}
	c.pages[p] = pg
	for _, problem := range pg.inline {
		c.problem(p, "%s: blocked by the CSP", problem)
	}
	pageURL := &url.URL{Scheme: c.site.Scheme, Host: c.site.Host, Path: p}
	for _, r := range pg.refs {
		c.follow(p, pageURL, r)
	}
}

// referrers names the first page that linked to p, for messages.
func (c *crawler) referrers(p string) string {
	if f, ok := c.linkedFrom[p]; ok {
		return f
	}
	return "a seed"
}

// follow checks one reference of the page at p and queues its target.
func (c *crawler) follow(p string, pageURL *url.URL, r ref) {
	c.links++
	if r.url == "" || r.url == "#" {
		c.problem(p, "%s: an empty link", r.tagAttr())
		return
	}
	u, err := pageURL.Parse(r.url)
	if err != nil {
		c.problem(p, "%s: %v", r, err)
		return
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		if u.Scheme != "mailto" {
			c.problem(p, "%s: scheme %q", r.tagAttr(), u.Scheme)
		}
		return
	case u.Host == c.site.Host:
	case c.public != nil && u.Host == c.public.Host:
		if !strings.HasPrefix(u.Path, c.public.Path) {
			c.problem(p, "%s: outside the site's base URL %s", r.tagAttr(), c.public)
			return
		}
	default:
		if r.tag != "a" {
			c.problem(p, "%s: loads from another host; the site must work offline", r.tagAttr())
		}
		c.external[u.String()] = true
		return
	}
	if !strings.HasPrefix(u.Path, c.a.base) {
		c.problem(p, "%s: outside the base path %s", r.tagAttr(), c.a.base)
		return
	}
	if u.Fragment != "" {
		c.fragments++
		c.wanted = append(c.wanted, target{from: p, ref: r.tagAttr(), path: u.Path, frag: u.Fragment})
	}
	if _, ok := c.linkedFrom[u.Path]; !ok {
		c.linkedFrom[u.Path] = p
	}
	c.queue = append(c.queue, u.Path)
}

// checkSitemap makes sure every URL in sitemap.xml is a page the crawl reached.
func (c *crawler) checkSitemap() {
	t := c.t
	res, err := c.client.Get(c.a.url("sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.NewDecoder(res.Body).Decode(&sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	if len(sm.URLs) == 0 {
		t.Error("sitemap.xml lists no pages")
	}
	var bad []string
	for _, e := range sm.URLs {
		u, err := url.Parse(e.Loc)
		if err != nil || !slices.Contains([]string{c.site.Host, hostOf(c.public)}, u.Host) && u.Host != "" {
			bad = append(bad, e.Loc)
			continue
		}
		if _, ok := c.pages[u.Path]; !ok {
			bad = append(bad, e.Loc)
		}
	}
	if len(bad) > 0 {
		t.Errorf("sitemap.xml lists pages the crawl did not reach: %q", bad)
	}
}

func hostOf(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.Host
}
