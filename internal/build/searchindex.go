package build

import (
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/search"
	"github.com/rolesite/rolesite/internal/site"
)

// startSearch builds the search index before the pages render, so that a
// streaming build can let each page's text go once its page is out. A
// sink that streams takes each page's passages file as the index makes
// it (see sink.index), until the build is stopped.
func startSearch(r *renderRun) {
	pages := allPages(r.s)
	put := func(name string, data []byte) {
		if r.ctx.Err() == nil {
			r.c.out.put(name, data)
		}
	}
	r.search = r.c.out.index(len(pages), func(i int) search.Doc { return searchDoc(r.s, pages[i], &r.c.bodies) }, put)
}

// searchRoom adds the search index, in place of the last one's files. A
// build that started from the last one's files keeps each file the index
// gave again as it was (the same bytes: an Indexer returns the very
// slice of a file that does not change), and makes only the others.
func searchRoom(r *renderRun) diag.List {
	for _, name := range r.c.searchNames {
		if _, still := r.search[name]; !still {
			r.remake(name, searchOrigin)
		}
	}
	r.c.searchNames = slices.AppendSeq(r.c.searchNames[:0], maps.Keys(r.search))
	var made []madeFile
	for name, data := range r.search {
		if old, ok := r.files.Get(name); ok && r.files.Origin(name) == searchOrigin && sameSlice(old, data) {
			continue
		}
		r.remake(name, searchOrigin)
		made = append(made, madeFile{name, data})
	}
	slices.SortFunc(made, func(a, b madeFile) int { return strings.Compare(a.name, b.name) })
	return r.addMade(made, func(string) string { return searchOrigin })
}

// sameSlice reports whether a and b are the same bytes in memory.
func sameSlice(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// searchOrigin is the origin of the search index's files.
const searchOrigin = "the search index"

// searchDoc describes a page to the search index. The index asks for each
// page once, when it analyses it, and keeps nothing of its text: a
// streaming build unpacks the text then, and never holds every page's at
// once.
func searchDoc(s *site.Site, p *site.Page, bodies *bodies) search.Doc {
	d := search.Doc{Path: p.URL, Title: p.Title(), Summary: p.Summary(), Text: bodies.text(p), TextKey: bodies.gen(p.Src.Path)}
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
	for _, h := range s.Body(p).Doc.Headings {
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
