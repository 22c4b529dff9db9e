package search

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// chunkDocs is how many pages share one file of the page table.
const chunkDocs = 8

// Index returns the files of the search index for docs, keyed by slash
// path relative to the output root, all under "search/". The result
// depends only on the set of docs, not on their order in the slice.
//
// To index the same site again after small edits, an Indexer does the
// same much faster. Index panics for more than 16,777,216 pages, which
// posting lists cannot number.
func Index(docs []Doc) map[string][]byte {
	return NewIndexer().Index(docs)
}

// pageOrder returns the positions in docs of the pages in page order: by
// path, then title, then position (the order of a stable sort). It starts
// from prev, a guess (the order of the previous call, say), when it has
// the right length: checking that it is still right is much cheaper than
// sorting again, and sorting a nearly right order is cheap too.
func pageOrder(docs []Doc, prev []int) []int {
	var order []int
	if len(prev) == len(docs) {
		order = slices.Clone(prev)
	} else {
		order = make([]int, len(docs))
		for i := range order {
			order[i] = i
		}
	}
	byPage := func(a, b int) int {
		if c := strings.Compare(docs[a].Path, docs[b].Path); c != 0 {
			return c
		}
		if c := strings.Compare(docs[a].Title, docs[b].Title); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
	if !slices.IsSortedFunc(order, byPage) {
		slices.SortFunc(order, byPage)
	}
	return order
}

// A section is a group of results in the user interface.
type section struct{ key, title string }

// sectionTable lists the sections of pages, ordered by key. Home and other
// pages outside any section form the section "" titled "Pages".
func sectionTable(pages []*page) []section {
	titles := make(map[string]string)
	for _, p := range pages {
		if t, ok := titles[p.doc.Section]; !ok || t == "" {
			titles[p.doc.Section] = p.doc.SectionTitle
		}
	}
	out := make([]section, 0, len(titles))
	for _, k := range slices.Sorted(maps.Keys(titles)) {
		t := titles[k]
		if t == "" {
			t = cmp.Or(k, "Pages")
		}
		out = append(out, section{k, t})
	}
	return out
}
