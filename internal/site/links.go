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
	b := r.site.Body(p)
	if len(b.Doc.Links) == 0 {
		return
	}
	if links, ok := r.resolved[b.Src]; ok {
		b.Links = links
		return
	}
	b.Links = make([]string, len(b.Doc.Links))
	suggested := 0 // suggestions cost an edit distance to every ID: give a few
	hint := func(frag string, q *Page) string {
		if suggested++; suggested > 20 {
			return ""
		}
		return didYouMean(frag, r.ids(q))
	}
	positions := r.linkPos[p]
	// The URLs are written one after the other; ends[i] are b.Links[i]'s
	// bounds in them, equal for none.
	var urls strings.Builder
	ends := make([][2]int, len(b.Doc.Links))
	for i, l := range b.Doc.Links {
		var pos content.Pos
		if positions != nil {
			pos = positions[i]
		} else {
			pos = b.Src.BodyPos(l.Offset)
		}
		if l.Path == "" { // a fragment of this page
			if !r.hasID(p, l.Fragment) {
				r.report(b.Src, pos, "link to #%s: this page has no heading with that ID%s", l.Fragment, hint(l.Fragment, p))
			}
			continue
		}
		target, ok := r.linkTarget(p, l, pos)
		if !ok {
			continue
		}
		if l.Fragment != "" && !r.hasID(target, l.Fragment) {
			r.report(b.Src, pos, "link to %s#%s: %s has no heading with that ID%s", l.Path, l.Fragment, target.Src.Path, hint(l.Fragment, target))
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
			b.Links[i] = all[e[0]:e[1]]
		}
	}
}

func (r *resolver) linkTarget(p *Page, l markdown.Link, pos content.Pos) (*Page, bool) {
	src := r.site.Body(p).Src
	full := path.Join(path.Dir(src.Path), l.Path)
	if !strings.HasPrefix(full, "content/") {
		r.report(src, pos, "link to %s leaves the content folder: link to a page under content/", l.Path)
		return nil, false
	}
	full = nfc(full)
	if t := r.byPath[full]; t != nil {
		return t, true
	}
	if _, draft := r.left[full]; draft {
		r.report(src, pos, "link to %s: that page is a draft and is left out; remove the link, publish the page, or build with --drafts", l.Path)
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
	r.report(src, pos, "link to %s: no such page%s", l.Path, hint)
	return nil, false
}

// hasID reports whether page p has a heading with the ID. Links are
// resolved on several goroutines at once, so it makes nothing on p: a
// page with few headings is searched, and the set of a long page's IDs is
// the worker's own.
func (r *resolver) hasID(p *Page, id string) bool {
	headings := r.site.Body(p).Doc.Headings
	if len(headings) <= 32 || r.idSets == nil {
		return slices.ContainsFunc(headings, func(h markdown.Heading) bool { return h.ID == id })
	}
	set := r.idSets[p]
	if set == nil {
		set = make(map[string]bool, len(headings))
		for _, h := range headings {
			set[h.ID] = true
		}
		r.idSets[p] = set
	}
	return set[id]
}

func (r *resolver) ids(p *Page) []string {
	headings := r.site.Body(p).Doc.Headings
	out := make([]string, len(headings))
	for i, h := range headings {
		out[i] = h.ID
	}
	return out
}

// unchangedLinks returns the resolved body links of prev's pages whose
// file the site has unchanged (the very content.Page), by that file, when
// every link resolves now as it did then: under the same base path, with
// every page whose file changed having the heading IDs it had, a page's
// links are taken when none of them goes to a page prev had and the site
// has not. Prev having had no problem, each of its links went to a page and
// a heading it has (none to a draft or a missing file), and a path names
// the same page, at the same URL (made from the path), as long as it names
// one: so such a link goes to the same URL now. Pages added change no
// link: a link names its page by path. It returns nil otherwise, or
// without prev.
func (r *resolver) unchangedLinks(prev *Site) map[*content.Page][]string {
	if prev == nil || prev.BasePath != r.site.BasePath {
		return nil
	}
	var gone map[string]bool // the URLs of prev's pages whose path names none now
	for name, q := range prev.byPath {
		if r.byPath[name] == nil {
			if gone == nil {
				gone = map[string]bool{}
			}
			gone[prev.BasePath+q.URL] = true
		}
	}
	out := make(map[*content.Page][]string, len(r.byPath))
	for name, p := range r.byPath {
		q := prev.byPath[name]
		if q == nil {
			continue // added: its links resolve anew
		}
		now, then := r.site.Body(p), prev.Body(q)
		if now.Src != then.Src {
			if !markdown.SameIDs(now.Doc.Headings, then.Doc.Headings) {
				return nil
			}
			continue
		}
		if len(then.Links) > 0 && !linksInto(then.Links, gone) {
			out[now.Src] = then.Links
		}
	}
	return out
}

// linksInto reports whether one of the resolved links goes to a page of
// the URLs in pages, whatever its fragment.
func linksInto(links []string, pages map[string]bool) bool {
	if len(pages) == 0 {
		return false
	}
	for _, l := range links {
		if i := strings.IndexByte(l, '#'); i >= 0 {
			l = l[:i]
		}
		if pages[l] {
			return true
		}
	}
	return false
}
