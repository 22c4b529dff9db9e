package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// inPlaceSite is a site with a long page, a section whose pages are
// compared and share a tool (so each is the other's closest neighbour,
// their pair is pre-rendered and the page has a <details> chooser) and a
// script of its own, and a code block.
func inPlaceSite() map[string]string {
	var long strings.Builder
	for i := range 60 {
		fmt.Fprintf(&long, "Paragraph %d of a long page, long enough to scroll through on any screen.\n\n", i)
	}
	return map[string]string{
		"content/_index.md":       "---\ntitle: Atlas\n---\nHello.\n",
		"content/roles/_index.md": "---\ntitle: Roles\ncompare: true\nrelations:\n  tools: {label: Tools, inverse: Used by}\n---\n",
		"content/roles/a.md":      "---\ntitle: A\nsummary: First.\ntools: [x]\n---\n" + long.String() + "```python\nx = 1\n```\n\nThe end of A.\n",
		"content/roles/b.md":      "---\ntitle: B\nsummary: Second.\ntools: [x]\n---\nB.\n",
		"content/tools/x.md":      "---\ntitle: X\n---\nA tool.\n",
		"static/js/extra.js":      "window.__extra = 1;\n",
	}
}

// TestServeUpdatesInPlace: a content save patches the open page in place,
// keeping the scroll position, the focus and an open <details>, both for
// a plain write and for a temp-and-rename save; a change to a script
// reloads the page.
func TestServeUpdatesInPlace(t *testing.T) {
	ctx := testbrowser.New(t)
	src := writeSite(t, inPlaceSite())
	url, _ := devServer(t, src)
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(1200, 700)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"roles/a/")); err != nil {
		t.Fatal(err)
	}
	waitIn(t, ctx, "the page", `document.body.innerText.includes("The end of A.")`)
	waitIn(t, ctx, "the live-reload script", `document.querySelector('script[src*="__rolesite/live.js"]') !== null`)
	setUp := `(() => { window.__marker = 42; document.querySelector("details.chooser").open = true;
		document.getElementById("search-q").focus(); scrollTo(0, 900); return scrollY; })()`
	if y, err := chromedp.Run(ctx, chromedp.Evaluate[float64](setUp)); err != nil || y < 800 {
		t.Fatalf("cannot scroll the page (y %v): %v", y, err)
	}
	file := filepath.Join(src, "content", "roles", "a.md")
	saves := map[string]func(string){
		"write": func(s string) { writeOrFail(t, file, s) },
		"temp and rename": func(s string) {
			tmp := file + ".tmp~"
			writeOrFail(t, tmp, s)
			if err := os.Rename(tmp, file); err != nil {
				t.Fatal(err)
			}
		},
	}
	page := inPlaceSite()["content/roles/a.md"]
	for _, how := range []string{"write", "temp and rename"} {
		text := "Edited by " + how + "."
		saves[how](strings.Replace(page, "Paragraph 30 ", text+" Paragraph 30 ", 1))
		waitIn(t, ctx, "the edit ("+how+")", fmt.Sprintf(`document.body.innerText.includes(%q)`, text))
		state := `[window.__marker === 42, Math.round(scrollY), document.querySelector("details.chooser").open, document.activeElement.id].join(" ")`
		if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](state)); got != "true 900 true search-q" {
			t.Errorf("after a %s save: marker, scroll, details open, focus = %q, want \"true 900 true search-q\"", how, got)
		}
	}

	writeOrFail(t, filepath.Join(src, "static", "js", "extra.js"), "window.__extra = 2;\n")
	waitIn(t, ctx, "a reload after a script changed", `window.__marker === undefined && document.body.innerText.includes("The end of A.")`)
}

// TestServePatchKeepsWhatScriptsAdded: a title edit changes the header
// and the panels of the open page, not the text between, which stays as
// it is with what scripts added to it; a code block put in by a patch
// gets its bar (code.js listens for rolesite:patched).
func TestServePatchKeepsWhatScriptsAdded(t *testing.T) {
	ctx := testbrowser.New(t)
	src := writeSite(t, inPlaceSite())
	url, _ := devServer(t, src)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"roles/a/")); err != nil {
		t.Fatal(err)
	}
	waitIn(t, ctx, "the page and its code bar", `document.querySelectorAll("div.code > .code-bar").length === 1`)
	waitIn(t, ctx, "the live-reload script", `document.querySelector('script[src*="__rolesite/live.js"]') !== null`)
	mark := `(() => { const p = [...document.querySelectorAll("main p")].find((e) => e.textContent.startsWith("Paragraph 7 "));
		p.dataset.kept = "yes"; return !!p })()`
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](mark)); err != nil || !ok {
		t.Fatalf("cannot mark a paragraph: %v", err)
	}
	file := filepath.Join(src, "content", "roles", "a.md")
	page := inPlaceSite()["content/roles/a.md"]
	state := `[document.querySelectorAll("div.code > .code-bar").length,
		[...document.querySelectorAll("main p")].find((e) => e.textContent.startsWith("Paragraph 7 "))?.dataset.kept].join(" ")`
	for _, e := range []struct{ name, old, new, shows, want string }{
		{"a title edit", "title: A\n", "title: A retitled\n", "A retitled", "1 yes"},
		{"a code edit", "x = 1", "x = 2", "x = 2", "1 yes"},
	} {
		page = strings.Replace(page, e.old, e.new, 1)
		writeOrFail(t, file, page)
		waitIn(t, ctx, e.name, fmt.Sprintf(`document.body.innerText.includes(%q)`, e.shows))
		if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](state)); got != e.want {
			t.Errorf("after %s: code bars, paragraph kept = %q, want %q", e.name, got, e.want)
		}
	}
}

func writeOrFail(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
