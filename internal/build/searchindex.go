package build

import (
	"github.com/rolesite/rolesite/internal/search"
	"github.com/rolesite/rolesite/internal/site"
)

// searchIndex builds the search index files, reusing the work of the last
// build for unchanged pages, and remembers their names.
func (c *renderCache) searchIndex(s *site.Site) map[string][]byte {
	if c.indexer == nil {
		c.indexer = search.NewIndexer()
	}
	idx := c.indexer.Index(searchDocs(s, &c.bodies))
	c.searchNames = c.searchNames[:0]
	for name := range idx {
		c.searchNames = append(c.searchNames, name)
	}
	return idx
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
