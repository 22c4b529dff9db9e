package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// compareTools reads, from a comparison page's document d, the tools only
// the first role has, those both have, those only the second has, and the
// heading.
const compareTools = `(d) => {
  const row = d.querySelector('.cmp[data-field="tools"]');
  const hrefs = (sel) => row ? [...row.querySelectorAll(sel + " a")].map((l) => new URL(l.getAttribute("href"), location.href).pathname) : [];
  return {a: hrefs(".cmp-a"), both: hrefs(".cmp-both"), b: hrefs(".cmp-b"), h1: [d.querySelector("h1").textContent]};
}`

// testCompare checks every comparison of every role against graph.json:
// the tools only one role has, and those both have. Each role page's
// chooser must list every other role; the comparison pages it links to are
// read by the page itself (fetch and DOMParser: 240 page loads would take
// most of a minute), and one of them per role is opened with the mouse
// from the chooser and read as rendered.
func testCompare(t *testing.T, b *tab, a *atlas, g *graph) {
	roles := g.section("roles")
	pairs := 0
	check := func(r *graphPage, link string, got map[string][]string) {
		t.Helper()
		other := g.page("roles/" + strings.TrimSuffix(strings.TrimPrefix(link, r.URL+"vs/"), "/"))
		if other == nil {
			t.Errorf("%s: the chooser links to %s, not a comparison with a role", r.URL, link)
			return
		}
		pairs++
		ta, tb := g.targets(r, "tools"), g.targets(other, "tools")
		want := map[string][]string{"a": minus(ta, tb), "both": intersect(ta, tb), "b": minus(tb, ta)}
		for _, k := range []string{"both", "a", "b"} {
			if !slices.Equal(got[k], want[k]) {
				t.Errorf("%s: tools %s: %q, want %q", link, k, got[k], want[k])
			}
		}
		if h1 := got["h1"]; len(h1) != 1 || !strings.Contains(h1[0], r.Title) || !strings.Contains(h1[0], other.Title) {
			t.Errorf("%s: heading %q does not name %s and %s", link, h1, r.Title, other.Title)
		}
	}
	for i, r := range roles {
		b.open(a.url(strings.TrimPrefix(r.URL, a.base)))
		links := eval[[]string](b, `[...document.querySelectorAll("details.chooser a")].map((l) => new URL(l.href).pathname)`)
		if len(links) != len(roles)-1 {
			t.Errorf("%s: the chooser lists %d comparisons, want %d", r.URL, len(links), len(roles)-1)
		}
		all := eval[[]map[string][]string](b, `Promise.all(`+jsStrings(links)+`.map(async (u) => {
  const r = await fetch(u);
  if (!r.ok) return {h1: [u + ": " + r.status]};
  return (`+compareTools+`)(new DOMParser().parseFromString(await r.text(), "text/html"));
}))`)
		for j, link := range links {
			check(r, link, all[j])
		}
		// One comparison as a reader opens it: the chooser, then a link.
		if len(links) > 0 {
			link := links[i%len(links)]
			b.do(chromedp.Click(chromedp.CSS("details.chooser > summary"), chromedp.NodeVisible))
			b.clickAndLoad(`details.chooser a[href="` + link + `"]`)
			if loc := eval[string](b, `location.pathname`); loc != link {
				t.Errorf("%s: the chooser's link opened %s, want %s", r.URL, loc, link)
				continue
			}
			pairs--
			check(r, link, eval[map[string][]string](b, `(`+compareTools+`)(document)`))
			b.noProblems(link)
		}
	}
	if pairs < len(roles)*(len(roles)-1) {
		t.Errorf("%d comparisons checked, want %d", pairs, len(roles)*(len(roles)-1))
	}
	t.Logf("%d comparisons checked, %d of them opened from the chooser", pairs, len(roles))
}
