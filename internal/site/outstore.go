package site

// An outStore holds one page's outgoing groups and their page lists,
// sized from the page's fields before they are resolved and carved from
// the worker's slabs: a build keeps every page's groups to its end, and a
// group and a list apiece were objects the collector traced at every
// cycle. A group it hands out never moves (it never grows a slice past
// its capacity); past what it counted it allocates as usual.
type outStore struct {
	groups []Group
	pages  []*Page
	outs   []*Group
}

// A relationField is a front matter field that a declaration makes a
// relation, with its value as decoded.
type relationField struct {
	field string
	value any
	decl  *Decl
}

// newOutStore counts the relation fields of a page, and their items, and
// takes room for them from sl.
func newOutStore(fields []relationField, sl *slabs) outStore {
	pages := 0
	for _, f := range fields {
		switch x := f.value.(type) {
		case []string:
			pages += len(x)
		case []any:
			pages += len(x)
		case map[string]any:
			pages += len(x)
		}
	}
	return sizedOutStore(len(fields), pages, sl)
}

// sizedOutStore takes room for a page's groups, and pages in all, from sl.
func sizedOutStore(groups, pages int, sl *slabs) outStore {
	return outStore{groups: sl.groups.take(groups), pages: sl.lists.take(pages), outs: sl.outs.take(groups)}
}

// group returns a place for g, its Pages empty with room for n pages.
func (s *outStore) group(g Group, n int) *Group {
	if len(s.pages)+n <= cap(s.pages) {
		at := len(s.pages)
		s.pages = s.pages[:at+n]
		g.Pages = s.pages[at : at : at+n]
	} else {
		g.Pages = make([]*Page, 0, n)
	}
	if len(s.groups) == cap(s.groups) {
		return &g
	}
	s.groups = append(s.groups, g)
	return &s.groups[len(s.groups)-1]
}

// add appends g to the page's outgoing groups, in the room counted.
func (s *outStore) add(p *Page, g *Group) {
	if p.Out == nil {
		p.Out = s.outs
	}
	p.Out = append(p.Out, g)
}
