package e2e

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// compareRead reads a comparison from a document or element d, as
// pre-rendered or as compare.js shows it: the tools only the first page
// has, both, only the second (URL paths), the title, the gap ("path
// from → to") and the text of every compared field.
const compareRead = `(d) => {
  const path = (l) => new URL(l.getAttribute("href"), location.href).pathname;
  const row = d.querySelector('.cmp[data-field="tools"]');
  const paths = (sel) => row ? [...row.querySelectorAll(sel + " a")].map(path) : [];
  return {a: paths(".cmp-a"), both: paths(".cmp-both"), b: paths(".cmp-b"),
    title: (d.querySelector(".cmp-title") || d.querySelector("h1") || {textContent: ""}).textContent,
    gap: [...d.querySelectorAll(".cmp.gap li")].map((li) => path(li.querySelector("a")) + " " + li.querySelector(".qual").textContent),
    text: [...d.querySelectorAll("section.cmp")].map((s) => s.textContent.replace(/\s+/g, " ").trim())};
}`

// compared is what compareRead returns.
type compared struct {
	A, Both, B []string
	Title      string
	Gap        []string
	Text       []string
}

// testCompare checks comparisons against graph.json: every pre-rendered
// one a role page's chooser links (read with fetch and DOMParser), then
// every ordered pair of roles on the section's comparison page, where
// compare.js renders them (for a pre-rendered pair, the same text as its
// page). One pair without a page of its own is picked with the mouse, and
// an old address of such a pair lands on it.
func testCompare(t *testing.T, b *tab, a *atlas, g *graph) {
	roles := g.section("roles")
	pre := map[string]compared{}
	for _, r := range roles {
		b.open(a.url(strings.TrimPrefix(r.URL, a.base)))
		if got, want := eval[string](b, `(() => { const l = document.querySelector(".chooser-all a"); return l ? l.pathname + l.search : ""; })()`), a.base+"compare/roles/?a="+r.Slug; got != want {
			t.Errorf("%s: the link to compare with any other role is %q, want %q", r.URL, got, want)
		}
		links := eval[[]string](b, `[...document.querySelectorAll("details.chooser a")].map((l) => new URL(l.href).pathname)`)
		all := eval[[]compared](b, `Promise.all(`+jsStrings(links)+`.map(async (u) => {
  const r = await fetch(u);
  if (!r.ok) return {title: u + ": " + r.status};
  return (`+compareRead+`)(new DOMParser().parseFromString(await r.text(), "text/html"));
}))`)
		for i, link := range links {
			other := g.page("roles/" + strings.TrimSuffix(strings.TrimPrefix(link, r.URL+"vs/"), "/"))
			if other == nil {
				t.Errorf("%s: the chooser links to %s, not a comparison with a role", r.URL, link)
				continue
			}
			checkCompared(t, g, r, other, link, all[i])
			pre[r.Slug+" "+other.Slug] = all[i]
		}
	}
	if len(pre) == 0 || len(pre) >= len(roles)*(len(roles)-1) {
		t.Errorf("%d pre-rendered comparisons: want some, but not every pair", len(pre))
	}
	b.open(a.url("compare/roles/"))
	every := eval[map[string]compared](b, `(() => {
  const boxes = [...document.querySelectorAll(".profile input[type=checkbox]")], out = {};
  const clear = () => boxes.forEach((x) => { if (x.checked) x.click(); });
  for (const x of boxes) for (const y of boxes) {
    if (x === y) continue;
    clear(); x.click(); y.click();
    out[x.value + " " + y.value] = (`+compareRead+`)(document.querySelector(".cmp-result"));
  }
  clear();
  return out;
})()`)
	if len(every) != len(roles)*(len(roles)-1) {
		t.Errorf("the comparison page compared %d pairs, want %d", len(every), len(roles)*(len(roles)-1))
	}
	var picked [2]*graphPage
	for _, x := range roles {
		for _, y := range roles {
			if x == y {
				continue
			}
			key := x.Slug + " " + y.Slug
			checkCompared(t, g, x, y, "compare/roles/?"+key, every[key])
			if p, ok := pre[key]; ok && !slices.Equal(p.Text, every[key].Text) {
				t.Errorf("%s: compare.js shows\n%q\nthe pre-rendered page\n%q", key, every[key].Text, p.Text)
			}
			if _, ok := pre[key]; !ok && picked[0] == nil && len(wantGap(g, x, y)) > 0 {
				picked = [2]*graphPage{x, y}
			}
		}
	}
	if picked[0] == nil {
		t.Fatal("every pair with a gap is pre-rendered: nothing left to pick")
	}
	testPickAndRedirect(t, b, a, g, picked[0], picked[1])
}

// testPickAndRedirect ticks x then y with the mouse on the comparison page
// and reads the comparison; then opens the address their pre-rendered
// comparison would have had, which must land on the same view.
func testPickAndRedirect(t *testing.T, b *tab, a *atlas, g *graph, x, y *graphPage) {
	want := "?a=" + x.Slug + "&b=" + y.Slug
	b.open(a.url("compare/roles/"))
	b.do(chromedp.Click(chromedp.CSS("#p-"+x.Slug+" label"), chromedp.NodeVisible))
	b.do(chromedp.Click(chromedp.CSS("#p-"+y.Slug+" label"), chromedp.NodeVisible))
	b.waitFor("the comparison", `document.querySelector(".cmp-result .cmp")`)
	if got := eval[string](b, `location.search`); got != want {
		t.Errorf("after ticking %s then %s the address ends %q, want %q", x.Slug, y.Slug, got, want)
	}
	checkCompared(t, g, x, y, "ticked", eval[compared](b, `(`+compareRead+`)(document.querySelector(".cmp-result"))`))
	b.noProblems("compare/roles/" + want)
	b.open(a.url("roles/" + x.Slug + "/vs/" + y.Slug + "/"))
	b.waitFor("the redirect to the comparison page", `location.pathname.endsWith("/compare/roles/") && document.querySelector(".cmp-result .cmp")`)
	if got := eval[string](b, `location.pathname + location.search`); got != a.base+"compare/roles/"+want {
		t.Errorf("the old address of %s vs %s led to %s", x.Slug, y.Slug, got)
	}
	checkCompared(t, g, x, y, "redirected", eval[compared](b, `(`+compareRead+`)(document.querySelector(".cmp-result"))`))
}

// checkCompared checks a comparison of x with y against graph.json: the
// tools, the title and the gap.
func checkCompared(t *testing.T, g *graph, x, y *graphPage, where string, got compared) {
	t.Helper()
	tx, ty := g.targets(x, "tools"), g.targets(y, "tools")
	for _, c := range []struct {
		name      string
		got, want []string
	}{{"only first", got.A, minus(tx, ty)}, {"both", got.Both, intersect(tx, ty)}, {"only second", got.B, minus(ty, tx)}} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: tools %s: %q, want %q", where, c.name, c.got, c.want)
		}
	}
	if !strings.Contains(got.Title, x.Title) || !strings.Contains(got.Title, y.Title) {
		t.Errorf("%s: title %q does not name %s and %s", where, got.Title, x.Title, y.Title)
	}
	gap := slices.Clone(got.Gap)
	slices.Sort(gap)
	if want := wantGap(g, x, y); !slices.Equal(gap, want) {
		t.Errorf("%s: the gap is %q, want %q", where, gap, want)
	}
}

// wantGap is, sorted, what y has at a higher level than x on each scaled
// relation of their section ("path from → to", from "none" when x lacks it).
func wantGap(g *graph, x, y *graphPage) []string {
	var out []string
	for _, sec := range g.Sections {
		if sec.Name != x.Section {
			continue
		}
		for field, scale := range sec.Scales {
			for _, id := range y.Relations[field] {
				qy, qx := y.Qualifiers[field][id], x.Qualifiers[field][id]
				if slices.Contains(x.Relations[field], id) && qx == "" {
					continue
				}
				if slices.Index(scale, qy) > slices.Index(scale, qx) {
					out = append(out, fmt.Sprintf("%s %s → %s", g.page(id).URL, cmp.Or(qx, "none"), qy))
				}
			}
		}
	}
	slices.Sort(out)
	return out
}
