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
	keys, at := r.inKeys()
	groups, lists, ins := make([]Group, len(keys)), make([]*Page, len(at)), make([]*Group, len(keys))
	groupsOf := make([]int, len(r.site.Pages))
	for _, k := range keys {
		groupsOf[k.t.index]++
	}
	// A declaration's inverse label is the same on every target page: made
	// once, each page's incoming group shares it.
	labels := map[*Decl]string{}
	for i, k := range keys {
		d := r.decl(k.sec, k.field)
		label, ok := labels[d]
		if !ok {
			label = inverseLabel(d, k.sec, k.field, k.t)
			labels[d] = label
		}
		n := k.n
		groups[i] = Group{Field: k.field, Label: label, Section: k.sec, Scale: d.Scale, Pages: lists[:0:n]}
		lists = lists[n:]
		if k.t.In == nil {
			m := groupsOf[k.t.index]
			k.t.In, ins = ins[:0:m], ins[m:]
		}
		k.t.In = append(k.t.In, &groups[i])
	}
	r.fillInverses(groups, at)
}

// An inKey is one incoming group to be: the pages of sec that link t by
// field, n of them.
type inKey struct {
	t     *Page
	sec   *Section
	field string
	n     int
	next  int // the index of t's next key, -1 for none
}

// inKeys returns the incoming groups to make, in site order (the order
// their first page comes in, so that each group's pages come out
// sorted), with how many pages each holds, and for every entry of every
// outgoing group, in site order, the key it goes to. A target page's keys
// are found through a list of its own, from its place in Site.Pages
// (every target is a regular page): a page is linked by the pages of a
// few sections by a few fields, and a map from all three was most of what
// this cost.
func (r *resolver) inKeys() ([]inKey, []int32) {
	first := make([]int, len(r.site.Pages)) // 1 + the index of the target's first key; 0 for none
	var keys []inKey
	n := 0
	for _, p := range r.site.Pages {
		for _, g := range p.Out {
			n += len(g.Pages)
		}
	}
	at := make([]int32, 0, n)
	for _, p := range r.site.Pages {
		for _, g := range p.Out {
			for _, t := range g.Pages {
				i := first[t.index] - 1
				for i >= 0 && (keys[i].sec != p.Section || keys[i].field != g.Field) {
					i = keys[i].next
				}
				if i < 0 {
					keys = append(keys, inKey{t: t, sec: p.Section, field: g.Field, next: first[t.index] - 1})
					i = len(keys) - 1
					first[t.index] = len(keys)
				}
				keys[i].n++
				at = append(at, int32(i))
			}
		}
	}
	return keys, at
}

// fillInverses appends each page to the incoming groups of the pages it
// links (groups, by the keys at gives each entry), with the qualifier it
// gives, and sorts every page's groups.
func (r *resolver) fillInverses(groups []Group, at []int32) {
	e := 0
	for _, p := range r.site.Pages {
		for _, g := range p.Out {
			for i := range g.Pages {
				in := &groups[at[e]]
				e++
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
