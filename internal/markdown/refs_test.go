package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/linkcheck"
)

// TestRefs: a link or image by a URL of the site that the site does not
// resolve itself is a Ref, at its '[' or '!', with the URL as the HTML
// has it; raw HTML's hrefs and srcs are Refs only where raw HTML is kept,
// each at its URL.
func TestRefs(t *testing.T) {
	type ref struct {
		url string
		at  string // the body from the reference on begins with this
	}
	for _, c := range []struct {
		name   string
		unsafe bool
		body   string
		want   []ref
	}{
		{"kinds", false,
			"[a](/files/a.pdf) [b](../tools/python/) [c](?q=1) [d](x.html#y) ![e](/img/e.png)\n",
			[]ref{{"/files/a.pdf", "[a]"}, {"../tools/python/", "[b]"}, {"?q=1", "[c]"}, {"x.html#y", "[d]"}, {"/img/e.png", "![e]"}}},
		{"not refs", false,
			"[m](a.md) [f](#x) ![i](pic.png) [h](https://e.org/) [s](//e.org/) [t](mailto:a@b.c) [j](javascript:x) [](<>) <https://e.org/a>\n",
			nil},
		{"escaped as the HTML has it", false,
			"[a](</a b/é>) [b](/x?a=1&amp;b=2)\n",
			[]ref{{"/a%20b/%C3%A9", "[a]"}, {"/x?a=1&b=2", "[b]"}}},
		{"reference links and nesting", false,
			"> - see [the list][l]\n\n[l]: /lists/\n",
			[]ref{{"/lists/", "[the list]"}}},
		{"raw HTML shown as text", false,
			"<a href=\"/x/\">x</a>\n\n<div><img src=\"/y.png\"></div>\n",
			nil},
		{"raw HTML kept", true,
			"Text <a href=\"/x/\">x</a>.\n\n<div>\n  <img alt=\"\" src=\"../y.png\">\n</div>\n\n> <a\n> href=\"/q/\">q</a> [l](/l/)\n",
			[]ref{{"/x/", "/x/\""}, {"../y.png", "../y.png\""}, {"/q/", "/q/\""}, {"/l/", "[l]"}}},
		{"raw HTML kept, external and fragments", true,
			"<a href=\"https://e.org/\">e</a> <a href=\"#top\">t</a> <a href=\"/a&amp;b\">a</a>\n",
			[]ref{{"#top", "#top\""}, {"/a&b", "/a&amp;b\""}}},
		{"raw HTML kept, CSS after an inline style tag", true,
			"Text <style>x{background:url(/bg.png)}</style> and <a href=\"/y/\">y</a>.\n",
			[]ref{{"/bg.png", "/bg.png)"}, {"/y/", "/y/\""}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := New(Options{UnsafeHTML: c.unsafe}).Convert([]byte(c.body))
			var got []ref
			for _, r := range res.Refs {
				got = append(got, ref{r.URL, ""})
				for _, w := range c.want {
					if w.url == r.URL && strings.HasPrefix(c.body[r.Offset:], w.at) {
						got[len(got)-1].at = w.at
					}
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q (an empty at: the offset is elsewhere)", got, c.want)
			}
			checkRefs(t, res, []byte(c.body))
		})
	}
}

// checkRefs requires every reference the HTML holds to a URL of the site,
// but for a placeholder or a fragment of the page, to be one of res.Refs
// (as many times as the HTML has it), and every Ref to be at an offset
// inside the body: a broken one can be told where the body wrote it.
func checkRefs(t *testing.T, res Result, body []byte) {
	t.Helper()
	left := map[string]int{}
	for _, r := range res.Refs {
		if r.Offset < 0 || r.Offset >= len(body) {
			t.Fatalf("%+v: offset outside the body", r)
		}
		left[r.URL]++
	}
	for _, r := range linkcheck.References(res.HTML) {
		u := r.URL
		if !siteURL([]byte(u)) || strings.HasPrefix(u, "#") || strings.HasPrefix(u, Placeholder) || strings.HasPrefix(u, ImagePlaceholder) {
			continue
		}
		if left[u] == 0 {
			t.Fatalf("the HTML refers to %q, which is not among the body's Refs %+v", u, res.Refs)
		}
		left[u]--
	}
}
