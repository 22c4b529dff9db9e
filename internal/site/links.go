package site

import (
	"path"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/markdown"
)

// links resolves and checks every body link of a page. The page's link
// URLs are pieces of one string: a build keeps them all to the end, and
// at 50,000 pages one string a link is ~100,000 objects for the collector
// to trace at every collection.
func (r *resolver) links(p *Page) {
	if len(p.Doc.Links) == 0 {
		return
	}
	p.Links = make([]string, len(p.Doc.Links))
	suggested := 0 // suggestions cost an edit distance to every ID: give a few
	hint := func(frag string, q *Page) string {
		if suggested++; suggested > 20 {
			return ""
		}
		return didYouMean(frag, ids(q))
	}
	positions := r.linkPos[p]
	// The URLs are written one after the other; ends[i] are p.Links[i]'s
	// bounds in them, equal for none.
	var urls strings.Builder
	ends := make([][2]int, len(p.Doc.Links))
	for i, l := range p.Doc.Links {
		var pos content.Pos
		if positions != nil {
			pos = positions[i]
		} else {
			pos = p.Src.BodyPos(l.Offset)
		}
		if l.Path == "" { // a fragment of this page
			if !r.hasID(p, l.Fragment) {
				r.report(p.Src, pos, "link to #%s: this page has no heading with that ID%s", l.Fragment, hint(l.Fragment, p))
			}
			continue
		}
		target, ok := r.linkTarget(p, l, pos)
		if !ok {
			continue
		}
		if l.Fragment != "" && !r.hasID(target, l.Fragment) {
			r.report(p.Src, pos, "link to %s#%s: %s has no heading with that ID%s", l.Path, l.Fragment, target.Src.Path, hint(l.Fragment, target))
			continue
		}
		start := urls.Len()
		urls.WriteString(r.site.BasePath)
		urls.WriteString(target.URL)
		if l.Fragment != "" {
			urls.WriteString("#")
			urls.WriteString(l.Fragment)
		}
		ends[i] = [2]int{start, urls.Len()}
	}
	all := urls.String()
	for i, e := range ends {
		if e[1] > e[0] {
			p.Links[i] = all[e[0]:e[1]]
		}
	}
}

func (r *resolver) linkTarget(p *Page, l markdown.Link, pos content.Pos) (*Page, bool) {
	full := path.Join(path.Dir(p.Src.Path), l.Path)
	if !strings.HasPrefix(full, "content/") {
		r.report(p.Src, pos, "link to %s leaves the content folder: link to a page under content/", l.Path)
		return nil, false
	}
	full = nfc(full)
	if t := r.byPath[full]; t != nil {
		return t, true
	}
	if _, draft := r.left[full]; draft {
		r.report(p.Src, pos, "link to %s: that page is a draft and is left out; remove the link, publish the page, or build with --drafts", l.Path)
		return nil, false
	}
	// Suggest the nearest existing file in the folder the link points into.
	dir, base := path.Split(full)
	var names []string
	for k := range r.byPath {
		if d, b := path.Split(k); d == dir {
			names = append(names, b)
		}
	}
	hint := ""
	if near := nearestSorted(base, names); near != "" {
		hint = " (did you mean " + path.Join(path.Dir(l.Path), near) + "?)"
	}
	r.report(p.Src, pos, "link to %s: no such page%s", l.Path, hint)
	return nil, false
}

// hasID reports whether page p has a heading with the ID. Links are
// resolved on several goroutines at once, so it makes nothing on p: a
// page with few headings is searched, and the set of a long page's IDs is
// the worker's own.
func (r *resolver) hasID(p *Page, id string) bool {
	if len(p.Doc.Headings) <= 32 || r.idSets == nil {
		return slices.ContainsFunc(p.Doc.Headings, func(h markdown.Heading) bool { return h.ID == id })
	}
	set := r.idSets[p]
	if set == nil {
		set = make(map[string]bool, len(p.Doc.Headings))
		for _, h := range p.Doc.Headings {
			set[h.ID] = true
		}
		r.idSets[p] = set
	}
	return set[id]
}

func ids(p *Page) []string {
	out := make([]string, len(p.Doc.Headings))
	for i, h := range p.Doc.Headings {
		out[i] = h.ID
	}
	return out
}
