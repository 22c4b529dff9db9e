package diagram

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// measureJS records the rendered width of every line of text, in document
// order, into the page, for pageResult to read.
const measureJS = `
const out = [...document.querySelectorAll("svg")].map(svg =>
  [...svg.querySelectorAll("text")].flatMap(t => t.querySelector("tspan") ? [...t.children] : [t])
    .map(t => [t.textContent, t.getComputedTextLength()]));
const pre = document.createElement("pre");
pre.id = "out";
pre.textContent = JSON.stringify(out);
document.body.append(pre);
`

// TestTextFitsInBrowser renders both drawings in headless Chromium and
// checks that every line of text is no wider than the layout estimated,
// so the no-overlap guarantee holds for real fonts, not just estimates.
func TestTextFitsInBrowser(t *testing.T) {
	browser := testbrowser.New(t)
	for name, f := range map[string]func() ([]Stage, []Loop){"atlas": atlas, "crowded": crowded, "hostile": hostile} {
		t.Run(name, func(t *testing.T) {
			stages, loops := f()
			dir := t.TempDir()
			// No diagram.css: both drawings must be laid out to be measured.
			doc := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>m</title></head><body>` +
				Lifecycle(stages, loops) + `<script src="measure.js"></script></body></html>`
			for name, content := range map[string]string{"page.html": doc, "measure.js": measureJS} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, err := pageResult(browser, "file://"+filepath.Join(dir, "page.html"), "out")
			if err != nil {
				t.Fatalf("no measurements in the page: %v", err)
			}
			var measured [][][2]any
			if err := json.Unmarshal([]byte(out), &measured); err != nil {
				t.Fatal(err)
			}
			worst := 0.0
			for v, variant := range variants() {
				lines := textLines(lay(variant, stages, validLoops(len(stages), loops)))
				if len(measured[v]) != len(lines) {
					t.Fatalf("%s: %d lines drawn, %d in the layout", variant.class, len(measured[v]), len(lines))
				}
				for i, ln := range lines {
					text, width := measured[v][i][0].(string), measured[v][i][1].(float64)
					if text != ln.Text {
						t.Fatalf("%s: line %d is %q in the page, %q in the layout", variant.class, i, text, ln.Text)
					}
					worst = max(worst, width/ln.Box.W)
					if os.Getenv("MEASURE") != "" {
						t.Logf("%.2f %q", width/ln.Box.W, text)
					}
					if width > ln.Box.W+0.5 {
						t.Errorf("%s: %q is %.1f px wide, the layout allowed %.1f", variant.class, text, width, ln.Box.W)
					}
				}
			}
			t.Logf("widest text uses %.0f%% of its estimate", 100*worst)
		})
	}
}

// textLines lists every line of text of a layout in document order.
func textLines(l layout) []line {
	var out []line
	for _, s := range l.Stages {
		out = append(out, s.Num)
		out = append(out, s.Title...)
		for _, c := range s.Chips {
			out = append(out, c.Label)
		}
		for _, n := range s.Notes {
			out = append(out, n.Lines...)
		}
	}
	return out
}

// shownJS records which drawing diagram.css shows and whether the page
// overflows the viewport horizontally.
const shownJS = `
const pre = document.createElement("pre");
pre.id = "out";
pre.textContent = JSON.stringify({
  shown: [...document.querySelectorAll("svg")].filter(s => getComputedStyle(s).display != "none").map(s => s.classList[1]),
  overflow: document.querySelector("main").scrollWidth > document.querySelector("main").clientWidth,
  viewport: document.querySelector("main").clientWidth,
  width: Math.max(...[...document.querySelectorAll("svg")].map(s => s.getBoundingClientRect().width)),
});
document.body.append(pre);
`

// TestShownByWidth checks in Chromium that diagram.css shows exactly one
// drawing, the narrow one on a phone and the wide one on a laptop, and that
// neither makes the page scroll sideways.
func TestShownByWidth(t *testing.T) {
	browser := testbrowser.New(t)
	css, err := os.ReadFile("../../static/css/diagram.css")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, content := range map[string]string{"shown.js": shownJS, "diagram.css": string(css), "theme.css": testTheme} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Headless Chromium will not make a window narrower than 500 px, so
	// phones are pages 320 or 390 px wide: diagram.css only asks the
	// figure's width (a container query), not the window's. Each window
	// is a tab's viewport, 900 px high, without scrollbars.
	for _, tt := range []struct {
		frame  string
		window int
		shown  string
	}{{"w320", 1280, "lifecycle-narrow"}, {"w390", 1280, "lifecycle-narrow"}, {"", 768, "lifecycle-wide"}, {"", 1280, "lifecycle-wide"}} {
		doc := strings.Replace(page("light", tt.frame, Lifecycle(atlas())), "</body>", `<script src="shown.js"></script></body>`, 1)
		if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := pageResult(browser, "file://"+filepath.Join(dir, "page.html"), "out",
			chromedp.EmulateViewport(int64(tt.window), 900), hideScrollbars())
		if err != nil {
			t.Fatalf("no result in the page: %v", err)
		}
		var got struct {
			Shown    []string
			Overflow bool
			Width    float64
			Viewport float64
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Shown) != 1 || got.Shown[0] != tt.shown || got.Overflow {
			t.Errorf("page %q at %d px: shown %q, overflows: %v; want only %s and no overflow", tt.frame, tt.window, got.Shown, got.Overflow, tt.shown)
		}
		t.Logf("page %q at %d px: main is %.0f px, the %s drawing %.0f px wide", tt.frame, tt.window, got.Viewport, tt.shown, got.Width)
	}
}

// pageResult opens url in a new tab of browser, after the setup actions,
// and returns the text of the element with the given id once a script of
// the page has written it.
func pageResult(browser context.Context, url, id string, setup ...chromedp.Action[chromedp.Void]) (string, error) {
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(tab, append(setup, chromedp.Navigate(url))...); err != nil {
		return "", err
	}
	return chromedp.Run(tab, chromedp.Poll[string](`document.getElementById("`+id+`")?.textContent`,
		chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(25*time.Millisecond)))
}

// hideScrollbars hides the tab's scrollbars, so that a page's width is the
// viewport's.
func hideScrollbars() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScrollbarsHidden, emulation.SetScrollbarsHiddenParams{Hidden: true})
		return err
	})
}
