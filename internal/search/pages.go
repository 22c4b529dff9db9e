package search

import "slices"

// A page is a Doc as the index sees it, analysed once.
type page struct {
	doc     Doc
	terms   []int32 // term numbers in order of first occurrence
	scores  []uint8 // scores[i] is the score of terms[i]
	snippet string
	mark    uint32 // the call that last renumbered terms
}

// is reports whether p was made from a doc equal to d.
func (p *page) is(d *Doc) bool {
	return p.doc.TextFrom == nil && d.TextFrom == nil &&
		p.doc.Path == d.Path && p.doc.Title == d.Title && p.doc.Text == d.Text &&
		p.doc.Summary == d.Summary && p.doc.Section == d.Section &&
		p.doc.SectionTitle == d.SectionTitle && slices.Equal(p.doc.Headings, d.Headings)
}

// sameTerms reports whether p and q have the same terms with the same
// scores, so the postings need not change when one replaces the other.
func sameTerms(p, q *page) bool {
	return slices.Equal(p.terms, q.terms) && slices.Equal(p.scores, q.scores)
}

// sameRow reports whether p and q have the same entry in the page table.
func sameRow(p, q *page) bool {
	return p == q || p.doc.Path == q.doc.Path && p.doc.Title == q.doc.Title &&
		p.doc.Section == q.doc.Section && p.snippet == q.snippet
}

// A pageMemo holds the previous call's pages, so that a doc that did not
// change is not analysed again.
type pageMemo struct {
	list   []*page          // the previous call's pages, in page order
	byPath map[string]*page // list by path, made when first needed
	order  []int            // the previous call's docs, by position, in page order
}

// match returns docs as pages in page order, reusing the previous call's
// page for every doc that did not change, and the pages still to analyse.
func (m *pageMemo) match(docs []Doc) (pages, fresh []*page) {
	pages = make([]*page, len(docs))
	m.order = pageOrder(docs, m.order)
	for i, k := range m.order {
		d := &docs[k]
		if i < len(m.list) && m.list[i].is(d) {
			pages[i] = m.list[i]
			continue
		}
		if m.byPath == nil && len(m.list) > 0 {
			m.byPath = make(map[string]*page, len(m.list))
			for _, p := range m.list {
				m.byPath[p.doc.Path] = p
			}
		}
		if p := m.byPath[d.Path]; p != nil && p.is(d) {
			pages[i] = p
			continue
		}
		p := &page{doc: *d}
		p.doc.Headings = slices.Clone(d.Headings) // the caller may reuse its slice
		pages[i] = p
		fresh = append(fresh, p)
	}
	return pages, fresh
}

// remember makes pages, which replace prev, the previous call's pages.
func (m *pageMemo) remember(prev, pages []*page) {
	m.list = pages
	if m.byPath == nil || len(prev) != len(pages) {
		m.byPath = nil // made again when a page moves
		return
	}
	for i, p := range pages {
		if q := prev[i]; p != q && m.byPath[q.doc.Path] == q {
			delete(m.byPath, q.doc.Path)
		}
	}
	for i, p := range pages {
		if p != prev[i] {
			m.byPath[p.doc.Path] = p
		}
	}
}
