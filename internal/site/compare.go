package site

import (
	"cmp"
	"slices"

	"github.com/rolesite/rolesite/internal/content"
)

// allPairsLimit: a section with at most this many pages gets a comparison
// page for every pair; a larger one only for pairs that relate to each other.
const allPairsLimit = 40

// ComparePartners returns the pages p has a comparison page with, in section
// order: every other page of a small section, else the pages p relates to or
// that relate to p within the section. Empty unless the section declares
// compare: true.
func (s *Site) ComparePartners(p *Page) []*Page {
	sec := p.Section
	if sec == nil || !sec.Compare || p.Kind != KindPage {
		return nil
	}
	if len(sec.Pages) <= allPairsLimit {
		out := make([]*Page, 0, len(sec.Pages)-1)
		for _, q := range sec.Pages {
			if q != p {
				out = append(out, q)
			}
		}
		return out
	}
	seen := map[*Page]bool{p: true}
	var out []*Page
	for _, gs := range [][]*Group{p.Out, p.In} {
		for _, g := range gs {
			if g.Section != sec {
				continue
			}
			for _, q := range g.Pages {
				if !seen[q] {
					seen[q] = true
					out = append(out, q)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b *Page) int { return a.order - b.order })
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

// Compare compares a and b field by field: each relation of their section
// in declaration order, then each list-of-strings field they have.
func (s *Site) Compare(a, b *Page) Comparison {
	c := Comparison{A: a, B: b}
	for _, d := range a.Section.Relations {
		ia, ib := targets(a, d.Field), targets(b, d.Field)
		if len(ia)+len(ib) == 0 {
			continue
		}
		row := split(ia, ib)
		row.Field, row.Label = d.Field, cmp.Or(d.Label, humanize(d.Field))
		c.Rows = append(c.Rows, row)
		if gap := gap(d, row); len(gap.OnlyB) > 0 {
			c.Gap = append(c.Gap, gap)
		}
	}
	isRelation := map[string]bool{}
	for _, d := range a.Section.Relations {
		isRelation[d.Field] = true
	}
	var fields []string
	for _, p := range []*Page{a, b} {
		for _, f := range p.Src.Order(sortedKeys(p.Src.Params)) {
			if !isRelation[f] && !reserved[f] && !slices.Contains(fields, f) {
				if _, bad := content.Strings(p.Src.Params[f]); bad == "" {
					fields = append(fields, f)
				}
			}
		}
	}
	for _, f := range fields {
		list := func(p *Page) []Item {
			vals, _ := content.Strings(p.Src.Params[f])
			items := make([]Item, len(vals))
			for i, v := range vals {
				items[i] = Item{Text: v}
			}
			return items
		}
		row := split(list(a), list(b))
		row.Field, row.Label = f, humanize(f)
		c.Rows = append(c.Rows, row)
	}
	return c
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
// than A, highest first, in OnlyB; nil without a scale.
func gap(d *Decl, row CompareRow) CompareRow {
	g := CompareRow{Field: row.Field, Label: row.Label}
	if len(d.Scale) == 0 {
		return g
	}
	for _, it := range slices.Concat(row.Shared, row.OnlyB) {
		// A shares a target it gives no level: nothing to compare.
		shared := slices.ContainsFunc(row.Shared, func(x Item) bool { return x.Page == it.Page && x.Text == it.Text })
		if shared && it.QualA == "" {
			continue
		}
		if d.Rank(it.QualB) > d.Rank(it.QualA) {
			g.OnlyB = append(g.OnlyB, it)
		}
	}
	slices.SortStableFunc(g.OnlyB, func(x, y Item) int {
		return cmp.Or(-cmp.Compare(d.Rank(x.QualB), d.Rank(y.QualB)), -cmp.Compare(d.Rank(x.QualB)-d.Rank(x.QualA), d.Rank(y.QualB)-d.Rank(y.QualA)))
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
