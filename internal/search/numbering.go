package search

import (
	"cmp"
	"hash/fnv"
	"slices"
	"strings"
)

// bucketPages is how many pages a bucket holds on average, at most: the
// number of buckets is the smallest power of two with no more than
// bucketPages pages a bucket on average.
const bucketPages = 8

// buckets returns the number of buckets for n pages: a power of two, so
// that it changes only when the number of pages crosses a power of two,
// and numbers otherwise stay put as pages come and go.
func buckets(n int) int {
	b := 1
	for b*bucketPages < n {
		b *= 2
	}
	return b
}

// bucketOf is the bucket of the page at path among b buckets: the low
// bits of the path's 32-bit FNV-1a hash.
func bucketOf(path string, b int) int {
	h := fnv.New32a()
	h.Write([]byte(path))
	return int(h.Sum32() & uint32(b-1))
}

// number gives pages, in the order inPageOrder leaves them, their page
// numbers: a page in bucket k that is the s-th of its bucket in page
// order (from 0) is page s·b + k. It returns the pages ordered by number,
// with their numbers. A page keeps its number as long as its path does,
// no page before it in its bucket comes or goes, and the number of
// buckets stays the same.
func number(pages []*page, b int) ([]*page, []int32) {
	type numbered struct {
		p  *page
		id int
	}
	slots := make([]int, b)
	out := make([]numbered, len(pages))
	for i, p := range pages {
		k := bucketOf(p.path, b)
		out[i] = numbered{p, slots[k]*b + k}
		slots[k]++
	}
	slices.SortFunc(out, func(x, y numbered) int { return cmp.Compare(x.id, y.id) })
	sorted := make([]*page, len(out))
	ids := make([]int32, len(out))
	for i, n := range out {
		if n.id >= maxPages {
			panic("search: page numbers run past 16,777,216")
		}
		sorted[i], ids[i] = n.p, int32(n.id)
	}
	return sorted, ids
}

// byPath orders pages by path, then title.
func byPath(a, b *page) int {
	return cmp.Or(strings.Compare(a.path, b.path), strings.Compare(a.title, b.title))
}
