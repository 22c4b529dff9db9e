package build

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rolesite/rolesite/internal/search"
	"github.com/rolesite/rolesite/internal/site"
)

// searchIndex builds the search index files, reusing the work of the last
// build for unchanged pages, and remembers their names.
//
// A streaming build could hand each page's passages file (most of the
// index's bytes: the page's text) to the sink as the index makes it, with
// search.IndexTo, instead of holding them all until the end; but the index
// then writes files until it is done, and it cannot see the build's
// context to stop when the build is cancelled (TestStreamingBuildStopsMidWay).
// That needs the context passed in here.
func (c *renderCache) searchIndex(s *site.Site) map[string][]byte {
	if c.indexer == nil {
		c.indexer = search.NewIndexer()
	}
	pages := allPages(s)
	idx := c.indexer.Index(len(pages), func(i int) search.Doc { return searchDoc(pages[i], &c.bodies) })
	c.searchNames = c.searchNames[:0]
	for name := range idx {
		c.searchNames = append(c.searchNames, name)
	}
	return idx
}

// searchDoc describes a page to the search index. The index asks for each
// page once, when it analyses it, and keeps nothing of its text: a
// streaming build unpacks the text then, and never holds every page's at
// once.
func searchDoc(p *site.Page, bodies *bodies) search.Doc {
	d := search.Doc{Path: p.URL, Title: p.Title(), Summary: p.Summary(), Text: bodies.text(p)}
	for _, a := range p.Aliases {
		// "roles/dl-engineer/index.html" names the page "dl engineer".
		name := path.Base(path.Dir(a))
		if name != "." && name != "/" {
			d.Aliases = append(d.Aliases, strings.ReplaceAll(name, "-", " "))
		}
	}
	if sec := p.Section; sec != nil {
		d.Section, d.SectionTitle = sec.Name, sec.Title
		if sec.Index != nil {
			// A section's _index.md may declare a field its results can
			// be filtered by: search_filter: category.
			if f, ok := sec.Index.Src.Params["search_filter"].(string); ok && f != "" {
				d.FilterLabel = label(f)
				d.Filter, _ = p.Src.Params[f].(string)
			}
		}
	}
	for _, h := range p.Doc.Headings {
		d.Headings = append(d.Headings, search.Heading{ID: h.ID, Text: h.Text})
	}
	return d
}

// label turns a front matter field name into a label: "tool_category" is
// "Tool category".
func label(field string) string {
	s := strings.ReplaceAll(field, "_", " ")
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
