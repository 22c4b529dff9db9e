package e2e

import (
	"maps"
	"strings"
	"testing"
	"time"
)

// colourOnly runs the axe rules whose outcome depends on colours. The DOM
// of a page is the same in every colour state, only the theme's custom
// properties change, so every other rule gives the same answer in each and
// runs once, in the light scheme.
const colourOnly = `{resultTypes: ["violations"], runOnly: {type: "rule", values: ["color-contrast", "link-in-text-block"]}}`

// themeVars reads the theme's custom properties as the page computes them.
const themeVars = `(() => {
  const cs = getComputedStyle(document.documentElement);
  return Object.fromEntries([...cs].filter((p) => p.startsWith("--")).map((p) => [p, cs.getPropertyValue(p).trim()]));
})()`

// TestAxe runs axe-core over every page of the atlas, built under a
// sub-path: all rules (axe's defaults: WCAG 2 A and AA, and best practices)
// in the light scheme, and the colour rules in the dark scheme by
// prefers-color-scheme. On one page of each kind it also presses the
// toggle, both ways (dark on a light system, light on a dark one), runs the
// colour rules again, and checks that the toggle's dark palette is the
// system one, custom property by custom property. Any violation fails, as
// does a script error or CSP violation on any page. Alias pages, which
// only redirect, are left to the HTML and link checks.
func TestAxe(t *testing.T) {
	t.Parallel()
	axe := axeScript(t)
	b := startBrowser(t)
	a := serveAtlas(t, published("https://example.org/atlas/"))
	b.onNewDocument(string(axe))
	b.viewport(1280, 900)
	sample := map[string]bool{}
	for _, rel := range pageKinds(t, a) {
		sample[rel] = true
	}

	found := problems{}
	start := time.Now()
	n := 0
	for _, rel := range a.pages(t) {
		if a.isRedirect(t, rel) {
			continue
		}
		n++
		where := a.base + rel
		b.scheme("light")
		b.open(a.url(rel))
		b.axe(found, where, "light", "", `{resultTypes: ["violations"]}`)
		b.scheme("dark")
		b.axe(found, where, "dark (prefers-color-scheme)", "", colourOnly)
		if sample[rel] {
			system := eval[map[string]string](b, themeVars)
			if len(system) < 4 {
				found.add(where, "the page has only %d custom properties: %v", len(system), system)
			}
			b.axe(found, where, "light (toggle, dark system)", "toggle", colourOnly)
			b.scheme("light")
			b.axe(found, where, "dark (toggle, light system)", "toggle", colourOnly)
			if toggled := eval[map[string]string](b, themeVars); !maps.Equal(toggled, system) {
				found.add(where, "the toggle's dark palette differs from the system's:\n\t%v\n\t%v", toggled, system)
			}
			b.run(`localStorage.clear()`)
		}
		h, _, _ := b.health(false)
		for _, p := range h {
			found.add(where, "%s", p)
		}
	}
	found.report(t)
	t.Logf("%d pages in light and dark, %d of them with the toggle both ways too, in %v", n, len(sample), time.Since(start).Round(time.Second))
}

// axe runs axe-core on the tab's page, in the colour state named by
// state ("light", "dark (…)"), and adds each violation to found. prepare is
// "" to leave the page as it is, "reset" to forget the reader's choice and
// follow the system scheme, or "toggle" to reset and then press the theme
// toggle. All in one evaluation: a round trip to the browser costs as much
// as an axe run of the colour rules.
func (b *tab) axe(found problems, where, state, prepare, options string) {
	b.t.Helper()
	res := eval[struct {
		Scheme     string
		Violations []struct {
			ID, Help string
			Nodes    []struct{ HTML string }
		}
	}](b, `(async () => {
  const prepare = `+jsString(prepare)+`;
  if (prepare) {
    localStorage.clear();
    document.documentElement.removeAttribute("data-theme");
    if (prepare === "toggle") document.getElementById("theme-toggle").click();
  }
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  const r = await axe.run(document, `+options+`);
  return {scheme, violations: r.violations};
})()`)
	if want := strings.Fields(state)[0]; res.Scheme != want {
		found.add(where, "%s: the page's color-scheme is %q", state, res.Scheme)
	}
	for _, v := range res.Violations {
		for _, n := range v.Nodes {
			found.add(where+" ("+state+")", "axe %s: %s\n\t%s", v.ID, v.Help, abbrev(n.HTML))
		}
	}
}
