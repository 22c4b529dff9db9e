package build_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestMetaTags checks the head of a page built with the default theme:
// canonical, description, Open Graph, Twitter card and feed link, escaped
// and absolute under the base URL.
func TestMetaTags(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":  "---\ntitle: Atlas\ndescription: Who does what.\n---\n",
		"content/roles/a.md": "---\ntitle: Data \"Scientist\"\nsummary: Builds <models> & more.\n---\n",
	})
	res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{BaseURL: "https://example.org/atlas/"})
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	page, _ := res.Files.Get("roles/a/index.html")
	for _, want := range []string{
		`<link rel="canonical" href="https://example.org/atlas/roles/a/">`,
		`<meta name="description" content="Builds &lt;models&gt; &amp; more.">`,
		`<meta property="og:type" content="article">`,
		`<meta property="og:title" content="Data &#34;Scientist&#34;">`,
		`<meta property="og:url" content="https://example.org/atlas/roles/a/">`,
		`<meta property="og:site_name" content="Atlas">`,
		`<meta name="twitter:card" content="summary">`,
		`<link rel="alternate" type="application/atom+xml" title="Atlas: recently updated" href="/atlas/feed.xml">`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// TestNoBaseURL checks what a site built without a base URL leaves out:
// a canonical link and og:url must be absolute URLs, and so must the
// Sitemap line of robots.txt, so no page and no robots.txt may carry a
// path there. With a base URL every page has both, and robots.txt names
// the sitemap.
func TestNoBaseURL(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":        "---\ntitle: Atlas\n---\n",
		"content/roles/a.md":       "---\ntitle: A\nsummary: S.\ntools: [t]\naliases: [old-a]\n---\n",
		"content/tools/t.md":       "---\ntitle: T\nsummary: S.\n---\n",
		"content/stages/_index.md": "---\ntitle: Stages\n---\n",
	})
	for _, base := range []string{"", "https://example.org/atlas/"} {
		res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{BaseURL: base})
		if !res.OK() {
			t.Fatal(res.Diagnostics)
		}
		pages, aliases := 0, 0
		for _, name := range res.Files.Names() {
			if !strings.HasSuffix(name, ".html") || name == "404.html" {
				continue
			}
			data, _ := res.Files.Get(name)
			pages++
			tags := []string{`<link rel="canonical" href="`, `<meta property="og:url" content="`}
			if strings.Contains(string(data), `http-equiv="refresh"`) {
				tags = tags[:1] // an alias's redirect page
				aliases++
			}
			for _, tag := range tags {
				has := strings.Contains(string(data), tag)
				if base == "" && has {
					t.Errorf("without a base URL, %s has %s", name, tag)
				}
				if base != "" && !strings.Contains(string(data), tag+base) {
					t.Errorf("with base URL %s, %s lacks %s%s…", base, name, tag, base)
				}
			}
		}
		if pages < 4 || aliases != 1 {
			t.Errorf("%d pages looked at, %d of them aliases", pages, aliases)
		}
		robots, _ := res.Files.Get("robots.txt")
		if got, want := strings.Contains(string(robots), "Sitemap: "+base+"sitemap.xml"), base != ""; got != want {
			t.Errorf("base URL %q: robots.txt is\n%s", base, robots)
		}
		if base == "" && strings.Contains(string(robots), "Sitemap") {
			t.Errorf("without a base URL, robots.txt names a sitemap:\n%s", robots)
		}
	}
}
