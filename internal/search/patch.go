package search

import (
	"slices"
	"strings"
)

// What patch keeps between calls, so that patching a few pages allocates
// nothing per term.
type patchScratch struct {
	score []value  // by term number: the term's value in the page being patched; all 0 between pages
	mark  []uint32 // by term number: the call that last found the term's postings changed
	buf   []byte
}

func (s *patchScratch) grow(n int) {
	s.score = growTo(s.score, n)
	s.mark = growTo(s.mark, n)
}

// patch updates the postings and entries for the pages whose positions
// are in changed, which were prev[i] and are now pages[i], numbered ids[i]. terms spells the
// terms by number.
func (x *termIndex) patch(terms []string, prev, pages []*page, ids []int32, changed []int, call uint32) {
	var gone, added []int32
	affected := x.setPostings(prev, pages, ids, changed, call)
	for _, t := range x.recount(terms, prev, pages, changed, call, affected) {
		if len(x.post[t]) == 0 {
			x.drop(t, call)
			gone = append(gone, t)
			continue
		}
		if x.size[t] == 0 {
			added = append(added, t)
		}
		x.scratch.buf = x.encodeEntry(x.scratch.buf, t, terms[t], true, call)
	}
	byTerm := func(t int32, term string) int { return strings.Compare(terms[t], term) }
	for _, t := range gone {
		if k, ok := slices.BinarySearchFunc(x.live, terms[t], byTerm); ok {
			x.live = slices.Delete(x.live, k, k+1)
		}
	}
	for _, t := range added {
		k, _ := slices.BinarySearchFunc(x.live, terms[t], byTerm)
		x.live = slices.Insert(x.live, k, t)
	}
}

// recount moves the form counts of the changed pages from prev to pages
// and returns affected with the terms whose form changed added.
func (x *termIndex) recount(terms []string, prev, pages []*page, changed []int, call uint32, affected []int32) []int32 {
	for _, i := range changed {
		x.forms.count(prev[i], -1)
		x.forms.count(pages[i], 1)
	}
	mark := x.scratch.mark
	for _, i := range changed {
		for _, p := range []*page{prev[i], pages[i]} {
			for _, t := range p.terms {
				if x.forms.choose(t, terms[t]) && mark[t] != call {
					mark[t] = call
					affected = append(affected, t)
				}
			}
		}
	}
	return affected
}

// setPostings sets the postings of the changed pages, removing those of
// terms no longer in them, and returns the terms whose postings changed.
func (x *termIndex) setPostings(prev, pages []*page, ids []int32, changed []int, call uint32) []int32 {
	score, mark := x.scratch.score, x.scratch.mark
	var affected []int32
	set := func(t int32, doc int32) {
		var ok bool
		if x.post[t], ok = setPosting(x.post[t], doc, score[t]); ok && mark[t] != call {
			mark[t] = call
			affected = append(affected, t)
		}
	}
	for _, i := range changed {
		old, p := prev[i], pages[i]
		for j, t := range p.terms {
			score[t] = p.scores[j]
		}
		for _, t := range old.terms {
			if score[t] == 0 {
				set(t, ids[i]) // no longer in the page
			}
		}
		for _, t := range p.terms {
			set(t, ids[i])
		}
		for _, t := range p.terms {
			score[t] = 0
		}
	}
	return affected
}
