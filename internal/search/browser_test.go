package search

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
	"github.com/rolesite/rolesite/internal/publish"
)

// testSite serves the index files, static/js/search.js and, for any other
// path under base, a page with the search form of the template contract,
// under a strict Content-Security-Policy. It counts the bytes of the
// script and the index files it sends.
type testSite struct {
	*httptest.Server
	base string

	page bool // pages have the search page's results container

	mu   sync.Mutex
	sent map[string]int
}

func serveSite(t testing.TB, base string, files map[string][]byte) *testSite {
	return servePages(t, base, files, false)
}

// servePages is serveSite whose pages have the search page's results
// container if page is set.
func servePages(t testing.TB, base string, files map[string][]byte, page bool) *testSite {
	script, stemmer, pageScript := served(t, scriptPath), served(t, stemmerPath), served(t, "../../static/search/page.js")
	css, err := os.ReadFile("../../static/css/search.css")
	if err != nil {
		t.Fatal(err)
	}
	s := &testSite{base: base, page: page, sent: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := strings.CutPrefix(r.URL.Path, base)
		if !ok {
			http.NotFound(w, r)
			return
		}
		var body []byte
		switch {
		case p == "js/search.js":
			w.Header().Set("Content-Type", "text/javascript")
			body = script
		case p == "search/stem.js":
			w.Header().Set("Content-Type", "text/javascript")
			body = stemmer
		case p == "search/page.js":
			w.Header().Set("Content-Type", "text/javascript")
			body = pageScript
		case p == "css/search.css":
			w.Header().Set("Content-Type", "text/css")
			w.Write(css)
			return
		case p == "css/theme.css":
			w.Header().Set("Content-Type", "text/css")
			fmt.Fprint(w, testTheme)
			return
		case strings.HasSuffix(p, ".json"):
			if body, ok = files[p]; !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'")
			fmt.Fprint(w, testPage(base, p, s.page))
			return
		}
		s.mu.Lock()
		s.sent[p] += len(body)
		s.mu.Unlock()
		w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

// bytesSent returns and resets the count of script and index bytes sent.
func (s *testSite) bytesSent() (total int, paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for p, n := range s.sent {
		total += n
		paths = append(paths, p)
	}
	clear(s.sent)
	slices.Sort(paths)
	return total, paths
}

func (s *testSite) url(path string) string { return s.URL + s.base + path }

// served returns a script as a build serves it: minified.
func served(t testing.TB, path string) []byte {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	min, err := publish.NewMinifier().Minify("js/x.js", src)
	if err != nil {
		t.Fatal(err)
	}
	return min
}

// shown lists the results in the dropdown, in order, as "Section|Title|href"
// (their sub-results left out).
const shown = `[...document.querySelectorAll("#search-results [role=option]:not(.search-sub)")].map(a =>
	a.closest("[role=group]").getAttribute("aria-label") + "|" + a.querySelector(".search-title").textContent + "|" + a.getAttribute("href"))`

func TestBrowserKeyboard(t *testing.T) {
	b := startBrowser(t)
	docs := append(fixture(), Doc{Path: "tools/evil/", Section: "tools", SectionTitle: "Tools",
		Title: `<img src=x onerror="document.title='pwned'"> Evil & "quoted"`, Summary: "<b>bold</b> xenolith"})
	for _, base := range []string{"/atlas/", "/"} {
		t.Run("base="+base, func(t *testing.T) {
			site := serveSite(t, base, Index(docs))
			tb := b.open(t, site.url("stages/"), 1280)
			tb.eval(`window.cspViolations = 0; document.addEventListener("securitypolicyviolation", () => window.cspViolations++); 0`, nil)

			if n, paths := site.bytesSent(); n != len(served(t, scriptPath)) {
				t.Errorf("before any use, the page fetched %v; want only the script", paths)
			}

			keyboardSlash(t, tb)
			second := keyboardResults(t, tb, docs, base)
			tb.waitFor(`location.pathname == "` + second + `"`)
			tb = b.open(t, site.url("search/?q=xenolith"), 390)
			searchPageShowsQuery(t, tb, docs, base)
		})
	}
}

// keyboardSlash: "/" focuses the search box, unless typing in another
// field.
func keyboardSlash(t *testing.T, tb *tab) {
	tb.eval(`document.getElementById("notes").focus()`, nil)
	tb.press("/")
	var active, notes string
	tb.eval(`document.activeElement.id`, &active)
	tb.eval(`document.getElementById("notes").value`, &notes)
	if active != "notes" || notes != "/" {
		t.Errorf(`"/" in a textarea: focus %q, textarea %q; want the textarea to get the slash`, active, notes)
	}
	tb.eval(`document.activeElement.blur()`, nil)
	tb.press("/")
	var value string
	tb.eval(`document.activeElement.id`, &active)
	tb.eval(`document.getElementById("search-q").value`, &value)
	if active != "search-q" || value != "" {
		t.Errorf(`after "/": focus on %q, value %q; want the empty search box`, active, value)
	}

}

// keyboardResults: typing shows grouped results, the arrows move and
// Escape closes; it presses Enter on the second result and returns its
// path.
func keyboardResults(t *testing.T, tb *tab, docs []Doc, base string) string {
	// Typing shows grouped results; the arrows move; Enter opens.
	tb.typeText("spa")
	tb.waitFor(`document.querySelectorAll("#search-results [role=option]").length == 4`)
	var got []string
	tb.eval(shown, &got)
	want := grouped(newClient(t, Index(docs)).search("spa", shownResults), base)
	if len(want) != 4 || !slices.Equal(got, want) {
		t.Errorf("results for spa:\n got %q\nwant %q", got, want)
	}
	var expanded string
	tb.eval(`document.getElementById("search-q").getAttribute("aria-expanded")`, &expanded)
	if expanded != "true" {
		t.Errorf("aria-expanded = %q with results shown", expanded)
	}
	tb.press(kb.ArrowDown)
	tb.press(kb.ArrowDown)
	tb.press(kb.ArrowDown)
	tb.press(kb.ArrowUp)
	var sel []string
	tb.eval(`[document.getElementById("search-q").getAttribute("aria-activedescendant"),
		...[...document.querySelectorAll("[aria-selected=true]")].map(e => e.id + " " + e.textContent)]`, &sel)
	second := strings.Split(want[1], "|")
	if len(sel) != 2 || sel[0] != "search-opt-1" || !strings.HasPrefix(sel[1], "search-opt-1 "+second[1]) {
		t.Errorf("after down, down, down, up: active descendant and selected = %q; want the second option, %s", sel, second[1])
	}
	tb.press(kb.Escape)
	var hidden bool
	tb.eval(`document.getElementById("search-results").hidden && document.getElementById("search-q").getAttribute("aria-expanded") == "false"`, &hidden)
	if !hidden {
		t.Error("Escape did not close the results")
	}
	tb.press(kb.ArrowDown) // reopens and selects the first
	tb.press(kb.ArrowDown)
	tb.press(kb.Enter)
	return second[2]

}

// searchPageShowsQuery: the search page fills the box from ?q= and shows
// results; index text is text, never markup; no result says so and
// offers the sections; nothing breaks the Content-Security-Policy.
func searchPageShowsQuery(t *testing.T, tb *tab, docs []Doc, base string) {
	tb.eval(`window.cspViolations = 0; document.addEventListener("securitypolicyviolation", () => window.cspViolations++); 0`, nil)
	tb.waitFor(`document.querySelectorAll("#search-results [role=option]").length == 1`)
	var got []string
	tb.eval(shown, &got)
	if want := []string{"Tools|" + docs[len(docs)-1].Title + "|" + base + "tools/evil/"}; !slices.Equal(got, want) {
		t.Errorf("?q=xenolith shows %q, want %q", got, want)
	}
	var checks struct {
		Value  string
		Imgs   int
		Title  string
		Marked []string
		Left   float64
		Right  float64
		Status string
	}
	tb.eval(`({Value: document.getElementById("search-q").value,
		Imgs: document.querySelectorAll("#search-results img, #search-results b").length,
		Title: document.title,
		Marked: [...document.querySelectorAll("#search-results mark")].map(m => m.textContent),
		Left: document.getElementById("search-results").getBoundingClientRect().left,
		Right: document.getElementById("search-results").getBoundingClientRect().right,
		Status: document.querySelector(".search-status").textContent})`, &checks)
	if checks.Value != "xenolith" || checks.Imgs != 0 || checks.Title != "search/" {
		t.Errorf("search page: %+v; want the query in the box and no markup from the index", checks)
	}
	if !slices.Equal(checks.Marked, []string{"xenolith"}) || checks.Status != "1 result" {
		t.Errorf("search page: marked %q, status %q", checks.Marked, checks.Status)
	}
	if checks.Left < 0 || checks.Right > 390 {
		t.Errorf("at 390 px the dropdown spans x=%v..%v", checks.Left, checks.Right)
	}
	tb.eval(`document.getElementById("search-q").focus()`, nil)
	tb.eval(`document.getElementById("search-q").setSelectionRange(99, 99)`, nil)
	tb.typeText(" qqqzzzk")
	tb.waitFor(`document.querySelector(".search-status").textContent.startsWith("1 result")`)
	tb.eval(`document.getElementById("search-q").select()`, nil)
	tb.typeText("qqqzzzk")
	tb.waitFor(`document.getElementById("search-results").hidden && !document.querySelector(".search-help").hidden`)
	var help []string
	tb.eval(`[document.querySelector(".search-status").textContent,
		...[...document.querySelectorAll(".search-help a")].map(a => a.getAttribute("href"))]`, &help)
	if want := []string{"No results for “qqqzzzk”", base + "roles/", base + "stages/", base + "tools/"}; !slices.Equal(help, want) {
		t.Errorf("with no results: status and links %q, want %q", help, want)
	}
	var violations int
	tb.eval(`window.cspViolations`, &violations)
	if violations > 0 {
		t.Errorf("%d Content-Security-Policy violations", violations)
	}
}

// On a generated 10,000-page site, the first query in a real browser
// downloads under the budget, and a query whose files are loaded shows its
// results without scanning the index (the median of five tries, logged
// against the 10 ms budget).
func TestBrowserScale(t *testing.T) {
	b := startBrowser(t)
	files := Index(corpus(t, 10_000))
	site := serveSite(t, "/atlas/", files)
	for _, q := range []string{"spark", "data pipeline", "machine learning engineer", "mod"} {
		tb := b.open(t, site.url("search/?q="+strings.ReplaceAll(q, " ", "+")), 1280)
		// Wait for the passages, which come once typing pauses.
		tb.waitFor(`document.querySelectorAll("#search-results [role=option]").length >= ` + fmt.Sprint(shownResults) +
			` && performance.getEntriesByType("resource").some(e => e.name.includes("/search/x/"))`)
		time.Sleep(300 * time.Millisecond)
		n, paths := site.bytesSent()
		t.Logf("first query %q: %d bytes in %d files", q, n, len(paths))
		if n > ordinaryBudget {
			t.Errorf("first query %q downloaded %d bytes, budget %d: %v", q, n, ordinaryBudget, paths)
		}
	}

	tb := b.open(t, site.url("roles/"), 1280)
	queries := []string{"spark", "data pipeline", "model monitoring drift", "the and of to in", "pr", "co", "spar"}
	var ms map[string]float64
	tb.eval(`(async (qs) => {
		const input = document.getElementById("search-q"), box = document.getElementById("search-results");
		const rendered = () => new Promise((ok, fail) => {
			const o = new MutationObserver(() => { o.disconnect(); ok(); });
			o.observe(box, {childList: true});
			setTimeout(() => fail(new Error("no results")), 5000);
		});
		const ask = async (q) => {
			input.value = q;
			const r = rendered();
			const t0 = performance.now();
			input.dispatchEvent(new Event("input"));
			await r;
			return performance.now() - t0;
		};
		const out = {};
		for (const q of qs) {
			await ask(q); // downloads what q needs
			const times = [];
			for (let i = 0; i < 5; i++) {
				await ask("zzzz qqqq"); // something else in between
				times.push(await ask(q));
			}
			out[q] = times.sort((a, b) => a - b)[2];
		}
		return out;
	})(`+string(must(json.Marshal(queries)))+`)`, &ms)
	// The budget is under 10 ms (the logged figures, which BENCHMARKS.md
	// quotes from a quiet machine); a test fails only ten times past it,
	// where a query would be scanning what it should look up: on a busy
	// CI machine "spark" once took 10.2 ms.
	for _, q := range queries {
		t.Logf("query %q answered in %.1f ms (median of 5)", q, ms[q])
		if ms[q] > 100 {
			t.Errorf("query %q took %.1f ms once its files were loaded: ten times the 10 ms budget", q, ms[q])
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// grouped orders results as the dropdown shows them: by section, sections
// in the order of their best result, as "Section|Title|href".
func grouped(rs []result, base string) []string {
	var order []string
	by := map[string][]string{}
	for _, r := range rs {
		if _, ok := by[r.Section]; !ok {
			order = append(order, r.Section)
		}
		by[r.Section] = append(by[r.Section], r.Section+"|"+r.Title+"|"+base+r.Path)
	}
	var out []string
	for _, s := range order {
		out = append(out, by[s]...)
	}
	return out
}

// TestBrowserMatchesGo runs the same queries through search.js in Chromium
// and through the Go model of it, which the other tests check: tokenizing,
// prefixes, AND, sampled lists and ranking must agree exactly.
func TestBrowserMatchesGo(t *testing.T) {
	b := startBrowser(t)
	docs := fixture()
	for i := range 2 * maxPostings { // enough pages to sample "data"
		docs = append(docs, Doc{Path: fmt.Sprintf("p/%03d/", i), Section: "p", SectionTitle: "Filler",
			Title: fmt.Sprintf("Filler %d", i), Text: strings.Repeat("data ", i%7+1) + fmt.Sprintf("w%d", i%13)})
	}
	files := Index(docs)
	site := serveSite(t, "/atlas/", files)
	tb := b.open(t, site.url("stages/"), 1280)
	queries := []string{"quokkaesque", "spark", "spa", "quokka", "quokka heuristic", "heuristic quokka",
		"spa ", "s", "r", "c++", "C#", "ci/cd", "spark sql", "data spark", "DONNÉES", "dér",
		"data", "data w3", "w1", "filler 1", "da", "the and of to in an a b c",
		"model", "watched", "processes", "the spark", "the", "etl", "monitorng", "dsitributed", "spark nosuchword",
		"donnees", "derivent", "DÉRIV", "clusters analyzed", "an", "ev", "stream", "spark stre", "heurist", "fill",
		"etl developer", "data engineer", "apache spark", "deploy", "filler 12", "data scientist spark"}
	for _, q := range queries {
		want := grouped(newClient(t, files).search(q, shownResults), "/atlas/")
		var got []string
		tb.eval(`(async (q) => {
			const input = document.getElementById("search-q"), box = document.getElementById("search-results");
			const status = document.querySelector(".search-status");
			box.replaceChildren();
			if (status) status.textContent = "";
			input.value = q;
			input.dispatchEvent(new Event("input"));
			for (let i = 0; i < 200 && !box.children.length && !(status && status.textContent); i++)
				await new Promise(r => setTimeout(r, 10));
			return `+shown+`;
		})(`+string(must(json.Marshal(q)))+`)`, &got)
		if !slices.Equal(got, want) {
			t.Errorf("query %q:\nbrowser %q\n     Go %q", q, got, want)
		}
	}
}
