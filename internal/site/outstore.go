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

// newOutStore counts the fields of p that decl declares, and their items,
// and takes room for them from sl.
func newOutStore(p *Page, decl func(field string) *Decl, sl *slabs) outStore {
	var groups, pages int
	for field, v := range p.Src.Params {
		if decl(field) == nil {
			continue
		}
		groups++
		switch x := v.(type) {
		case []string:
			pages += len(x)
		case []any:
			pages += len(x)
		case map[string]any:
			pages += len(x)
		}
	}
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
