package search

import (
	"context"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/pool"
)

// invertGrain is how many terms a goroutine encodes at a time.
const invertGrain = 512

// invert builds the postings of every term from pages, numbered ids, and
// encodes every entry, keeping the previous bytes of entries that come out
// the same. terms spells the terms by number.
func (x *termIndex) invert(terms []string, pages []*page, ids []int32, call uint32) {
	post, live := invertPages(pages, ids, len(terms), len(x.live))
	sortByTerm(live, terms)
	for _, t := range x.live {
		if len(post[t]) == 0 {
			x.drop(t, call)
		}
	}
	x.post, x.live, x.inverted = post, live, true
	x.forms.recount(len(terms), pages, terms, live)

	pool.Ranges(context.Background(), len(live), invertGrain, func(w, lo, hi int) {
		var buf []byte
		for _, t := range live[lo:hi] {
			if x.entry[t] == nil {
				// New: no bytes to compare with, only a size to learn.
				x.size[t] = int32(entrySize(terms[t], x.forms.best[t], post[t]))
				x.changed[t] = call
				continue
			}
			buf = x.encodeEntry(buf, t, terms[t], false, call)
		}
	})
}

// invertPages returns the postings of each of n terms in pages, numbered
// ids (which increase), in page order, and the terms in some page, in term number order.
func invertPages(pages []*page, ids []int32, n, liveCap int) (post [][]posting, live []int32) {
	// Count each term's pages in each of k ranges of pages, then fill the
	// postings, ranges side by side: each range writes its own part of
	// every list, so the lists come out in page order.
	k := pool.Workers(len(pages), 1024)
	counts := make([][]int32, k)
	pool.Split(len(pages), k, func(w, lo, hi int) {
		c := make([]int32, n)
		for _, p := range pages[lo:hi] {
			for _, t := range p.terms {
				c[t]++
			}
		}
		counts[w] = c
	})
	start := make([]int32, n+1)
	var total int32
	for t := range n {
		start[t] = total
		for _, c := range counts {
			c[t], total = total, total+c[t] // c[t] becomes where range w writes
		}
	}
	start[n] = total
	backing := make([]posting, total)
	pool.Split(len(pages), k, func(w, lo, hi int) {
		next := counts[w]
		for i, p := range pages[lo:hi] {
			for j, t := range p.terms {
				backing[next[t]] = makePosting(ids[lo+i], p.scores[j])
				next[t]++
			}
		}
	})

	post = make([][]posting, n)
	live = make([]int32, 0, liveCap)
	for t := range n {
		lo, hi := start[t], start[t+1]
		if hi > lo {
			post[t] = backing[lo:hi:hi]
			live = append(live, int32(t))
		}
	}
	return post, live
}

// compact numbers again, in term order, only the terms in pages, dropping
// the rest; terms in no page pile up as pages are edited. Everything that
// holds a term number follows.
func (ix *Indexer) compact(pages []*page) {
	// Keep every term of every page: the live terms may lag behind pages.
	keep := make([]bool, len(ix.dict.terms))
	for _, p := range pages {
		for _, t := range p.terms {
			keep[t] = true
		}
	}
	var sorted []int32
	for t := range ix.dict.terms {
		if keep[t] {
			sorted = append(sorted, int32(t))
		}
	}
	slices.SortFunc(sorted, func(a, b int32) int { return strings.Compare(ix.dict.terms[a], ix.dict.terms[b]) })
	var old dictionary
	old, ix.dict = ix.dict, dictionary{}
	renumber := make([]int32, len(old.terms))
	for _, t := range sorted {
		renumber[t] = ix.dict.add(old.terms[t])
	}
	for _, p := range pages {
		if p.mark == ix.call {
			continue // already renumbered: a page can stand for two equal docs
		}
		p.mark = ix.call
		for j, t := range p.terms {
			p.terms[j] = renumber[t]
		}
	}
	ix.terms.renumber(keep, renumber, len(sorted))
	ix.shards = nil // their term numbers are stale
	ix.analysis.renumbered()
}

// renumber keeps the entries of the terms in keep, term t becoming
// renumber[t] of n, and forgets the rest, to be made again by invert.
func (x *termIndex) renumber(keep []bool, renumber []int32, n int) {
	entry := make([][]byte, n)
	size := make([]int32, n)
	for t, e := range x.entry {
		if keep[t] {
			entry[renumber[t]], size[renumber[t]] = e, x.size[t]
		}
	}
	*x = termIndex{entry: entry, size: size, changed: make([]uint32, n)}
	x.post = make([][]posting, n)
	x.scratch.grow(n)
}
