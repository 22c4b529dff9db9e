package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// relatedByFullSort is Related the slow way: for every other page of the
// section count the targets' incoming lists that hold it, sort them all,
// keep the best relatedLimit.
func relatedByFullSort(p *Page) []Relatedness {
	var out []Relatedness
	for _, q := range p.Section.Pages {
		n := 0
		for _, g := range p.Out {
			for _, t := range g.Pages {
				for _, in := range t.In {
					if q != p && in.Section == p.Section && len(in.Pages) <= commonTarget && slices.Contains(in.Pages, q) {
						n++
					}
				}
			}
		}
		if n > 0 {
			out = append(out, Relatedness{Page: q, Shared: n})
		}
	}
	slices.SortFunc(out, func(a, b Relatedness) int {
		return cmp.Or(cmp.Compare(b.Shared, a.Shared), cmp.Compare(a.Page.order, b.Page.order))
	})
	return out[:min(len(out), relatedLimit)]
}

// Related keeps the best pages by a selection, not a sort: on random
// graphs, with many ties, it gives what a full sort gives.
func TestRelatedMatchesFullSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	s := &Site{}
	for round := range 200 {
		sec := &Section{Name: "roles", Related: true}
		other := &Section{Name: "tools"}
		n, m := 1+r.IntN(40), 1+r.IntN(12)
		for i := range n {
			sec.Pages = append(sec.Pages, &Page{Section: sec, Kind: KindPage, order: i})
		}
		var targets []*Page
		for range m {
			targets = append(targets, &Page{Section: other, Kind: KindPage})
		}
		for _, p := range sec.Pages {
			g := &Group{Field: "tools", Section: other}
			for _, tg := range targets {
				if r.IntN(3) == 0 {
					g.Pages = append(g.Pages, tg)
				}
			}
			p.Out = []*Group{g}
		}
		for _, tg := range targets {
			in := &Group{Field: "tools", Section: sec}
			for _, p := range sec.Pages {
				if slices.Contains(p.Out[0].Pages, tg) {
					in.Pages = append(in.Pages, p)
				}
			}
			tg.In = []*Group{in}
		}
		for _, p := range sec.Pages {
			got, want := s.Related(p), relatedByFullSort(p)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, page %d: Related gives %v, a full sort %v", round, p.order, got, want)
			}
		}
	}
}
