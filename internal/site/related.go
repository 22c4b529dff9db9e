package site

import (
	"cmp"
	"slices"
)

// relatedLimit is how many related pages a page lists.
const relatedLimit = 6

// commonTarget is the number of pages of a section naming one target above
// which sharing that target says little about two pages (every role uses
// Python); such targets are skipped, which also keeps the work linear.
const commonTarget = 256

// A Relatedness is a page related to another by the targets both name.
type Relatedness struct {
	Page   *Page
	Shared int // number of targets both pages name
}

// Related returns the pages of p's section that share the most relation
// targets with p (any field), best first, ties in section order. It is empty
// unless the section declares related: true.
func (s *Site) Related(p *Page) []Relatedness {
	if p.Section == nil || !p.Section.Related || p.Kind != KindPage {
		return nil
	}
	out := neighbours(p)
	return out[:min(len(out), relatedLimit)]
}

// neighbours ranks every page of p's section that shares a relation target
// with p, best first, ties in section order.
func neighbours(p *Page) []Relatedness {
	score := map[*Page]int{}
	for _, g := range p.Out {
		for _, t := range g.Pages {
			for _, in := range t.In {
				if in.Section != p.Section || len(in.Pages) > commonTarget {
					continue
				}
				for _, q := range in.Pages {
					if q != p {
						score[q]++
					}
				}
			}
		}
	}
	out := make([]Relatedness, 0, len(score))
	for q, n := range score {
		out = append(out, Relatedness{Page: q, Shared: n})
	}
	slices.SortFunc(out, func(a, b Relatedness) int {
		return cmp.Or(cmp.Compare(b.Shared, a.Shared), cmp.Compare(a.Page.order, b.Page.order))
	})
	return out
}
