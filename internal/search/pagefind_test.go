package search_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rolesite/rolesite/internal/search"
)

// TestPagefindComparison puts rolesite's search beside Pagefind's, on
// sites that scripts/bench-pagefind.sh built and indexed with both:
// ROLESITE_PAGEFIND_ATLAS (the atlas in content/) for relevance on the
// relevance set, ROLESITE_PAGEFIND_SITE (a generated site) for the bytes of
// a first query. Without them it skips: it is a benchmark, not a check.
func TestPagefindComparison(t *testing.T) {
	atlas, big := os.Getenv("ROLESITE_PAGEFIND_ATLAS"), os.Getenv("ROLESITE_PAGEFIND_SITE")
	if atlas == "" || big == "" {
		t.Skip("run by scripts/bench-pagefind.sh, which sets ROLESITE_PAGEFIND_ATLAS and ROLESITE_PAGEFIND_SITE")
	}
	cases := relevanceCases(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(atlas)))
	defer srv.Close()
	eval, waitFor := search.BrowserPage(t, srv.URL+"/")
	// Pagefind indexes every page of the output, comparison pages and
	// matrices too, which rolesite's index leaves out; "content only"
	// drops them from Pagefind's results before taking the first n.
	ours, theirs, theirsContent := 0, 0, 0
	for _, c := range cases {
		var pf, pfContent []string
		eval(`(async (q) => {
			const pf = window.pf || (window.pf = await import("/pagefind/pagefind.js"));
			const r = await pf.search(q);
			const top = await Promise.all(r.results.slice(0, 40).map(x => x.data()));
			return top.map(d => d.url.replace(/^\//, "").replace(/index\.html$/, ""));
		})(`+js(c.query)+`)`, &pf)
		for _, p := range pf {
			if !strings.Contains(p, "/vs/") && !strings.HasPrefix(p, "matrices/") && !strings.HasPrefix(p, "compare") {
				pfContent = append(pfContent, p)
			}
		}
		pf, pfContent = pf[:min(c.n, len(pf))], pfContent[:min(c.n, len(pfContent))]
		var rs []string
		eval(`location.href = "/search/?q=" + encodeURIComponent(`+js(c.query)+`); 0`, nil)
		waitFor(`location.pathname == "/search/" && document.getElementById("search-page") && !document.getElementById("search-page").hidden`)
		eval(`[...document.querySelectorAll("#search-page .search-page-result > a")].slice(0, `+js(c.n)+
			`).map(a => a.getAttribute("href").replace(/^\//, ""))`, &rs)
		hit := func(got []string) bool {
			return !slices.ContainsFunc(c.want, func(p string) bool { return !slices.Contains(got, p) })
		}
		if hit(rs) {
			ours++
		}
		if hit(pf) {
			theirs++
		}
		if hit(pfContent) {
			theirsContent++
		}
		t.Logf("%-36q rolesite %-5v pagefind %-5v (content only %-5v)  pagefind top %d: %v", c.query, hit(rs), hit(pf), hit(pfContent), c.n, pf)
		eval(`location.href = "/"; 0`, nil)
		waitFor(`location.pathname == "/" && document.readyState == "complete"`)
	}
	t.Logf("relevance: rolesite finds every expected page for %d of %d queries, Pagefind for %d (%d counting content pages only)",
		ours, len(cases), theirs, theirsContent)

	firstQueryBytes(t, big)
}

// firstQueryBytes logs the bytes a first query downloads with rolesite's
// search and with Pagefind's on the built site in folder big.
func firstQueryBytes(t *testing.T, big string) {
	// Bytes are counted as the server sends them: Pagefind fetches its index
	// from a worker, whose requests the page's resource timings leave out.
	var mu sync.Mutex
	sent := 0
	files := http.FileServer(http.Dir(big))
	big2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		files.ServeHTTP(cw, r)
		if p := r.URL.Path; strings.HasPrefix(p, "/pagefind/") || strings.HasPrefix(p, "/search/") || strings.HasPrefix(p, "/js/search") {
			mu.Lock()
			sent += cw.n
			mu.Unlock()
		}
	}))
	defer big2.Close()
	// Words of the generated sites (internal/benchgen), common and rare.
	for _, q := range []string{"drift", "data pipeline", "model monitoring drift", "00042"} {
		var bytes [2]int
		for i, tool := range []string{"rolesite", "pagefind"} {
			mu.Lock()
			sent = 0
			mu.Unlock()
			eval, waitFor := search.BrowserPage(t, big2.URL+"/")
			if tool == "pagefind" {
				eval(`(async (q) => {
					const pf = await import("/pagefind/pagefind.js");
					const r = await pf.search(q);
					await Promise.all(r.results.slice(0, 5).map(x => x.data()));
					return 0;
				})(`+js(q)+`)`, nil)
			} else {
				eval(`const i = document.getElementById("search-q"); i.focus(); i.value = `+js(q)+`; i.dispatchEvent(new Event("input")); 0`, nil)
				waitFor(`document.querySelector("#search-results [role=option]")`)
				eval(`new Promise(ok => setTimeout(() => ok(0), 1500))`, nil) // the passages, once typing pauses
			}
			mu.Lock()
			bytes[i] = sent
			mu.Unlock()
		}
		t.Logf("first query %-28q rolesite %7d bytes, pagefind %7d bytes", q, bytes[0], bytes[1])
	}
}

// A countingWriter counts the bytes of a response's body.
type countingWriter struct {
	http.ResponseWriter
	n int
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

// js writes v as a JavaScript literal.
func js(v any) string {
	b, _ := json.Marshal(v)
	return strings.ReplaceAll(string(b), "</", `<\/`)
}
