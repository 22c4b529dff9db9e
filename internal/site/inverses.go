package site

import (
	"cmp"
	"slices"
)

// inverses fills every page's incoming groups from all outgoing ones. Work
// is linear in the number of relation entries. It counts them first, so
// that the incoming groups, their page lists and the pages' lists of
// groups each come from one array: a build keeps them all to its end, and
// at 50,000 pages three objects a page for the collector to trace at
// every cycle were a tenth of all it held.
func (r *resolver) inverses() {
	type inKey struct {
		t     *Page
		sec   *Section
		field string
	}
	counts := map[inKey]int{}
	var order []inKey // in site order, so each group's pages come out sorted
	groupsOf := map[*Page]int{}
	entries := 0
	for _, p := range r.site.Pages {
		for _, g := range p.Out {
			for _, t := range g.Pages {
				k := inKey{t, p.Section, g.Field}
				if counts[k] == 0 {
					order = append(order, k)
					groupsOf[t]++
				}
				counts[k]++
				entries++
			}
		}
	}
	groups, lists, ins := make([]Group, len(order)), make([]*Page, entries), make([]*Group, len(order))
	// A declaration's inverse label is the same on every target page: made
	// once, each page's incoming group shares it.
	labels := map[*Decl]string{}
	for i, k := range order {
		d := r.decl(k.sec, k.field)
		label, ok := labels[d]
		if !ok {
			label = inverseLabel(d, k.sec, k.field, k.t)
			labels[d] = label
		}
		n := counts[k]
		groups[i] = Group{Field: k.field, Label: label, Section: k.sec, Scale: d.Scale, Pages: lists[:0:n]}
		lists = lists[n:]
		if k.t.In == nil {
			m := groupsOf[k.t]
			k.t.In, ins = ins[:0:m], ins[m:]
		}
		k.t.In = append(k.t.In, &groups[i])
	}
	r.fillInverses()
}

// fillInverses appends each page to the incoming groups of the pages it
// links, with the qualifier it gives, and sorts every page's groups.
func (r *resolver) fillInverses() {
	for _, p := range r.site.Pages {
		for _, g := range p.Out {
			for i, t := range g.Pages {
				in := inverseGroup(t, p.Section, g.Field)
				in.Pages = append(in.Pages, p)
				if q := g.Qual(i); q != "" || in.Quals != nil {
					if in.Quals == nil {
						in.Quals = make([]string, len(in.Pages)-1, cap(in.Pages))
					}
					in.Quals = append(in.Quals, q)
				}
			}
		}
	}
	for _, p := range r.site.Pages {
		for _, in := range p.In {
			in.sortQualified()
		}
		slices.SortStableFunc(p.In, func(a, b *Group) int {
			return cmp.Or(cmp.Compare(a.Section.order, b.Section.order),
				cmp.Compare(declIndex(a.Section, a.Field), declIndex(b.Section, b.Field)))
		})
	}
}
