package search

import (
	"bytes"
	"slices"
	"strings"
)

// A termIndex is the inverted index by term number, kept from call to
// call: each term's postings and its encoded entry ("term":[...]). After
// an edit that keeps page numbers, patch updates the terms of the pages
// that changed; otherwise invert makes it again from all pages.
type termIndex struct {
	// By term number: the term's postings, its entry, the entry's length
	// (0 for a term in no page) and the call that last changed the entry.
	// An entry is a slice of the shard file holding it; while a call
	// works, an entry that changed may be nil, to be encoded straight into
	// its shard.
	post    [][]posting
	entry   [][]byte
	size    []int32
	changed []uint32

	live     []int32 // the terms in some page, in term order
	inverted bool    // post and live are up to date with the previous call's pages
	forms    formTally

	scratch patchScratch
}

// grow sizes the arrays indexed by term number for n terms (but leaves the
// postings to invert when it will make them anyway).
func (x *termIndex) grow(n int) {
	if x.inverted {
		x.post = growTo(x.post, n)
	}
	x.entry = growTo(x.entry, n)
	x.size = growTo(x.size, n)
	x.changed = growTo(x.changed, n)
	x.forms.grow(n)
	x.scratch.grow(n)
}

// growTo extends s with zero values to length n.
func growTo[S ~[]E, E any](s S, n int) S {
	if len(s) >= n {
		return s
	}
	return append(s, make(S, n-len(s))...)
}

// changes returns the page numbers whose terms or scores differ between
// prev and pages, and whether patching the index for them is worth it:
// if pages were renumbered, or too many changed, inverting is cheaper.
func (x *termIndex) changes(prev, pages []*page) ([]int, bool) {
	if !x.inverted || len(prev) != len(pages) {
		return nil, false
	}
	var changed []int
	for i, p := range pages {
		if q := prev[i]; p != q && !sameTerms(p, q) {
			changed = append(changed, i)
			if len(changed) > 16+len(pages)/8 {
				return nil, false
			}
		}
	}
	return changed, true
}

// encodeEntry encodes the entry of term t, spelt term, into buf, to learn
// its size and whether it changed, and returns buf for reuse. An entry
// that changed is kept, or with keep false becomes nil: the shard is then
// encoded with the entry straight into it, which beats holding a copy of
// every entry when nearly all change.
func (x *termIndex) encodeEntry(buf []byte, t int32, term string, keep bool, call uint32) []byte {
	buf = appendEntry(buf[:0], term, x.forms.best[t], x.post[t])
	x.size[t] = int32(len(buf))
	if !bytes.Equal(buf, x.entry[t]) {
		x.entry[t] = nil
		if keep {
			x.entry[t] = bytes.Clone(buf)
		}
		x.changed[t] = call
	}
	return buf
}

// drop forgets the entry of term t, which is in no page any more.
func (x *termIndex) drop(t int32, call uint32) {
	x.entry[t], x.size[t] = nil, 0
	x.changed[t] = call
}

// changedIn reports whether the entry of any of terms changed in call.
func (x *termIndex) changedIn(terms []int32, call uint32) bool {
	for _, t := range terms {
		if x.changed[t] == call {
			return true
		}
	}
	return false
}

// sortByTerm sorts term numbers by the terms they number.
func sortByTerm(ids []int32, terms []string) {
	byTerm := func(a, b int32) int { return strings.Compare(terms[a], terms[b]) }
	if !slices.IsSortedFunc(ids, byTerm) {
		slices.SortFunc(ids, byTerm)
	}
}
