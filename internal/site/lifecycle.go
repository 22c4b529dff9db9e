package site

import "slices"

// A Step is one page of the lifecycle section with what the diagram shows.
type Step struct {
	Page    *Page
	Members []*Page // pages of the members section relating to this step, in section order
}

// An Edge is a loop back from one step to an earlier (or any) step, by index.
type Edge struct{ From, To int }

// Steps returns the lifecycle's steps in order and its loop edges.
func (l *Lifecycle) Steps() ([]Step, []Edge) {
	index := map[*Page]int{}
	steps := make([]Step, len(l.Section.Pages))
	for i, p := range l.Section.Pages {
		index[p] = i
		steps[i].Page = p
		if l.Members == nil {
			continue
		}
		seen := map[*Page]bool{}
		for _, g := range p.In {
			if g.Section != l.Members {
				continue
			}
			for _, q := range g.Pages {
				if !seen[q] {
					seen[q] = true
					steps[i].Members = append(steps[i].Members, q)
				}
			}
		}
		sortByOrder(steps[i].Members)
	}
	var edges []Edge
	if l.Loop != "" {
		for i, p := range l.Section.Pages {
			for _, g := range p.Out {
				if g.Field != l.Loop {
					continue
				}
				for _, t := range g.Pages {
					if j, ok := index[t]; ok {
						edges = append(edges, Edge{From: i, To: j})
					}
				}
			}
		}
	}
	return steps, edges
}

func sortByOrder(pages []*Page) {
	slices.SortFunc(pages, func(a, b *Page) int { return a.order - b.order })
}
