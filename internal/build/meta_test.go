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
