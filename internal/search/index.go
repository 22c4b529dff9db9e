package search

import (
	"cmp"
	"maps"
	"slices"
)

// Index returns the files of the search index for docs, keyed by slash
// path relative to the output root, all under "search/". The result
// depends only on the set of docs, not on their order in the slice.
//
// To index the same site again after small edits, an Indexer does the
// same much faster. Index panics when a page number would pass
// 16,777,216, which posting lists cannot hold: page numbers leave gaps
// (doc.go, Files), so that is at a few million pages.
func Index(docs []Doc) map[string][]byte {
	return NewIndexer().Index(len(docs), func(i int) Doc { return docs[i] })
}

// A section is a group of results in the user interface, which may be
// filtered by one field (label "" for none).
type section struct{ key, title, filterLabel string }

// sectionTable lists the sections of pages, ordered by key. Home and other
// pages outside any section form the section "" titled "Pages". A
// section's title and filter label are the first non-empty ones its pages
// give, in page order.
func sectionTable(pages []*page) []section {
	bykey := make(map[string]*section)
	for _, p := range pages {
		s := bykey[p.section]
		if s == nil {
			s = &section{key: p.section}
			bykey[p.section] = s
		}
		s.title = cmp.Or(s.title, p.secTitle)
		s.filterLabel = cmp.Or(s.filterLabel, p.filterLabel)
	}
	out := make([]section, 0, len(bykey))
	for _, k := range slices.Sorted(maps.Keys(bykey)) {
		s := *bykey[k]
		s.title = cmp.Or(s.title, k, "Pages")
		out = append(out, s)
	}
	return out
}
