package build

import (
	"maps"
	"slices"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/search"
	"github.com/rolesite/rolesite/internal/site"
)

// startSearch builds the search index before the pages render, so that a
// streaming build can let each page's text go once its page is out.
func startSearch(r *renderRun) {
	idx := r.c.searchIndex(r.s)
	for _, name := range slices.Sorted(maps.Keys(idx)) {
		r.search = append(r.search, madeFile{name, idx[name]})
	}
}

// searchRoom adds the search index, in place of the last one's files.
func searchRoom(r *renderRun) diag.List {
	for _, name := range r.c.searchNames {
		r.remake(name, searchOrigin)
	}
	r.c.searchNames = r.c.searchNames[:0]
	for _, m := range r.search {
		r.c.searchNames = append(r.c.searchNames, m.name)
	}
	return r.addMade(r.search, func(string) string { return searchOrigin })
}

// searchOrigin is the origin of the search index's files.
const searchOrigin = "the search index"

// searchIndex builds the search index files, reusing the sink's indexer
// (which keeps per-page work between builds when the sink keeps anything).
func (c *renderCache) searchIndex(s *site.Site) map[string][]byte {
	return c.out.indexer().Index(searchDocs(s, &c.bodies))
}

// searchDocs describes every page to the search index.
func searchDocs(s *site.Site, bodies *bodies) []search.Doc {
	var docs []search.Doc
	for _, p := range allPages(s) {
		d := search.Doc{Path: p.URL, Title: p.Title(), Summary: p.Summary()}
		bodies.text(p, &d)
		if p.Section != nil {
			d.Section, d.SectionTitle = p.Section.Name, p.Section.Title
		}
		for _, h := range p.Doc.Headings {
			d.Headings = append(d.Headings, h.Text)
		}
		docs = append(docs, d)
	}
	return docs
}
