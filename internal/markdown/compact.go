package markdown

import "strings"

// compact gives the headings and links a page keeps for as long as a
// build runs one allocation of text between them, and slices of their own
// length: the strings each was made with (a heading's text and id, a
// link's path and fragment) are two small objects an item, which the
// collector would otherwise trace, page after page, to the end of the
// build. The values are unchanged.
func compact(res *Result) {
	headings := func(h *Heading) [2]*string { return [2]*string{&h.ID, &h.Text} }
	links := func(l *Link) [2]*string { return [2]*string{&l.Path, &l.Fragment} }
	n := 0
	count := func(s *string) { n += len(*s) }
	visit(res.Headings, headings, count)
	visit(res.Links, links, count)
	if n == 0 {
		return
	}
	var b strings.Builder
	b.Grow(n)
	write := func(s *string) { b.WriteString(*s) }
	visit(res.Headings, headings, write)
	visit(res.Links, links, write)
	all := b.String()
	take := func(s *string) { *s, all = all[:len(*s)], all[len(*s):] }
	res.Headings = visit(clone(res.Headings), headings, take)
	res.Links = visit(clone(res.Links), links, take)
}

// visit calls f with each string of each item, as strs names them, and
// returns the items.
func visit[T any](items []T, strs func(*T) [2]*string, f func(*string)) []T {
	for i := range items {
		for _, s := range strs(&items[i]) {
			f(s)
		}
	}
	return items
}

// clone copies items into a slice of their own length; nil stays nil.
func clone[T any](items []T) []T {
	if items == nil {
		return nil
	}
	return append(make([]T, 0, len(items)), items...)
}
