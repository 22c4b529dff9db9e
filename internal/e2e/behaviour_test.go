package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// TestBehaviour drives the published atlas in headless Chromium, under a
// sub-path, the way a reader would. The expected values come from
// graph.json and content/, never from the test itself.
func TestBehaviour(t *testing.T) {
	t.Parallel()
	b := startBrowser(t)
	a := serveAtlas(t, published("https://example.org/atlas/"))
	g := readGraph(t, a)
	start := time.Now()
	t.Run("search", func(t *testing.T) { testSearch(t, b.tabFor(t), a) })
	t.Run("theme", func(t *testing.T) { testTheme(t, b.tabFor(t), a) })
	t.Run("compare", func(t *testing.T) { testCompare(t, b.tabFor(t), a, g) })
	t.Run("lifecycle", func(t *testing.T) { testLifecycle(t, b.tabFor(t), a, g) })
	t.Run("phone", func(t *testing.T) { testPhone(t, b.tabFor(t), a) })
	t.Run("loading", func(t *testing.T) { testLoading(t, b.tabFor(t), a) })
	t.Run("no-js", func(t *testing.T) { testNoJS(t, b.tabFor(t), a, g) })
	if out := a.Outside(); len(out) > 0 {
		t.Errorf("the pages requested paths outside %s: %q", a.base, out)
	}
	t.Logf("in %v", time.Since(start).Round(time.Millisecond))
}

// tabFor opens a tab of b's browser for a subtest.
func (b *tab) tabFor(t *testing.T) *tab { return (&tab{t: t, ctx: b.ctx}).newTab() }

// clickAndLoad clicks the first visible element matching a CSS selector with the mouse,
// and waits for the page it leads to.
func (b *tab) clickAndLoad(selector string) {
	b.t.Helper()
	ctx, cancel := contextWithTimeout(b)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible))); err != nil {
		b.t.Fatalf("clicking %s: %v", selector, err)
	}
}

// keys presses each key in turn, as a person does (see testbrowser.Press).
func (b *tab) keys(keys string) {
	b.t.Helper()
	b.do(testbrowser.Press(keys))
}

// noProblems fails the test on script errors and CSP violations of the
// current page.
func (b *tab) noProblems(where string) {
	b.t.Helper()
	h, _, _ := b.health(true)
	for _, p := range h {
		b.t.Errorf("%s: %s", where, p)
	}
}

// testSearch finds a role by a word found only in its body and opens it
// with the keyboard alone: "/" to focus the box, the word, ArrowDown, Enter.
// It does so for every role that has such a word.
func testSearch(t *testing.T, b *tab, a *atlas) {
	cases := findBodyWords(t, "roles")
	if len(cases) < 3 {
		t.Fatalf("only %d roles have a word found nowhere else; the check needs a few", len(cases))
	}
	for _, c := range cases {
		want := a.base + c.page + "/"
		b.open(a.url("stages/"))
		b.keys("/")
		if active := eval[string](b, `document.activeElement.id`); active != "search-q" {
			t.Fatalf(`"/" focused %q, not the search box`, active)
		}
		b.keys(c.word)
		// Each key starts a search; wait until none is still reading the
		// index, so that no late one redraws the results after ArrowDown.
		// Sub-results (the page's matching sections) are options too;
		// count the pages.
		b.waitFor("results for "+c.word, `__e2e.fetching === 0 && document.querySelectorAll("#search-results [role=option]:not(.search-sub)").length > 0`)
		got := eval[[]string](b, `[...document.querySelectorAll("#search-results [role=option]:not(.search-sub)")].map((o) => new URL(o.href).pathname)`)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: results %q, want only %s (the word is in no other page)", c.word, got, want)
			continue
		}
		b.keys(kb.ArrowDown)
		if sel := eval[string](b, `document.getElementById("search-q").getAttribute("aria-activedescendant") || ""`); sel == "" {
			t.Errorf("%q: ArrowDown selected no result", c.word)
			continue
		}
		ctx, cancel := contextWithTimeout(b)
		_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, testbrowser.Press(kb.Enter)))
		cancel()
		if err != nil {
			t.Fatalf("%q: Enter: %v", c.word, err)
		}
		if loc := eval[string](b, `location.pathname`); loc != want {
			t.Errorf("%q: Enter opened %s, want %s", c.word, loc, want)
		}
		b.noProblems(want)
	}
	t.Logf("%d roles found by a word of their body: %v", len(cases), cases)
}

// testTheme presses the toggle with the mouse and checks that the page
// changes scheme, and that the choice survives a reload and a new page, in
// both directions and from both system schemes.
func testTheme(t *testing.T, b *tab, a *atlas) {
	state := func() (theme, scheme, pressed, bg string) {
		s := eval[[]string](b, `[document.documentElement.dataset.theme || "", getComputedStyle(document.documentElement).colorScheme,
			document.getElementById("theme-toggle").getAttribute("aria-pressed"), getComputedStyle(document.body).backgroundColor]`)
		return s[0], s[1], s[2], s[3]
	}
	for _, system := range []string{"light", "dark"} {
		other := map[string]string{"light": "dark", "dark": "light"}[system]
		b.scheme(system)
		b.open(a.url("roles/data-scientist/"))
		b.run(`localStorage.clear()`)
		b.open(a.url("roles/data-scientist/"))
		theme, scheme, pressed, bg0 := state()
		if theme != "" || scheme != system || pressed != fmt.Sprint(system == "dark") {
			t.Errorf("system %s, no choice: data-theme %q, color-scheme %q, aria-pressed %s", system, theme, scheme, pressed)
		}
		if visible := eval[bool](b, `getComputedStyle(document.getElementById("theme-toggle")).display !== "none"`); !visible {
			t.Fatalf("system %s: the toggle is not shown with JavaScript on", system)
		}
		b.do(chromedp.Click(chromedp.CSS("#theme-toggle"), chromedp.NodeVisible))
		theme, scheme, pressed, bg1 := state()
		if theme != other || scheme != other || pressed != fmt.Sprint(other == "dark") || bg1 == bg0 {
			t.Errorf("system %s, toggled: data-theme %q, color-scheme %q, aria-pressed %s, background %s (was %s)", system, theme, scheme, pressed, bg1, bg0)
		}
		for _, next := range []string{"roles/data-scientist/", "matrices/roles-by-tools/"} {
			b.open(a.url(next)) // a reload, then another page
			if theme, scheme, pressed, bg := state(); theme != other || scheme != other || pressed != fmt.Sprint(other == "dark") || bg != bg1 {
				t.Errorf("system %s, toggled, then %s: data-theme %q, color-scheme %q, aria-pressed %s, background %s", system, next, theme, scheme, pressed, bg)
			}
			b.noProblems(next)
		}
		b.do(chromedp.Click(chromedp.CSS("#theme-toggle"), chromedp.NodeVisible))
		b.do(chromedp.Reload())
		if theme, scheme, _, bg := state(); theme != system || scheme != system || bg != bg0 {
			t.Errorf("system %s, toggled back and reloaded: data-theme %q, color-scheme %q, background %s (want %s)", system, theme, scheme, bg, bg0)
		}
		b.run(`localStorage.clear()`)
	}
}
