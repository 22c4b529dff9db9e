package site

import (
	"slices"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
)

// Rebody returns the site Resolve would return were the pages of inputs
// given with the bodies they have now, and its problems, when prev is a
// site Resolve returned without problems. Each input is a page of prev,
// by its path, with the front matter it had (the same bytes) and the same
// heading IDs: nothing that another page reads of it has changed. ok is
// false when an input is no page of prev; the caller resolves anew.
//
// The site it returns shares every Page, Section and Group with prev,
// whose Bodies it copies before it replaces the inputs'. It resolves the
// inputs' body links against prev's pages, and reports what Resolve would
// report of them: with no problem in prev, no other page has any, and a
// page's heading IDs, which other pages' links are checked against, are
// what they were.
func Rebody(prev *Site, inputs []Input) (s *Site, problems diag.List, ok bool) {
	next := *prev
	next.bodies = slices.Clone(prev.bodies)
	r := &resolver{site: &next, byPath: prev.byPath, left: prev.left, linkPos: map[*Page][]content.Pos{}}
	pages := make([]*Page, len(inputs))
	for i, in := range inputs {
		p := prev.byPath[nfc(in.Page.Path)]
		if p == nil || p.Src.Path != in.Page.Path {
			return nil, nil, false
		}
		next.bodies[p.body] = Body{Src: in.Page, Doc: in.Doc, ImagePos: in.ImagePos, RefPos: in.RefPos}
		if in.LinkPos != nil {
			r.linkPos[p] = in.LinkPos
		}
		pages[i] = p
	}
	for _, p := range pages {
		r.links(p)
	}
	return &next, r.diags.Sorted(), true
}
