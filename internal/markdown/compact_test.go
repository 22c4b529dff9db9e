package markdown

import (
	"reflect"
	"slices"
	"testing"
)

// compact keeps every heading and link as it was, in three allocations
// whatever their number: one text for all their strings and one slice
// each.
func TestCompact(t *testing.T) {
	c := New(Options{})
	res := c.Convert([]byte("# Über uns {#about}\n\nSee [a](a.md#x), [b](../b.md) and [top](#about).\n\n## Two *words*\n\n### Three\n"))
	if len(res.Headings) != 3 || len(res.Links) != 3 {
		t.Fatalf("headings %v, links %v: want 3 of each", res.Headings, res.Links)
	}
	want := Result{Headings: slices.Clone(res.Headings), Links: slices.Clone(res.Links)}
	// Strings of their own, as inspect makes them, so that the test sees
	// compact's work and not Convert's.
	for i := range want.Headings {
		h := &want.Headings[i]
		h.ID, h.Text = string([]byte(h.ID)), string([]byte(h.Text))
	}
	got := Result{Headings: slices.Clone(want.Headings), Links: slices.Clone(want.Links)}
	compact(&got)
	if !reflect.DeepEqual(got.Headings, want.Headings) || !reflect.DeepEqual(got.Links, want.Links) {
		t.Fatalf("compact changed the values:\n got %+v %+v\nwant %+v %+v", got.Headings, got.Links, want.Headings, want.Links)
	}
	allocs := testing.AllocsPerRun(20, func() {
		r := Result{Headings: slices.Clone(want.Headings), Links: slices.Clone(want.Links)}
		compact(&r)
	})
	if allocs != 2+3 { // the two clones above, then compact's three
		t.Errorf("compact made %v allocations, want 3", allocs-2)
	}
	var none Result
	compact(&none)
	if none.Headings != nil || none.Links != nil {
		t.Errorf("compact of nothing gave %+v", none)
	}
}
