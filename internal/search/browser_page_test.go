package search

import (
	"encoding/json"
	"html"
	"io/fs"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// The stemmer of search.js (static/search/stem.js) gives the stems
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
		bowdlerize probate rate cease controll roll café naïve ünïcödé 𝒳yz café ångström straße søren łódź
		visualization visualisations analyze analyzing analyzers colour behaviours favourite centre centred
		fibres catalogue dialogues size prize seize citizen hour four tour genre rogue モデル 한국어`)
	site := serveSite(t, "/", Index(fixture()))
	tb := b.open(t, site.url("stages/"), 1280)
	var got []string
	tb.eval(`(async (ws) => { const m = await import("/search/stem.js"); return ws.map(m.stem); })(`+
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

// A word that matches nothing is corrected, and the dropdown and the
// status (read by screen readers) say so.
func TestBrowserCorrection(t *testing.T) {
	b := startBrowser(t)
	docs := append(fixture(), Doc{Path: "tools/postgresql/", Section: "tools", SectionTitle: "Tools", Title: "Databases",
		Text: "The databases of record.\nOne database per service."})
	site := serveSite(t, "/", Index(docs))
	tb := b.open(t, site.url("roles/"), 1280)
	tb.eval(`document.getElementById("search-q").focus()`, nil)
	tb.typeText("monitorng")
	tb.waitFor(`document.querySelector(".search-fix")`)
	var got []string
	tb.eval(`[document.querySelector(".search-fix").textContent, document.querySelector(".search-status").textContent,
		...[...document.querySelectorAll("#search-results [role=option]")].map(a => a.getAttribute("href"))]`, &got)
	want := []string{"Showing results for “monitoring” instead of “monitorng”",
		"1 result. Showing results for “monitoring” instead of “monitorng”", "/stages/monitoring/"}
	if !slices.Equal(got, want) {
		t.Errorf("monitorng:\n got %q\nwant %q", got, want)
	}
	// The passage marks the words of the term that stands in, though the
	// term ("databas") is no word and its stem is another ("databa").
	tb.eval(`document.getElementById("search-q").select()`, nil)
	tb.typeText("databse")
	tb.waitFor(`document.querySelector("#search-results .search-snippet mark")`)
	var marks []string
	tb.eval(`[document.querySelector(".search-fix").textContent, ...[...document.querySelectorAll("#search-results mark")].map(m => m.textContent)]`, &marks)
	if want := []string{"Showing results for “database” instead of “databse”", "Databases", "databases", "database"}; !slices.Equal(marks, want) {
		t.Errorf("databse: banner and marks %q, want %q", marks, want)
	}
	// A word that finds nothing offers the nearest words as the site
	// writes them, not as stems.
	tb.eval(`document.getElementById("search-q").select()`, nil)
	tb.typeText("rols")
	tb.waitFor(`document.querySelectorAll(".search-help a").length > 0`)
	var near []string
	tb.eval(`[...document.querySelectorAll(".search-help p:first-child a")].map(a => a.textContent)`, &near)
	written := map[string]bool{}
	for _, d := range docs {
		for w := range terms(d.Title + " " + d.Summary + " " + d.Text) {
			written[w] = true
		}
	}
	if !slices.Contains(near, "roles") || slices.ContainsFunc(near, func(w string) bool { return !written[w] }) {
		t.Errorf("rols: nearest words %q; want roles among them, and only words the pages write", near)
	}
}

// Once typing pauses, a result shows its best passage, with the words
// marked, and the sections of its page that match, as options the arrows
// reach, linking to path#id.
func TestBrowserPassages(t *testing.T) {
	b := startBrowser(t)
	docs := []Doc{{Path: "stages/monitoring/", Section: "stages", SectionTitle: "Stages", Title: "Monitoring",
		Summary: "Watching models.", Headings: headings("Drift", "Alerts"),
		Text: "Models decay in production.\nDrift\nThe data drifts away from training. Retrain when it does.\nAlerts\nPage someone."}}
	site := serveSite(t, "/atlas/", Index(docs))
	tb := b.open(t, site.url("roles/"), 1280)
	tb.eval(`document.getElementById("search-q").focus()`, nil)
	tb.typeText("drifting")
	tb.waitFor(`document.querySelector("#search-results .search-sub")`)
	tb.press(kb.ArrowDown)
	tb.press(kb.ArrowDown)
	var got []string
	tb.eval(`[document.querySelector(".search-snippet").innerHTML,
		...[...document.querySelectorAll("#search-results [role=option]")].map(a => a.getAttribute("href") + " " + a.getAttribute("aria-selected"))]`, &got)
	want := []string{"The data <mark>drifts</mark> away from training. Retrain when it does.",
		"/atlas/stages/monitoring/ false", "/atlas/stages/monitoring/#drift true"}
	if !slices.Equal(got, want) {
		t.Errorf("drifting:\n got %q\nwant %q", got, want)
	}
}

// testPage is a page of the test site, with the search form of the
// template contract.
func testPage(base, path string, page bool) string {
	results := ""
	if page {
		results = `<div id="search-page" class="search-page" hidden></div>`
	}
	b := html.EscapeString(base)
	return `<!doctype html>
<html lang="en" data-base="` + b + `">
<head><meta charset="utf-8"><title>` + html.EscapeString(path) + `</title>
<link rel="stylesheet" href="` + b + `css/theme.css">
<link rel="stylesheet" href="` + b + `css/search.css"></head>
<body>
<header>
<form class="search" role="search" action="` + b + `search/" method="get">
  <label for="search-q" class="visually-hidden">Search the atlas</label>
  <input id="search-q" name="q" type="search" placeholder="Search  /" autocomplete="off" spellcheck="false"
         role="combobox" aria-controls="search-results" aria-expanded="false" aria-autocomplete="list">
  <div id="search-results" class="search-results" role="listbox" aria-label="Search results" hidden></div>
</form>
</header>
<main><h1>` + html.EscapeString(path) + `</h1>` + results + `<textarea id="notes" aria-label="Notes"></textarea></main>
<script src="` + b + `js/search.js" defer></script>
</body></html>`
}

// testTheme stands in for the site's stylesheet: the custom properties
// search.css uses, in a light and a dark theme, and a header with the
// search box at its end.
const testTheme = `
:root { --bg: #fff; --fg: #1b1e23; --muted: #59606b; --accent: #1f5fbf; --border: #d5d9df; --surface: #fff; }
[data-theme=dark] { --bg: #14171c; --fg: #e6e9ee; --muted: #a3abb7; --accent: #7fb0ff; --border: #363c46; --surface: #1d2128; }
html { background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, sans-serif; }
body { margin: 0; }
header { display: flex; justify-content: space-between; gap: 1rem; padding: .75rem 1rem; border-bottom: 1px solid var(--border); }
header::before { content: "ML Atlas"; font-weight: 700; }
.search input { width: min(16rem, 50vw); font: inherit; padding: .25rem .5rem; background: var(--surface); color: var(--fg); border: 1px solid var(--border); border-radius: .375rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
main { padding: 1rem; }
`

// A page that has the typed word ranks above one that only has a word it
// begins, and each marks the words it matched by: "ai" marks AI, not
// Airflow, where the page has AI; "an" marks an, not and.
func TestBrowserMarksWhatMatched(t *testing.T) {
	b := startBrowser(t)
	docs := []Doc{
		{Path: "tools/airflow/", Section: "tools", SectionTitle: "Tools", Title: "Apache Airflow",
			Text: "Airflow schedules jobs and pipelines."},
		{Path: "roles/ai-engineer/", Section: "roles", SectionTitle: "Roles", Title: "AI engineer",
			Text: "An AI engineer builds AI systems and tools."},
	}
	site := serveSite(t, "/", Index(docs))
	tb := b.open(t, site.url("stages/"), 1280)
	for q, want := range map[string][]string{
		"ai": {"/roles/ai-engineer/ AI AI AI", "/tools/airflow/ Airflow Airflow"},
		"an": {"/roles/ai-engineer/ An", "/tools/airflow/ and"},
	} {
		var got []string
		tb.eval(`(async (q) => {
			const input = document.getElementById("search-q");
			input.value = q;
			input.dispatchEvent(new Event("input"));
			for (let i = 0; i < 300 && !document.querySelector("#search-results .search-snippet mark"); i++)
				await new Promise(r => setTimeout(r, 10));
			await new Promise(r => setTimeout(r, 400)); // the passages
			return [...document.querySelectorAll("#search-results [role=option]:not(.search-sub)")].map(a =>
				[a.getAttribute("href"), ...[...a.querySelectorAll("mark")].map(m => m.textContent)].join(" "));
		})(`+string(must(json.Marshal(q)))+`)`, &got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: results and marks %q, want %q", q, got, want)
		}
	}
}
