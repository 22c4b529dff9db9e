package site

import (
	"context"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/pool"
)

// each calls f for every page on the pool's workers, each worker with a
// resolver of its own: the maps it reads are shared and, by then, no
// longer written; what it reports is its own, and joins the resolver's
// after every page is done. The order of reports does not matter: Resolve
// sorts them.
//
// Only steps that touch no page but p, and read other pages without
// making anything of them on first use, may run this way: relations and
// schemas (each page's own Out), links and aliases (its own Links and
// Aliases; the sets of heading IDs are the worker's, see hasID).
func (r *resolver) each(pages []*Page, f func(w *resolver, p *Page)) {
	workers := make([]*resolver, pool.Workers(len(pages), eachGrain))
	for i := range workers {
		w := *r
		w.diags, w.keptOut = nil, 0
		w.unknown, w.idSets = map[string]string{}, map[*Page]map[string]bool{}
		w.slabs = slabs{} // never carve what r, or another worker, carves
		workers[i] = &w
	}
	pool.Ranges(context.Background(), len(pages), eachGrain, func(k, lo, hi int) {
		for _, p := range pages[lo:hi] {
			f(workers[k], p)
		}
	})
	for _, w := range workers {
		r.diags = append(r.diags, w.diags...)
		r.keptOut += w.keptOut
	}
}

// eachGrain is how many pages a worker takes at a time: enough that
// taking them costs nothing beside resolving them.
const eachGrain = 256

// nearSection is the section name closest to field, for a list field that
// names no relation: worked out once per field and worker, as every page
// of a section tends to have the same fields.
func (r *resolver) nearSection(field string) string {
	if near, ok := r.unknown[field]; ok {
		return near
	}
	near := diag.Nearest(field, r.sectionNames())
	if r.unknown != nil {
		r.unknown[field] = near
	}
	return near
}
