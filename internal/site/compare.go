package site

import (
	"cmp"
	"slices"

	"github.com/rolesite/rolesite/internal/content"
)

// compareNeighbours is how many of its closest neighbours (the pages
// sharing the most relation targets with it) a page gets a comparison page
// with, besides its career moves.
const compareNeighbours = 1

// ComparePartners returns the pages p has a pre-rendered comparison page
// with: first the targets of p's qualified relations within its section (a
// career move, say), then up to compareNeighbours closest neighbours. The
// count is at most p's qualified edges plus a constant, so a section's
// comparison pages grow with its size, not with the number of pairs; any
// other pair is compared on the section's comparison page. Empty unless
// the section declares compare: true.
func (s *Site) ComparePartners(p *Page) []*Page {
	sec := p.Section
	if sec == nil || !sec.Compare || p.Kind != KindPage {
		return nil
	}
	var out []*Page
	for _, g := range p.Out {
		if g.Section != sec || g.Quals == nil {
			continue
		}
		for _, q := range g.Pages {
			if q != p && !slices.Contains(out, q) {
				out = append(out, q)
			}
		}
	}
	limit := len(out) + compareNeighbours
	for _, r := range neighbours(p, limit) {
		if len(out) == limit {
			break
		}
		if !slices.Contains(out, r.Page) {
			out = append(out, r.Page)
		}
	}
	return out
}

// A Comparison sets two pages side by side.
type Comparison struct {
	A, B *Page
	// Gap lists, for each relation with a scale, the targets B has at a
	// higher level than A (or A has not at all): what someone moving from
	// A to B would have to learn. It comes first on the page.
	Gap  []CompareRow
	Rows []CompareRow
}

// A CompareRow compares one field: relation targets or a list of strings.
type CompareRow struct {
	Field  string
	Label  string
	Shared []Item
	OnlyA  []Item
	OnlyB  []Item
}

// An Item is one value in a comparison: a page, or plain text, with the
// qualifier each side gives it ("" for none).
type Item struct {
	Page         *Page  // nil for plain values
	Text         string // the page's title, or the value
	QualA, QualB string
}

// A ProfileField is one field of a page as comparisons see it: a
// relation's targets, or a list of strings.
type ProfileField struct {
	Field string
	Label string
	// Decl is the relation's place among its section's declarations, or
	// -1 for a list of strings; comparisons show relations in that order.
	Decl  int
	Scale []string // the relation's levels, lowest first; nil without
	Items []Item   // in the page's order, its qualifiers in QualA
}

// Profile is everything p contributes to a comparison, field by field:
// each non-empty relation in declaration order, then each non-empty list
// of strings in the order of the file. Comparing two profiles gives
// Compare's result, which is how the section's comparison page can compare
// any two pages in the browser without a page for every pair.
func (s *Site) Profile(p *Page) []ProfileField {
	var out []ProfileField
	isRelation := map[string]bool{}
	for i, d := range p.Section.Relations {
		isRelation[d.Field] = true
		if items := targets(p, d.Field); len(items) > 0 {
			out = append(out, ProfileField{Field: d.Field, Label: d.panelLabel(), Decl: i, Scale: d.Scale, Items: items})
		}
	}
	for _, f := range p.Src.Order(sortedKeys(p.Src.Params)) {
		if isRelation[f] || reserved[f] {
			continue
		}
		vals, bad := content.Strings(p.Src.Params[f])
		if bad != "" || len(vals) == 0 {
			continue
		}
		items := make([]Item, len(vals))
		for i, v := range vals {
			items[i] = Item{Text: v}
		}
		out = append(out, ProfileField{Field: f, Label: humanize(f), Decl: -1, Items: items})
	}
	return out
}

// Compare compares a and b field by field: each relation either has, in
// declaration order, then each list of strings, a's before b's.
func (s *Site) Compare(a, b *Page) Comparison {
	c := Comparison{A: a, B: b}
	pa, pb := s.Profile(a), s.Profile(b)
	fields := slices.Concat(pa, pb)
	// Stable: relations by declaration, lists after them in a's order, then b's.
	slices.SortStableFunc(fields, func(x, y ProfileField) int {
		return cmp.Compare(uint(x.Decl), uint(y.Decl))
	})
	for i, f := range fields {
		if slices.ContainsFunc(fields[:i], func(g ProfileField) bool { return g.Field == f.Field }) {
			continue
		}
		row := split(itemsOf(pa, f.Field), itemsOf(pb, f.Field))
		row.Field, row.Label = f.Field, f.Label
		c.Rows = append(c.Rows, row)
		if gap := gap(f.Scale, row); len(gap.OnlyB) > 0 {
			c.Gap = append(c.Gap, gap)
		}
	}
	return c
}

// itemsOf is the items of a profile's field, nil when it has none.
func itemsOf(pf []ProfileField, field string) []Item {
	for _, f := range pf {
		if f.Field == field {
			return f.Items
		}
	}
	return nil
}

// targets lists the targets of p's relation field, with p's qualifiers.
func targets(p *Page, field string) []Item {
	for _, g := range p.Out {
		if g.Field == field {
			items := make([]Item, len(g.Pages))
			for i, q := range g.Pages {
				items[i] = Item{Page: q, Text: q.Title(), QualA: g.Qual(i)}
			}
			return items
		}
	}
	return nil
}

// gap is the part of a compared relation with a scale that B has higher
// than A, highest first, in OnlyB; empty without a scale.
func gap(scale []string, row CompareRow) CompareRow {
	g := CompareRow{Field: row.Field, Label: row.Label}
	if len(scale) == 0 {
		return g
	}
	rank := func(q string) int { return slices.Index(scale, q) }
	for _, it := range slices.Concat(row.Shared, row.OnlyB) {
		// A shares a target it gives no level: nothing to compare.
		shared := slices.ContainsFunc(row.Shared, func(x Item) bool { return x.Page == it.Page && x.Text == it.Text })
		if shared && it.QualA == "" {
			continue
		}
		if rank(it.QualB) > rank(it.QualA) {
			g.OnlyB = append(g.OnlyB, it)
		}
	}
	slices.SortStableFunc(g.OnlyB, func(x, y Item) int {
		return cmp.Or(-cmp.Compare(rank(x.QualB), rank(y.QualB)), -cmp.Compare(rank(x.QualB)-rank(x.QualA), rank(y.QualB)-rank(y.QualA)))
	})
	return g
}

// split sorts two lists into shared items (in a's order) and each side's
// own. Items of both lists carry their side's qualifier in QualA; the
// result puts b's in QualB.
func split(a, b []Item) CompareRow {
	key := func(it Item) any {
		if it.Page != nil {
			return it.Page
		}
		return it.Text
	}
	inB := map[any]string{}
	for _, it := range b {
		inB[key(it)] = it.QualA
	}
	inA := map[any]bool{}
	var row CompareRow
	for _, it := range a {
		inA[key(it)] = true
		if q, ok := inB[key(it)]; ok {
			it.QualB = q
			row.Shared = append(row.Shared, it)
		} else {
			row.OnlyA = append(row.OnlyA, it)
		}
	}
	for _, it := range b {
		if !inA[key(it)] {
			it.QualA, it.QualB = "", it.QualA
			row.OnlyB = append(row.OnlyB, it)
		}
	}
	return row
}
