package search

import (
	"hash/maphash"
	"slices"
)

// A page is a Doc as the index sees it, analysed once. It keeps what the
// files need of the doc, not the doc: a page's text goes once analysed.
type page struct {
	path, title         string
	file                string // its passages file (see passagesFile), named once
	section, secTitle   string
	filterLabel, filter string
	hash                uint64  // of the doc the page was made from
	terms               []int32 // term numbers in order of first occurrence
	scores              []value // scores[i] is the value of terms[i]: its score and names
	// The page's form of terms[i] (see formTally) is
	// forms[formEnd[i-1]:formEnd[i]], or the term itself if that is empty.
	forms    string
	formEnd  []uint32
	snippet  string
	passages []byte // the passages file
	mark     uint32 // the call that last renumbered terms
}

// sameTerms reports whether p and q have the same terms with the same
// scores and forms, so the index need not change when one replaces the other.
func sameTerms(p, q *page) bool {
	return slices.Equal(p.terms, q.terms) && slices.Equal(p.scores, q.scores) &&
		p.forms == q.forms && slices.Equal(p.formEnd, q.formEnd)
}

// form returns the page's form of its i-th term, "" for the term itself.
func (p *page) form(i int) string {
	start := uint32(0)
	if i > 0 {
		start = p.formEnd[i-1]
	}
	return p.forms[start:p.formEnd[i]]
}

// sameRow reports whether p and q have the same entry in the page table.
func sameRow(p, q *page) bool {
	return p == q || p.path == q.path && p.title == q.title && p.section == q.section &&
		p.snippet == q.snippet && p.filter == q.filter
}

// A pageMemo holds the previous call's pages by path, so that a doc that
// did not change is not analysed again. Whether it changed is decided by
// a 64-bit hash of all its fields, so the memo keeps no doc.
type pageMemo struct {
	seed   maphash.Seed
	list   []*page          // the previous call's pages, in page order
	byPath map[string]*page // list by path
}

// reuse returns the previous call's page for d, whose hash is h, if d did
// not change since.
func (m *pageMemo) reuse(d *Doc, h uint64) *page {
	if p := m.byPath[d.Path]; p != nil && p.hash == h {
		return p
	}
	return nil
}

// hash returns the hash of every field of d, with its TextKey in place of
// its text and headings when it has one.
func (m *pageMemo) hash(d *Doc) uint64 {
	var h maphash.Hash
	h.SetSeed(m.seed)
	num := func(l int) {
		var n [8]byte
		for i := range n {
			n[i] = byte(l >> (8 * i))
		}
		h.Write(n[:])
	}
	str := func(s string) {
		num(len(s))
		h.WriteString(s)
	}
	for _, s := range []string{d.Path, d.Section, d.SectionTitle, d.Title, d.Summary, d.FilterLabel, d.Filter} {
		str(s)
	}
	num(len(d.Aliases))
	for _, a := range d.Aliases {
		str(a)
	}
	if d.TextKey != 0 {
		num(1)
		num(int(d.TextKey))
		return h.Sum64()
	}
	num(0)
	str(d.Text)
	num(len(d.Headings))
	for _, x := range d.Headings {
		str(x.ID)
		str(x.Text)
	}
	return h.Sum64()
}

// remember makes pages the previous call's pages.
func (m *pageMemo) remember(pages []*page) {
	m.list = pages
	m.byPath = make(map[string]*page, len(pages))
	for _, p := range pages {
		if _, ok := m.byPath[p.path]; !ok {
			m.byPath[p.path] = p
		}
	}
}

// inPageOrder sorts pages, given by the position of their docs, into page
// order: by path, then title, then position (the order of a stable sort).
// Pages are numbered in buckets (see number), in this order within each.
func inPageOrder(pages []*page) []*page {
	if !slices.IsSortedFunc(pages, byPath) {
		pages = slices.Clone(pages)
		slices.SortStableFunc(pages, byPath)
	}
	return pages
}
