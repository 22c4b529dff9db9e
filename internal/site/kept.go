package site

import (
	"slices"
	"strings"
)

// kept is what ResolveAfter takes from the last site for the relations of
// the pages whose file did not change: for each regular page of prev (by
// its place in prev.Pages) the page of the same path now, and for each of
// prev's sections the section of that name now.
type kept struct {
	prev     *Site
	pages    []*Page               // by the index of prev's page
	sections map[*Section]*Section // prev's -> now's
}

// keptRelations returns what a page whose file prev had can keep of its
// relations, or nil when none can. A page's outgoing relations are made
// from its front matter, its section's declarations and the table of
// slugs and drafts it names pages by. When the same drafts are left out,
// every section declares what it did and no page so far has a problem (a
// slug two files claim, say), a name resolves now to the page of the path
// it resolved to then, if that path still names a page: so a page whose
// file is the same, all of whose targets are still there, resolves to the
// pages of the same paths, and to no problem: prev had none. Pages added
// or removed elsewhere change nothing of it. Call it after the
// declarations are complete (see implied).
func (r *resolver) keptRelations(prev *Site) *kept {
	if prev == nil || len(r.diags) > 0 || len(prev.left) != len(r.left) || len(prev.Sections) != len(r.site.Sections) {
		return nil
	}
	for name := range prev.left {
		if _, ok := r.left[name]; !ok {
			return nil
		}
	}
	k := &kept{prev: prev, pages: make([]*Page, len(prev.Pages)), sections: make(map[*Section]*Section, len(prev.Sections))}
	for _, then := range prev.Sections {
		now := r.bySection[then.Name]
		if now == nil || !sameDecls(then, now) {
			return nil
		}
		k.sections[then] = now
	}
	present := 0
	for name, q := range prev.byPath {
		p := r.byPath[name]
		if p == nil {
			continue // gone: the pages that named it cannot keep (see of)
		}
		if p.Kind != q.Kind {
			return nil
		}
		if present++; q.Kind == KindPage {
			k.pages[q.index] = p
		}
	}
	if present < len(r.byPath) && r.shadowsDraft(prev) {
		return nil
	}
	return k
}

// shadowsDraft reports whether a page prev did not have takes the slug of
// a left-out draft of its section, in any case: a name that found the
// draft then (and was dropped) finds the page now.
func (r *resolver) shadowsDraft(prev *Site) bool {
	if len(r.left) == 0 {
		return false
	}
	drafts := map[string]bool{}
	for _, d := range r.left {
		drafts[d.Section+"/"+strings.ToLower(nfc(d.Slug))] = true
	}
	for name, p := range r.byPath {
		if _, ok := prev.byPath[name]; !ok && drafts[p.Src.Section+"/"+strings.ToLower(nfc(p.Src.Slug))] {
			return true
		}
	}
	return false
}

// sameDecls reports whether a section declares now what it did then,
// read from the same _index.md: its relations (implied ones too), which
// fields it checks and how.
func sameDecls(then, now *Section) bool {
	if (then.Index == nil) != (now.Index == nil) || then.Index != nil && then.Index.Src != now.Index.Src {
		return false
	}
	return slices.EqualFunc(then.Relations, now.Relations, func(a, b *Decl) bool {
		return a.Field == b.Field && a.Target.Name == b.Target.Name && a.Label == b.Label &&
			a.Inverse == b.Inverse && slices.Equal(a.Scale, b.Scale) && a.Min == b.Min && a.Max == b.Max
	})
}

// of returns the page of prev whose relations p keeps: the page of the
// same path, when it was made from the same file and every page it named
// is still there. Nil when there is none.
func (k *kept) of(p *Page) *Page {
	if k == nil || p.Kind != KindPage {
		return nil
	}
	q := k.prev.byPath[nfc(p.Src.Path)]
	if q == nil || q.Src != p.Src {
		return nil
	}
	for _, g := range q.Out {
		for _, t := range g.Pages {
			if k.pages[t.index] == nil {
				return nil
			}
		}
	}
	return q
}

// keep gives p the outgoing relations of q, prev's page of the same file,
// naming the pages and sections of now: the same groups in the same order,
// but for groups with qualifiers, which are ordered by title: one that
// names a page whose file changed is sorted again.
func (r *resolver) keep(k *kept, p, q *Page) {
	n := 0
	for _, g := range q.Out {
		n += len(g.Pages)
	}
	store := sizedOutStore(len(q.Out), n, &r.slabs)
	for _, g := range q.Out {
		d := r.decl(p.Section, g.Field)
		ng := store.group(Group{Field: g.Field, Label: d.panelLabel(), Section: d.Target, Scale: d.Scale, Quals: g.Quals}, len(g.Pages))
		moved := false // a page whose file changed, and so perhaps its title
		for _, t := range g.Pages {
			now := k.pages[t.index]
			ng.Pages = append(ng.Pages, now)
			moved = moved || now.Src != t.Src
		}
		if moved {
			ng.sortQualified()
		}
		store.add(p, ng)
	}
}
