package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
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

// BenchmarkRelated runs Related for every role of a site shaped like the
// generated benchmark sites: roles naming five of a pool of tools, about
// twelve roles to a tool.
func BenchmarkRelated(b *testing.B) {
	for _, n := range []int{7000, 35000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			s, sec := relatedSite(n, n*3/7, 5)
			b.ResetTimer()
			for b.Loop() {
				for _, p := range sec.Pages {
					s.Related(p)
				}
			}
		})
	}
}

// relatedSite makes a site of n roles, each naming per of m tools at
// random, with the tools' incoming groups.
func relatedSite(n, m, per int) (*Site, *Section) {
	r := rand.New(rand.NewPCG(3, 4))
	sec := &Section{Name: "roles", Related: true}
	other := &Section{Name: "tools"}
	tools := make([]*Page, m)
	in := make([]*Group, m)
	for i := range tools {
		tools[i] = &Page{Section: other, Kind: KindPage, order: i}
		in[i] = &Group{Field: "tools", Section: sec}
		tools[i].In = []*Group{in[i]}
	}
	for i := range n {
		p := &Page{Section: sec, Kind: KindPage, order: i}
		g := &Group{Field: "tools", Section: other}
		for range per {
			k := r.IntN(m)
			g.Pages = append(g.Pages, tools[k])
			in[k].Pages = append(in[k].Pages, p)
		}
		p.Out = []*Group{g}
		sec.Pages = append(sec.Pages, p)
	}
	return &Site{}, sec
}
