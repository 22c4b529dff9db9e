package search

import (
	"context"
	"slices"
	"strconv"

	"github.com/rolesite/rolesite/internal/pool"
)

// A pageTable is the previous call's page table: its sections and the
// file of each bucket, which a call returns again where the bucket's
// pages did not change.
type pageTable struct {
	sections []section
	buckets  int
	rows     [][]*page // by bucket, in page order
	chunks   [][]byte  // by bucket; nil for an empty one
}

// chunkGrain is how many buckets a goroutine encodes at a time.
const chunkGrain = 64

// encode adds the page table of pages, numbered ids among b buckets, to
// files, one file a bucket that holds pages, encoding those whose rows
// changed. bulk says whether nearly every file of the call is encoded.
func (pt *pageTable) encode(pages []*page, ids []int32, b int, sections []section, files map[string][]byte, bulk bool) {
	same := slices.Equal(sections, pt.sections) && b == pt.buckets
	rows := make([][]*page, b)
	for i, p := range pages {
		k := int(ids[i]) % b
		rows[k] = append(rows[k], p) // pages come by number: by slot within a bucket
	}
	chunks := make([][]byte, b)
	arenas := make([]arena, pool.Workers(b, chunkGrain))
	for i := range arenas {
		arenas[i] = newArena(bulk)
	}
	pool.Ranges(context.Background(), b, chunkGrain, func(w, lo, hi int) {
		var buf []byte
		for k := lo; k < hi; k++ {
			switch {
			case len(rows[k]) == 0:
			case same && slices.EqualFunc(rows[k], pt.rows[k], sameRow):
				chunks[k] = pt.chunks[k]
			default:
				buf = appendChunk(buf[:0], rows[k], sections)
				chunks[k] = arenas[w].copy(buf)
			}
		}
	})
	for k, data := range chunks {
		if data != nil {
			files["search/d/"+strconv.Itoa(k)+".json"] = data
		}
	}
	pt.sections, pt.buckets, pt.rows, pt.chunks = sections, b, rows, chunks
}
