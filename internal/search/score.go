package search

import "math/bits"

// Field weights. A term's score in a page is the sum of the weights of the
// fields it occurs in, plus a body part that grows with the logarithm of
// its count in the body. Each weight is larger than all smaller ones
// together, so for a single term a title match always outranks a heading
// match, a heading match a summary match, and a summary match any body
// match. Scores fit in a byte (at most 106), and are never 0.
const (
	weightTitle   = 60
	weightHeading = 24
	weightSummary = 12
	maxBodyScore  = 10
)

// A field is a bit set of the places a term occurs in one page.
type field uint8

const (
	inTitle field = 1 << iota
	inHeading
	inSummary
)

// A hit records how a term occurs in one page.
type hit struct {
	fields field
	body   uint8 // occurrences in the body text, up to 255: the score stops growing at 16
}

// addBody counts one more occurrence in the body.
func (h *hit) addBody() {
	if h.body < 255 {
		h.body++
	}
}

// score is the term's precomputed score in the page.
func (h hit) score() int {
	s := 0
	if h.fields&inTitle != 0 {
		s += weightTitle
	}
	if h.fields&inHeading != 0 {
		s += weightHeading
	}
	if h.fields&inSummary != 0 {
		s += weightSummary
	}
	if h.body > 0 {
		// 1 -> 2, 2..3 -> 4, 4..7 -> 6, 8..15 -> 8, 16+ -> 10
		s += min(maxBodyScore, 2*bits.Len(uint(h.body)))
	}
	return s
}

// hits collects into m, which it clears first, every term of one page and
// how it occurs there. It is the plain statement of what an analyzer
// computes, kept for tests.
func hits(d Doc, m map[string]hit) {
	clear(m)
	mark := func(text string, f field) {
		for t := range terms(text) {
			h := m[t]
			h.fields |= f
			m[t] = h
		}
	}
	mark(d.Title, inTitle)
	for _, h := range d.Headings {
		mark(h, inHeading)
	}
	mark(d.Summary, inSummary)
	for t := range terms(d.Text) {
		h := m[t]
		h.addBody()
		m[t] = h
	}
}
