package e2e

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// testPhone loads one page of each kind (the longest of its kind) at 390
// and 320 px wide: the page must not scroll sideways (only the matrix may,
// inside its frame), must not shift its layout while loading, and must log
// no error.
func testPhone(t *testing.T, b *tab, a *atlas) {
	kinds := pageKinds(t, a)
	for _, width := range []int64{390, 320} {
		b.viewport(width, 800)
		for _, kind := range slices.Sorted(maps.Keys(kinds)) {
			rel := kinds[kind]
			b.open(a.url(rel))
			where := fmt.Sprintf("%s (%s) at %d px", a.base+rel, kind, width)
			o := eval[struct {
				ScrollWidth, ClientWidth int
				Culprits                 []string
				Matrix                   struct {
					Scrolls bool
					Right   float64
				}
			}](b, `(() => {
  const root = document.documentElement, w = root.clientWidth;
  const culprits = [...document.querySelectorAll("body *")]
    .filter((e) => !e.closest(".matrix-wrap") && e.getBoundingClientRect().right > w + 0.5)
    .slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : ""));
  const m = document.querySelector(".matrix-wrap");
  return {scrollWidth: root.scrollWidth, clientWidth: w, culprits,
    matrix: m ? {scrolls: m.scrollWidth > m.clientWidth, right: m.getBoundingClientRect().right} : {scrolls: false, right: 0}};
})()`)
			if o.ScrollWidth > o.ClientWidth || o.ClientWidth > int(width) {
				t.Errorf("%s: the page is %d px wide in a %d px viewport; too wide: %q", where, o.ScrollWidth, o.ClientWidth, o.Culprits)
			}
			if kind == "matrix" {
				if !o.Matrix.Scrolls {
					t.Errorf("%s: the matrix does not scroll inside its frame", where)
				}
				if o.Matrix.Right > float64(o.ClientWidth) {
					t.Errorf("%s: the matrix frame ends at %.0f px", where, o.Matrix.Right)
				}
			}
			h, shift, moved := b.health(true)
			for _, p := range h {
				t.Errorf("%s: %s", where, p)
			}
			// A toggle un-hidden after load measured 0.0106 here; under a
			// heavily loaded machine a page once showed 0.0019 that no quiet
			// run repeats, so below maxShift a shift is only logged.
			switch {
			case shift > maxShift:
				t.Errorf("%s: layout shift %.4f while loading: %q", where, shift, moved)
			case shift > 0:
				t.Logf("%s: layout shift %.4f while loading: %q", where, shift, moved)
			}
		}
	}
	b.viewport(1280, 900)
}

// maxShift is the most cumulative layout shift a page may show while
// loading (web.dev calls under 0.1 good; the theme must not shift at all).
const maxShift = 0.005

// pageKinds picks, for each kind of page, its longest page in the output.
func pageKinds(t *testing.T, a *atlas) map[string]string {
	kinds := map[string]string{}
	size := map[string]int{}
	for _, rel := range a.pages(t) {
		if strings.HasSuffix(rel, "/") && a.isRedirect(t, rel) {
			continue
		}
		parts := strings.Split(strings.TrimSuffix(rel, "/"), "/")
		var kind string
		switch {
		case rel == "":
			kind = "home"
		case rel == "404.html" || rel == "search/":
			kind = strings.TrimSuffix(rel, "/")
		case parts[0] == "matrices":
			kind = "matrix"
		case len(parts) == 1:
			kind = "list"
		case len(parts) == 2:
			kind = parts[0] + " page"
		case len(parts) == 3 && parts[2] == "vs":
			kind = "comparisons"
		case len(parts) == 4 && parts[2] == "vs":
			kind = "comparison"
		default:
			kind = "other"
		}
		if n := len(a.read(t, rel)); n > size[kind] {
			kinds[kind], size[kind] = rel, n
		}
	}
	return kinds
}
