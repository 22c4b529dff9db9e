package search

import (
	"cmp"
	"iter"
	"slices"
)

// maxPostings caps the pages kept for one term. A term found in more pages
// keeps the best-scoring ones and records its true page count, so the
// client knows the list is a sample: such a term ranks pages but never
// excludes one (see doc.go).
const maxPostings = 200

// A posting is one page a term occurs in, with the term's value there
// (see value), packed in 64 bits: the page number above the value's 16.
// Postings order by page, as lists keep them. Scores are never 0, so a
// value of 0 can stand for "not in the page".
type posting uint64

// A value is a term's score in a page (1..255) and, above it, its names:
// bit n-1 is set if the term is in a name of the page (its title or an
// alias) of n terms (see analyzer.name).
type value uint16

func makeValue(score uint8, names uint8) value { return value(names)<<8 | value(score) }

// maxPages is how many pages a posting can number (Index panics beyond:
// the pages' text alone would then take terabytes).
const maxPages = 1 << 24

func makePosting(doc int32, v value) posting { return posting(doc)<<16 | posting(v) }

func (p posting) doc() int32   { return int32(p >> 16) }
func (p posting) value() value { return value(p) }
func (p posting) score() uint8 { return uint8(p) }

// sampleCut says which postings of a list ordered by page make its
// sample: the at most maxPostings best, ties going to the earlier page.
// They are the postings scoring above floor and the first ties postings
// scoring exactly floor. A list that is short enough keeps everything
// (floor 0). Counting scores, which fit in a byte, instead of sorting
// keeps this linear in the length of the list.
func sampleCut(list []posting) (floor uint8, ties int) {
	if len(list) <= maxPostings {
		return 0, len(list)
	}
	// Four counts, added up at the end, keep runs of equal scores (common
	// words mostly score the same) from waiting on each other.
	var count [4][256]int32
	i := 0
	for ; i+4 <= len(list); i += 4 {
		count[0][list[i].score()]++
		count[1][list[i+1].score()]++
		count[2][list[i+2].score()]++
		count[3][list[i+3].score()]++
	}
	for _, p := range list[i:] {
		count[0][p.score()]++
	}
	above := 0 // postings scoring above s
	for s := 255; ; s-- {
		n := int(count[0][s] + count[1][s] + count[2][s] + count[3][s])
		if above+n >= maxPostings {
			return uint8(s), maxPostings - above
		}
		above += n
	}
}

// kept yields the postings of list, ordered by page, that its entry
// keeps: all of them, or the sample sampleCut picks.
func kept(list []posting) iter.Seq[posting] {
	return func(yield func(posting) bool) {
		floor, ties := sampleCut(list)
		for _, p := range list {
			switch s := p.score(); {
			case s < floor:
				continue
			case s == floor:
				if ties == 0 {
					continue
				}
				ties--
			}
			if !yield(p) {
				return
			}
		}
	}
}

// setPosting makes the posting of doc in list, which is ordered by page,
// have the given value, removing it for value 0. It reports whether the
// list changed. It may reuse list's storage.
func setPosting(list []posting, doc int32, v value) ([]posting, bool) {
	k, found := slices.BinarySearchFunc(list, doc, func(p posting, doc int32) int { return cmp.Compare(p.doc(), doc) })
	switch {
	case found && v == 0:
		return slices.Delete(list, k, k+1), true
	case found && list[k].value() != v:
		list[k] = makePosting(doc, v)
		return list, true
	case !found && v != 0:
		return slices.Insert(list, k, makePosting(doc, v)), true
	}
	return list, false
}

// A unionBuilder merges the postings of terms into one list ordered by page,
// keeping for each page its best score. It is how a prefix stands for all
// the terms that begin with it. It reuses one array indexed by page.
type unionBuilder struct{ best []uint8 }

func (u *unionBuilder) union(pages int, post [][]posting, terms []int32) []posting {
	if len(u.best) < pages {
		u.best = make([]uint8, pages)
	}
	best := u.best[:pages]
	n := 0
	for _, t := range terms {
		for _, p := range post[t] {
			d := p.doc()
			if best[d] == 0 {
				n++
			}
			best[d] = max(best[d], p.score())
		}
	}
	out := make([]posting, 0, n)
	for doc, score := range best {
		if score != 0 {
			out = append(out, makePosting(int32(doc), value(score)))
			best[doc] = 0
		}
	}
	return out
}
