package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TopPaths runs q against the index files as search.js does and returns
// the paths of the first n results: a hook for the external tests.
func TopPaths(t testing.TB, files map[string][]byte, q string, n int) []string {
	var paths []string
	for _, r := range newClient(t, files).search(q, n) {
		paths = append(paths, r.Path)
	}
	return paths
}

// BrowserTopPaths runs each query through search.js in Chromium, on the
// search page of a site served under /atlas/, and returns the paths of
// the first n results of each, by query.
func BrowserTopPaths(t *testing.T, files map[string][]byte, queries []string, n int) map[string][]string {
	b := startBrowser(t)
	site := servePages(t, "/atlas/", files, true)
	out := map[string][]string{}
	for _, q := range queries {
		tb := b.open(t, site.url("search/?q="+strings.ReplaceAll(q, " ", "+")), 1280)
		tb.waitFor(`!document.getElementById("search-page").hidden`)
		var hrefs []string
		tb.eval(`[...document.querySelectorAll("#search-page .search-page-result > a")].slice(0, `+
			string(must(json.Marshal(n)))+`).map(a => a.getAttribute("href").slice("/atlas/".length))`, &hrefs)
		out[q] = hrefs
	}
	return out
}

// BrowserPage opens url in Chromium and returns functions that evaluate
// an expression in the page (awaiting a promise) and wait for a condition.
func BrowserPage(t *testing.T, url string) (eval func(expr string, v any), waitFor func(cond string)) {
	tb := startBrowser(t).open(t, url, 1280)
	return tb.eval, tb.waitFor
}

// PageTitles reads the page table of the index files: the title of every
// page, by path.
func PageTitles(t testing.TB, files map[string][]byte) map[string]string {
	c := newClient(t, files)
	out := map[string]string{}
	for k := range c.meta.Buckets {
		if _, ok := files[fmt.Sprintf("search/d/%d.json", k)]; !ok {
			continue
		}
		for slot := 0; ; slot++ {
			c.doc(k) // loads the bucket
			if slot >= len(c.chunks[k]) {
				break
			}
			e := c.chunks[k][slot]
			out[e.Path] = e.Title
		}
	}
	return out
}

// TermSet is the distinct terms of s, sorted, joined by spaces.
func TermSet(s string) string {
	var ts []string
	for t := range terms(s) {
		ts = append(ts, stem(t))
	}
	slices.Sort(ts)
	return strings.Join(slices.Compact(ts), " ")
}
