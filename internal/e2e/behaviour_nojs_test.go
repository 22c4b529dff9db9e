package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// testNoJS walks the site with JavaScript off: the sections, a page's
// panels, the stage pager, the comparison chooser and the matrix all work
// with plain links, and the toggle, which needs a script, is not shown.
func testNoJS(t *testing.T, b *tab, a *atlas, g *graph) {
	b.scripts(false)
	defer b.scripts(true)
	b.open(a.url(""))
	if eval[bool](b, `document.documentElement.classList.contains("js")`) {
		t.Fatal("the page's scripts still run (theme.js set its class)")
	}
	if shown := eval[bool](b, `getComputedStyle(document.getElementById("theme-toggle")).display !== "none"`); shown {
		t.Error("the theme toggle is shown, though it cannot work without JavaScript")
	}
	here := func() string { return eval[string](b, `location.pathname`) }
	h1 := func() string { return strings.TrimSpace(eval[string](b, `document.querySelector("h1").textContent`)) }
	step := func(what, selector, wantPath string) {
		t.Helper()
		b.clickAndLoad(selector)
		if got := here(); wantPath != "" && got != wantPath {
			t.Fatalf("%s: clicking %s opened %s, want %s", what, selector, got, wantPath)
		}
	}
	roles := g.section("roles")
	first := roles[0]
	step("header", `#site-nav a[href$="/roles/"]`, a.base+"roles/")
	step("roles list", `main .cards a[href="`+first.URL+`"]`, first.URL)
	tools := g.targets(first, "tools")
	step("tools panel", `.panel[data-field="tools"] a[href="`+tools[0]+`"]`, tools[0])
	if got, want := h1(), g.pageByURL(tools[0]).Title; got != want {
		t.Errorf("the tool page's heading is %q, want %q", got, want)
	}
	// Back on the role: open the chooser and a pre-rendered comparison.
	b.open(a.url(strings.TrimPrefix(first.URL, a.base)))
	b.do(chromedp.Click(chromedp.CSS("details.chooser > summary"), chromedp.NodeVisible))
	if !eval[bool](b, `document.querySelector("details.chooser").open`) {
		t.Fatal("the chooser did not open")
	}
	link := eval[string](b, `document.querySelector("details.chooser a").getAttribute("href")`)
	step("chooser", `details.chooser a[href="`+link+`"]`, link)
	other := g.page("roles/" + strings.Trim(strings.TrimPrefix(link, first.URL+"vs/"), "/"))
	if got := h1(); other == nil || !strings.Contains(got, first.Title) || !strings.Contains(got, other.Title) {
		t.Errorf("the comparison at %s has the heading %q", link, got)
	}
	// Any other pair: the section's comparison page, two ticks.
	step("compare with any other", `.chooser-all a`, a.base+"compare/roles/")
	testNoJSPick(t, b, g, roles[0], roles[len(roles)-1])
	// A stage's pager.
	stages := g.section("stages")
	b.open(a.url(strings.TrimPrefix(stages[0].URL, a.base)))
	b.clickAndLoad(`.pager a[rel="next"]`)
	if got := here(); !slices.ContainsFunc(stages, func(p *graphPage) bool { return p.URL == got }) || got == stages[0].URL {
		t.Errorf("the next stage of %s is %s", stages[0].URL, got)
	}
	// A matrix cell.
	b.open(a.url("matrices/roles-by-tools/"))
	cell := eval[string](b, `document.querySelector(".matrix td.on a").getAttribute("href")`)
	step("matrix cell", `.matrix td.on a`, cell)
}

// testNoJSPick ticks two roles on the comparison page, without
// JavaScript: their profiles, and only theirs, show their tools.
func testNoJSPick(t *testing.T, b *tab, g *graph, x, y *graphPage) {
	for _, p := range []*graphPage{x, y} {
		b.do(chromedp.Click(chromedp.CSS("#p-"+p.Slug+" label"), chromedp.NodeVisible))
	}
	shown := eval[map[string][]string](b, `Object.fromEntries([...document.querySelectorAll(".profile")]
  .filter((p) => getComputedStyle(p.querySelector(".profile-body")).display !== "none")
  .map((p) => [p.dataset.slug, [...p.querySelectorAll('[data-field="tools"] a')].map((l) => l.pathname)]))`)
	if len(shown) != 2 {
		t.Errorf("ticking %s and %s shows %d profiles in full, want 2", x.Slug, y.Slug, len(shown))
	}
	for _, p := range []*graphPage{x, y} {
		if got, want := shown[p.Slug], g.targets(p, "tools"); !slices.Equal(got, want) {
			t.Errorf("the ticked profile of %s shows the tools %q, want %q", p.Slug, got, want)
		}
	}
}

// pageByURL returns the page with the URL, or an empty page.
func (g *graph) pageByURL(u string) *graphPage {
	for _, p := range g.Pages {
		if p.URL == u {
			return p
		}
	}
	return &graphPage{}
}
