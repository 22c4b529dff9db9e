package search

import (
	"cmp"
	"slices"
)

// maxPostings caps the pages kept for one term. A term found in more pages
// keeps the best-scoring ones and records its true page count, so the
// client knows the list is a sample: such a term ranks pages but never
// excludes one (see doc.go).
const maxPostings = 200

// A posting is one page a term occurs in, with the term's score there.
type posting struct {
	doc   int32
	score uint8
}

// invert builds the inverted index of docs, which must already be in page
// order: for every term, its postings ordered by page. It does work
// proportional to the number of tokens.
func invert(docs []Doc) map[string][]posting {
	idx := make(map[string][]posting)
	page := make(map[string]hit)
	for id, d := range docs {
		hits(d, page)
		for term, h := range page {
			// Pages are visited in order, so each list stays sorted by page.
			idx[term] = append(idx[term], posting{int32(id), uint8(h.score())})
		}
	}
	return idx
}

// sample returns the at most maxPostings best postings of a list ordered
// by page, ordered by page.
func sample(list []posting) []posting {
	if len(list) <= maxPostings {
		return list
	}
	best := slices.Clone(list)
	slices.SortFunc(best, func(a, b posting) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
	})
	best = best[:maxPostings]
	slices.SortFunc(best, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
	return best
}

// union merges lists ordered by page into one ordered by page, keeping for
// each page its best score. It is how a prefix stands for all the terms
// that begin with it.
func union(lists [][]posting) []posting {
	best := make(map[int32]uint8)
	for _, l := range lists {
		for _, p := range l {
			best[p.doc] = max(best[p.doc], p.score)
		}
	}
	out := make([]posting, 0, len(best))
	for doc, score := range best {
		out = append(out, posting{doc, score})
	}
	slices.SortFunc(out, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
	return out
}
