package search

import (
	"context"
	"slices"
	"strconv"

	"github.com/rolesite/rolesite/internal/pool"
)

// A pageTable is the previous call's page table: its sections and chunk
// files, which a call returns again where their pages did not change.
type pageTable struct {
	sections []section
	chunks   [][]byte
	names    []string // chunk file names by chunk number
}

// chunkGrain is how many chunks a goroutine encodes at a time.
const chunkGrain = 64

// encode adds the page table of pages, which replace prev, to files,
// encoding the chunks that changed, and returns the section table. bulk
// says whether nearly every file of the call is encoded.
func (pt *pageTable) encode(prev, pages []*page, files map[string][]byte, bulk bool) []section {
	sections := sectionTable(pages)
	same := slices.Equal(sections, pt.sections)
	pt.sections = sections
	n := (len(pages) + chunkDocs - 1) / chunkDocs
	for len(pt.names) < n {
		pt.names = append(pt.names, "search/d/"+strconv.Itoa(len(pt.names))+".json")
	}
	chunks := make([][]byte, n)
	arenas := make([]arena, pool.Workers(n, chunkGrain))
	for i := range arenas {
		arenas[i] = newArena(bulk)
	}
	pool.Ranges(context.Background(), n, chunkGrain, func(w, lo, hi int) {
		var buf []byte
		for c := lo; c < hi; c++ {
			from, to := c*chunkDocs, min((c+1)*chunkDocs, len(pages))
			if same && c < len(pt.chunks) && to == min((c+1)*chunkDocs, len(prev)) &&
				slices.EqualFunc(pages[from:to], prev[from:to], sameRow) {
				chunks[c] = pt.chunks[c]
				continue
			}
			buf = appendChunk(buf[:0], pages[from:to], sections)
			chunks[c] = arenas[w].copy(buf)
		}
	})
	for c, data := range chunks {
		files[pt.names[c]] = data
	}
	pt.chunks = chunks
	return sections
}
