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
	// Every mention of a page by a target p names, as the page's place in
	// the section with the page: sorted, each page's mentions come
	// together, and counting them needs no map (a map per page cost more
	// than the rest of Related).
	type mention struct {
		order int
		page  *Page
	}
	var seen []mention
	for _, g := range p.Out {
		for _, t := range g.Pages {
			for _, in := range t.In {
				if in.Section != p.Section || in.Common() {
					continue
				}
				for _, q := range in.Pages {
					if q != p {
						seen = append(seen, mention{q.order, q})
					}
				}
			}
		}
	}
	slices.SortFunc(seen, func(a, b mention) int { return cmp.Compare(a.order, b.order) })
	// The best limit, kept in order as they come (in section order, so a
	// page ties with those before it by coming after them).
	out := make([]Relatedness, 0, limit)
	for i := 0; i < len(seen); {
		j := i + 1
		for j < len(seen) && seen[j].page == seen[i].page {
			j++
		}
		r := Relatedness{Page: seen[i].page, Shared: j - i}
		i = j
		if len(out) == limit && (limit == 0 || r.Shared <= out[len(out)-1].Shared) {
			continue
		}
		k := len(out)
		for k > 0 && r.Shared > out[k-1].Shared {
			k--
		}
		if len(out) < limit {
			out = append(out, Relatedness{})
		}
		copy(out[k+1:], out[k:])
		out[k] = r
	}
	return out
}
