package search

import (
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// The stemmer of search.js (static/js/search/stem.js) gives the stems
// the index was built with, for every word of the atlas, the corpus's
// vocabulary, made-up words and the words the algorithm treats apart.
func TestBrowserStemmerAgrees(t *testing.T) {
	b := startBrowser(t)
	seen := map[string]bool{}
	var words []string
	add := func(text string) {
		for w := range terms(text) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			add(string(must(os.ReadFile("../../content/" + p))))
		}
		return nil
	})
	add(strings.Join(readVocab(t), " "))
	add(strings.Join(pseudoWords(rand.New(rand.NewPCG(7, 8)), 3000), " "))
	add(`skis skies dying lying tying idly gently ugly early only singly sky news howe atlas
		cosmos bias andes innings outings cannings herrings earrings proceeding exceeded succeeds
		generously communism arsenal yearly sayings enjoying yyy ays bye c++ c# ab abc
		hoped hopping hoping agreed feed bled sized fizzed plastered rationally conditional
		valency hesitancy digitizer conformably radically differently analogously vietnamization
		predication operator feudalism decisiveness hopefulness callousness formality sensitivity
		sensibility triplicate formative formalize electricity electrical hopeful goodness
		revival allowance inference airliner gyroscopic adjustable defensible irritant replacement
		adjustment dependent adoption homologou communism activate angularity homologous effective
		bowdlerize probate rate cease controll roll café naïve ünïcödé 𝒳yz`)
	site := serveSite(t, "/", Index(fixture()))
	tb := b.open(t, site.url("stages/"), 1280)
	var got []string
	tb.eval(`(async (ws) => { const m = await import("/js/search/stem.js"); return ws.map(m.stem); })(`+
		string(must(json.Marshal(words)))+`)`, &got)
	if len(got) != len(words) {
		t.Fatalf("stemmed %d words in the browser, want %d", len(got), len(words))
	}
	bad := 0
	for i, w := range words {
		if want := stem(w); got[i] != want {
			if bad++; bad <= 20 {
				t.Errorf("stem(%q): search.js %q, Go %q", w, got[i], want)
			}
		}
	}
	t.Logf("%d words stemmed alike, %d differ", len(words)-bad, bad)
}

// The search page (search/?q=) shows the results in the page, with a chip
// per section and, in a section that declares a field, a chip per value;
// choosing one filters the results and puts the choice in the URL.
func TestBrowserSearchPage(t *testing.T) {
	b := startBrowser(t)
	docs := fixture()
	category := map[string]string{"tools/apache-spark/": "Pipelines", "tools/kafka/": "Streaming"}
	for i := range docs {
		if c, ok := category[docs[i].Path]; ok {
			docs[i].FilterLabel, docs[i].Filter = "Category", c
		}
	}
	site := servePages(t, "/atlas/", Index(docs), true)
	tb := b.open(t, site.url("search/?q=spark"), 1280)
	tb.waitFor(`!document.getElementById("search-page").hidden`)
	var chips []string
	read := func() []string {
		tb.eval(`[...document.querySelectorAll("#search-page .search-chip")].map(b => b.textContent + (b.getAttribute("aria-pressed") == "true" ? "*" : "")).concat(
			[...document.querySelectorAll("#search-page .search-page-result > a")].map(a => a.getAttribute("href")), [location.search])`, &chips)
		return chips
	}
	want := []string{"All 4*", "Roles 2", "Tools 2",
		"/atlas/roles/data-engineer/", "/atlas/tools/kafka/", "/atlas/tools/apache-spark/", "/atlas/roles/data-scientist/", "?q=spark"}
	if got := read(); !slices.Equal(got, want) {
		t.Errorf("search page for spark:\n got %q\nwant %q", got, want)
	}
	tb.eval(`[...document.querySelectorAll(".search-chip")].find(b => b.textContent.startsWith("Tools")).click()`, nil)
	tb.waitFor(`location.search.includes("section=tools") && document.querySelectorAll(".search-page-result").length == 2`)
	tb.eval(`[...document.querySelectorAll(".search-chip")].find(b => b.textContent.startsWith("Streaming")).click()`, nil)
	tb.waitFor(`location.search.includes("filter=Streaming") && document.querySelectorAll(".search-page-result").length == 1`)
	want = []string{"All 4", "Roles 2", "Tools 2*", "Any category", "Pipelines 1", "Streaming 1*",
		"/atlas/tools/kafka/", "?q=spark&section=tools&filter=Streaming"}
	if got := read(); !slices.Equal(got, want) {
		t.Errorf("filtered by tools and Streaming:\n got %q\nwant %q", got, want)
	}
	// The filtered URL, opened afresh, shows the same.
	tb = b.open(t, site.url("search/?q=spark&section=tools&filter=Streaming"), 1280)
	tb.waitFor(`document.querySelectorAll(".search-page-result").length == 1`)
	if got := read(); !slices.Equal(got, want) {
		t.Errorf("shared URL:\n got %q\nwant %q", got, want)
	}
}
