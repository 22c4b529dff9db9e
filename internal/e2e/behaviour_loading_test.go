package e2e

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// testLoading loads one page of each kind (the longest of its kind) the way
// a slow network delivers it, a few hundred bytes at a time, on a phone and
// on a wide screen: what the browser paints of a half-delivered page must
// not move when the rest arrives. The header is the usual victim: a
// <details> whose <summary> has not arrived yet shows the browser's own
// "Details" label, a row whose later items have not arrived yet is laid out
// without them, and a table grows its columns as its rows come in.
func testLoading(t *testing.T, b *tab, a *atlas) {
	kinds := pageKinds(t, a)
	for _, width := range []int64{390, 1280} {
		b.viewport(width, 800)
		for _, kind := range slices.Sorted(maps.Keys(kinds)) {
			rel := kinds[kind]
			b.open(a.url(rel) + "?trickle")
			b.loadedStill(fmt.Sprintf("%s (%s) at %d px, delivered in pieces", a.base+rel, kind, width))
		}
	}
	b.viewport(1280, 900)
}

// loadedStill fails the test on the current page's script errors and CSP
// violations, and on a layout shift while it loaded above maxShift (one
// below it is only logged).
func (b *tab) loadedStill(where string) {
	b.t.Helper()
	h, shift, moved := b.health(true)
	for _, p := range h {
		b.t.Errorf("%s: %s", where, p)
	}
	switch {
	case shift > maxShift:
		b.t.Errorf("%s: layout shift %.4f while loading: %q", where, shift, moved)
	case shift > 0:
		b.t.Logf("%s: layout shift %.4f while loading: %q", where, shift, moved)
	}
}
