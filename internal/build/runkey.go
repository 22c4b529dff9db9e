package build

import (
	"github.com/rolesite/rolesite/internal/keyhash"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// The runs of a long list (render.Split) have dependency keys too: after
// a title edit at 10,000 pages, building and hashing the views of every
// run of every list and matrix, to find the one or two that changed, cost
// more than rendering those.

// runKey is the dependency key of the view of run k (from 1) of section
// sec's list, whose runs are runs (render.NewListPageView): the section's
// site part (which holds its title and summary, through the gen of its
// _index.md), the run's place, the cards of its pages, the address of
// every run (the pager) and the first cards of the runs beside it (the
// pager's previous and next).
func (d *depKeys) runKey(h *keyhash.Hash, sec *site.Section, runs []render.Run, k int) uint64 {
	d.prepare()
	h.Reset(d.seed)
	cards := d.cards[sec.Order()]
	h.Int(int(d.site[sec]))
	for _, c := range cards[runs[k].From:runs[k].To] {
		h.Int(int(c))
	}
	writePager(h, runs, k, func(i int) uint64 { return cards[i] })
	return h.Sum64()
}

// writePager writes what a run's pager shows: every run's address and
// size, and the first card of the runs beside run k.
func writePager(h *keyhash.Hash, runs []render.Run, k int, card func(i int) uint64) {
	h.Int(k)
	h.Int(len(runs))
	for _, r := range runs {
		h.String(r.Path)
		h.Int(r.To - r.From)
	}
	for _, q := range []int{k - 1, k + 1} {
		if q >= 0 && q < len(runs) {
			h.Int(int(card(runs[q].From)))
		}
	}
}

// matrixKey is the dependency key of the view of run k of matrix m, whose
// runs are runs (render.NewMatrixView): the site's part, the declaration
// and the titles of its two sections, the column groups with the cards
// of their pages, the rows' cards with their cells and qualifiers, and the
// pager.
func (d *depKeys) matrixKey(h *keyhash.Hash, m *site.Matrix, runs []render.Run, k int) uint64 {
	d.prepare()
	h.Reset(d.seed)
	card := func(p *site.Page) uint64 { return d.byIndex[p.Index()] }
	h.Int(int(d.glance))
	for _, v := range []string{m.Title, m.Slug, m.Field, m.Group, m.MatrixDecl.Rows.Title, m.Columns.Title} {
		h.String(v)
	}
	scale := m.Scale()
	h.Int(len(scale))
	for _, v := range scale {
		h.String(v)
	}
	h.Int(len(m.Groups))
	for _, g := range m.Groups {
		h.String(g.Label)
		h.Int(len(g.Pages))
		for _, p := range g.Pages {
			h.Int(int(card(p)))
		}
	}
	for _, r := range m.Rows[runs[k].From:runs[k].To] {
		h.Int(int(card(r.Page)))
		h.Int(len(r.Cells))
		for i, mark := range r.Cells {
			switch {
			case !mark:
				h.Int(0)
			case r.Quals == nil:
				h.Int(1)
			default:
				h.String(r.Quals[i])
			}
		}
	}
	writePager(h, runs, k, func(i int) uint64 { return card(m.Rows[i].Page) })
	return h.Sum64()
}
