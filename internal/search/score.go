package search

import "math"

// Scoring is BM25F: a term's occurrences in a page's fields are weighed,
// summed into one term frequency, and saturated. The index stores that
// saturated part per page, as a byte; the client multiplies it by the
// term's inverse document frequency, which it computes from the entry's
// page count, and sums over the query's terms.
//
//	tf    = 8·title + 6·alias + 3·heading + 2·summary + body / (1 - b + b·len/400)
//	score = ceil(255 · tf / (tf + k1))          (1..255)
//
// title, alias, heading and summary are 1 when the term occurs in that
// field (once or more), body is its count in the body text and len the
// page's number of body tokens. The length norm divides by a fixed
// length, not the site's average, so that a page's scores depend on the
// page alone and an edit to one page changes no other page's scores.
const (
	weightTitle   = 8
	weightAlias   = 6
	weightHeading = 3
	weightSummary = 2
	bm25K1        = 1.2
	bm25B         = 0.75
	normTerms     = 400
)

// A field is a bit set of the places a term occurs in one page.
type field uint8

const (
	inTitle field = 1 << iota
	inAlias
	inHeading
	inSummary
)

// A hit records how a term occurs in one page.
type hit struct {
	fields field
	names  uint8  // see value
	body   uint16 // occurrences in the body text, up to 65535
	form   int32  // the analyzer's number of the page's form of the term, plus 1
}

// addBody counts one more occurrence in the body.
func (h *hit) addBody() {
	if h.body < math.MaxUint16 {
		h.body++
	}
}

// score is the term's precomputed score in a page of bodyLen body tokens.
func (h hit) score(bodyLen int) int {
	tf := 0.0
	if h.fields&inTitle != 0 {
		tf += weightTitle
	}
	if h.fields&inAlias != 0 {
		tf += weightAlias
	}
	if h.fields&inHeading != 0 {
		tf += weightHeading
	}
	if h.fields&inSummary != 0 {
		tf += weightSummary
	}
	if h.body > 0 {
		tf += float64(h.body) / (1 - bm25B + bm25B*float64(bodyLen)/normTerms)
	}
	return min(255, max(1, int(math.Ceil(255*tf/(tf+bm25K1)))))
}
