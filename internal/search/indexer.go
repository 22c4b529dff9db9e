package search

import (
	"bytes"
	"hash/maphash"
	"slices"
)

// An Indexer builds the index again and again, reusing the work of the
// previous call for documents that did not change. Not safe for concurrent use.
//
// It keeps every page's terms and scores, keyed by its path and a hash of its doc, and the inverted index, the encoded entries and the files
// of the previous call. When the pages keep their numbers (no page added,
// removed or renamed before another in its bucket), it patches the postings of the terms of
// the pages that changed and encodes again only the entries, shards and
// chunks whose bytes change; otherwise it inverts all pages again, still
// without analysing the unchanged ones.
//
// Each part keeps what saves its own work: pages the analysed pages,
// analysis its analyzers, terms the postings and entries by term number,
// unions the prefix unions, shards and table the files of the previous
// call.
type Indexer struct {
	call uint32 // counts calls of Index
	bulk bool   // this call inverted, and encodes (nearly) everything

	dict     dictionary
	pages    pageMemo
	analysis analysis
	terms    termIndex
	unions   unionSet
	shards   map[string]*encodedShard // by key
	table    pageTable
	ids      []int32 // the previous call's page numbers, in order
	meta     []byte

	put func(name string, data []byte) // see IndexTo
}

// IndexTo is Index for a build that streams its output and indexes once:
// it hands each page's passages file to put as it is made, from a few
// goroutines at once, and keeps none of them, so the index never holds
// the text of every page; put must not keep data, whose storage serves
// the next file. The files it returns include the passages
// files' names, with nil data. Pages must have distinct paths.
func IndexTo(n int, doc func(i int) Doc, put func(name string, data []byte)) map[string][]byte {
	ix := NewIndexer()
	ix.put = put
	return ix.Index(n, doc)
}

// NewIndexer returns an Indexer that has indexed nothing yet.
func NewIndexer() *Indexer {
	return &Indexer{}
}

// Index returns the index of the n docs that doc makes, exactly what
// search.Index returns for them (same file names, same bytes). doc is
// called once for each of 0..n-1, from a few goroutines at once; a doc's
// text is read while doc's result is analysed and is not kept, so docs
// made on demand need not all be held at once. Files that did not change
// since the previous call are the same []byte values; callers must treat
// every returned slice as immutable.
func (ix *Indexer) Index(n int, doc func(i int) Doc) map[string][]byte {
	if n > maxPages {
		panic("search: cannot index more than 16,777,216 pages")
	}
	ix.call++
	prev := ix.pages.list
	if ix.call == 1 {
		ix.pages.seed = maphash.MakeSeed()
	}
	b := buckets(n)
	byPath := inPageOrder(ix.analysis.run(&ix.dict, &ix.pages, n, doc, ix.put))
	sections := sectionTable(byPath)
	pages, ids := number(byPath, b)
	ix.terms.grow(len(ix.dict.terms))
	changed, ok := ix.terms.changes(prev, pages)
	ok = ok && slices.Equal(ids, ix.ids)
	ix.bulk = !ok
	if ok {
		ix.terms.patch(ix.dict.terms, prev, pages, ids, changed, ix.call)
		ix.unions.patch(ix.dict.terms, pages, ids, changed)
	} else {
		if ix.terms.inverted && len(ix.dict.terms) > 2*len(ix.terms.live)+4096 {
			ix.compact(pages)
		}
		ix.terms.invert(ix.dict.terms, pages, ids, ix.call)
		ix.unions.renumbered()
	}
	ix.ids = ids
	files := make(map[string][]byte, len(pages)+b+len(ix.shards)+64)
	limit := 0 // page numbers are below limit
	if len(ids) > 0 {
		limit = int(ids[len(ids)-1]) + 1
	}
	keys := ix.encodeShards(limit, files)
	ix.table.encode(pages, ids, b, sections, files, ix.bulk)
	for _, p := range pages {
		files[p.file] = p.passages
	}
	meta := appendMeta(nil, len(pages), b, sections, keys)
	if !bytes.Equal(meta, ix.meta) {
		ix.meta = meta
	}
	files["search/meta.json"] = ix.meta
	ix.pages.remember(pages)
	return files
}
