package markdown

import "strings"

// compact gives the headings and links a page keeps for as long as a
// build runs one allocation of text between them, and slices of their own
// length: the strings each was made with (a heading's text and id, a
// link's path and fragment) are two small objects an item, which the
// collector would otherwise trace, page after page, to the end of the
// build. The values are unchanged.
func compact(res *Result) {
	n := 0
	for _, h := range res.Headings {
		n += len(h.ID) + len(h.Text)
	}
	for _, l := range res.Links {
		n += len(l.Path) + len(l.Fragment)
	}
	if n == 0 {
		return
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range res.Headings {
		b.WriteString(h.ID)
		b.WriteString(h.Text)
	}
	for _, l := range res.Links {
		b.WriteString(l.Path)
		b.WriteString(l.Fragment)
	}
	all := b.String()
	take := func(s string) string {
		piece := all[:len(s)]
		all = all[len(s):]
		return piece
	}
	if res.Headings != nil {
		hs := make([]Heading, len(res.Headings))
		for i, h := range res.Headings {
			h.ID, h.Text = take(h.ID), take(h.Text)
			hs[i] = h
		}
		res.Headings = hs
	}
	if res.Links != nil {
		ls := make([]Link, len(res.Links))
		for i, l := range res.Links {
			l.Path, l.Fragment = take(l.Path), take(l.Fragment)
			ls[i] = l
		}
		res.Links = ls
	}
}
