package build

import (
	"hash/maphash"

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
func (d *depKeys) runKey(h *maphash.Hash, sec *site.Section, runs []render.Run, k int) uint64 {
	d.prepare()
	h.Reset()
	h.SetSeed(d.seed)
	cards := d.cards[sec.Order()]
	writeInt(h, int(d.site[sec]))
	for _, c := range cards[runs[k].From:runs[k].To] {
		writeInt(h, int(c))
	}
	writePager(h, runs, k, func(i int) uint64 { return cards[i] })
	return h.Sum64()
}

// writePager writes what a run's pager shows: every run's address and
// size, and the first card of the runs beside run k.
func writePager(h *maphash.Hash, runs []render.Run, k int, card func(i int) uint64) {
	writeInt(h, k)
	writeInt(h, len(runs))
	for _, r := range runs {
		writeString(h, r.Path)
		writeInt(h, r.To-r.From)
	}
	for _, q := range []int{k - 1, k + 1} {
		if q >= 0 && q < len(runs) {
			writeInt(h, int(card(runs[q].From)))
		}
	}
}

// matrixKey is the dependency key of the view of run k of matrix m, whose
// runs are runs (render.NewMatrixView): the site's part, the declaration
// and the titles of its two sections, the column groups with the cards
// of their pages, the rows' cards with their cells and qualifiers, and the
// pager.
func (d *depKeys) matrixKey(h *maphash.Hash, m *site.Matrix, runs []render.Run, k int) uint64 {
	d.prepare()
	h.Reset()
	h.SetSeed(d.seed)
	card := func(p *site.Page) uint64 { return d.byIndex[p.Index()] }
	writeInt(h, int(d.glance))
	for _, v := range []string{m.Title, m.Slug, m.Field, m.Group, m.MatrixDecl.Rows.Title, m.Columns.Title} {
		writeString(h, v)
	}
	scale := m.Scale()
	writeInt(h, len(scale))
	for _, v := range scale {
		writeString(h, v)
	}
	writeInt(h, len(m.Groups))
	for _, g := range m.Groups {
		writeString(h, g.Label)
		writeInt(h, len(g.Pages))
		for _, p := range g.Pages {
			writeInt(h, int(card(p)))
		}
	}
	for _, r := range m.Rows[runs[k].From:runs[k].To] {
		writeInt(h, int(card(r.Page)))
		writeInt(h, len(r.Cells))
		for i, mark := range r.Cells {
			switch {
			case !mark:
				writeInt(h, 0)
			case r.Quals == nil:
				writeInt(h, 1)
			default:
				writeString(h, r.Quals[i])
			}
		}
	}
	writePager(h, runs, k, func(i int) uint64 { return card(m.Rows[i].Page) })
	return h.Sum64()
}
