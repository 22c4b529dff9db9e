package site

import "slices"

// relatedLimit is how many related pages a page lists.
const relatedLimit = 6

// commonTarget is the number of pages of a section naming one target above
// which sharing that target says little about two pages (every role uses
// Python); such targets are skipped, which also keeps the work linear.
const commonTarget = 256

// Common reports whether so many pages name the incoming group's target
// that sharing it says little: Related reads nothing else of the group.
func (g *Group) Common() bool { return len(g.Pages) > commonTarget }

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
	return neighbours(p, relatedLimit)
}

// neighbours returns the best limit pages of p's section that share a
// relation target with p, best first, ties in section order.
func neighbours(p *Page, limit int) []Relatedness {
	score := map[*Page]int{}
	for _, g := range p.Out {
		for _, t := range g.Pages {
			for _, in := range t.In {
				if in.Section != p.Section || in.Common() {
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
	// The best limit, kept in order as they come: a sort of every page
	// sharing a target would cost more than the rest of Related.
	better := func(a, b Relatedness) bool {
		return a.Shared > b.Shared || a.Shared == b.Shared && a.Page.order < b.Page.order
	}
	out := make([]Relatedness, 0, limit)
	for q, n := range score {
		r := Relatedness{Page: q, Shared: n}
		if len(out) == limit && (limit == 0 || !better(r, out[len(out)-1])) {
			continue
		}
		i, _ := slices.BinarySearchFunc(out, r, func(a, b Relatedness) int {
			if better(a, b) {
				return -1
			}
			return 1
		})
		if len(out) < limit {
			out = append(out, Relatedness{})
		}
		copy(out[i+1:], out[i:])
		out[i] = r
	}
	return out
}
