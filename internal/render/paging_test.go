package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/site"
)

// namedPages are pages of the given slugs, in that order.
func namedPages(slugs []string) []*site.Page {
	out := make([]*site.Page, len(slugs))
	for i, s := range slugs {
		out[i] = &site.Page{Src: &content.Page{Path: "content/roles/" + s + ".md", Slug: s, Title: s}}
	}
	return out
}

// runKeys names each run by its path and its pages.
func runKeys(pages []*site.Page, runs []Run) []string {
	var out []string
	for _, r := range runs {
		k := r.Path
		for _, p := range pages[r.From:r.To] {
			k += " " + p.Slug()
		}
		out = append(out, k)
	}
	return out
}

// Split covers the list in order with runs of runMin to runMax pages (the
// last may be shorter), and adding or removing one page changes few runs:
// its own, and seldom more, whatever the list.
func TestSplitIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	changed := map[int]int{}
	for trial := range 300 {
		var slugs []string
		for i := range 500 + r.IntN(2500) {
			slugs = append(slugs, fmt.Sprintf("p%05d-%d", i, r.IntN(1000)))
		}
		before := namedPages(slugs)
		runs := Split("roles/", before)
		for i, run := range runs {
			if run.From >= run.To || i > 0 && run.From != runs[i-1].To || run.To-run.From > runMax || i < len(runs)-1 && run.To-run.From < runMin {
				t.Fatalf("trial %d: run %d is %d to %d", trial, i, run.From, run.To)
			}
		}
		if runs[0].Path != "roles/" || runs[len(runs)-1].To != len(before) {
			t.Fatalf("trial %d: runs %v do not cover the list", trial, runs)
		}
		at := r.IntN(len(slugs))
		edited := slices.Clone(slugs)
		if trial%2 == 0 {
			edited = slices.Insert(edited, at, fmt.Sprintf("p%05d-new", at))
		} else {
			edited = slices.Delete(edited, at, at+1)
		}
		after := namedPages(edited)
		old := runKeys(before, runs)
		n := 0
		for _, k := range runKeys(after, Split("roles/", after)) {
			if !slices.Contains(old, k) {
				n++
			}
		}
		changed[n]++
	}
	t.Logf("runs changed by one edit: %v (count: trials)", changed)
	if changed[0] > 0 {
		t.Errorf("an edit changed no run %d times", changed[0])
	}
	// Cutting a run at runMax by counting changed two runs or more in
	// a fifth of the trials; cutting it at its least hash, in 2%.
	if changed[1] < 280 || changed[1]+changed[2] < 295 {
		t.Errorf("an edit changed one run in %d of 300 trials, one or two in %d; want 280 and 295 or more: %v",
			changed[1], changed[1]+changed[2], changed)
	}
}
