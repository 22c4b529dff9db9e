package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
)

// A relation's value in front matter is a list of slugs, or a mapping from
// slug to a qualifier: a value of the declaration's scale (a level), or,
// without a scale, free text shown beside the link.
//
//	skills: [statistics, sql]                         # plain
//	skills: {statistics: expert, sql: working}        # qualified, scale declared
//	moves_to: {data-scientist: "learn statistics"}     # qualified, free text

// relationValue reads a relation's value: its slugs and, for a mapping,
// each slug's qualifier (mapping keys in the order they are written).
// bad describes a value of any other shape; badQuals each slug whose
// qualifier is not text, if that is what is wrong (then it gives no
// slugs).
func relationValue(src *content.Page, field string, v any) (slugs, quals []string, badQuals []badQual, bad string) {
	m, isMap := v.(map[string]any)
	if !isMap {
		slugs, bad = content.Strings(v)
		return slugs, nil, nil, bad
	}
	slugs = orderAsWritten(src, field, sortedKeys(m))
	quals = make([]string, len(slugs))
	for i, slug := range slugs {
		switch q := m[slug].(type) {
		case string:
			quals[i] = strings.TrimSpace(q)
		case nil:
			quals[i] = ""
		default:
			badQuals = append(badQuals, badQual{slug, fmt.Sprintf("the qualifier of %s is %s", slug, content.Describe(q))})
		}
	}
	if badQuals != nil {
		return nil, nil, badQuals, ""
	}
	for i := range slugs {
		slugs[i] = strings.TrimSpace(slugs[i])
	}
	return slugs, quals, nil, ""
}

// A badQual is a slug of a qualified relation whose qualifier is not text.
type badQual struct{ slug, msg string }

// orderAsWritten sorts a mapping's keys by where they stand in the field's
// text, so that problems come in the order of the file; keys not found
// keep their (sorted) order at the end.
func orderAsWritten(src *content.Page, field string, keys []string) []string {
	pos := make(map[string]content.Pos, len(keys))
	for i, at := range src.KeyItemPos(field, keys) {
		pos[keys[i]] = at
	}
	slices.SortStableFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(pos[a].Line, pos[b].Line), cmp.Compare(pos[a].Col, pos[b].Col))
	})
	return keys
}

// qualifier checks the qualifier q of slug in a relation declared by d,
// reporting a problem at it and returning false when it is not one d
// allows: with a scale, one of its values; without, any text but none.
func (r *resolver) qualifier(src *content.Page, d *Decl, field, slug, q string) bool {
	at := func() content.Pos { return src.ItemPos(field, []string{slug, q})[1] }
	if q == "" {
		if len(d.Scale) > 0 {
			r.report(src, src.ValuePos(field, slug), "%s: %s has no level: write one of %s", field, slug, strings.Join(d.Scale, ", "))
		} else {
			r.report(src, src.ValuePos(field, slug), "%s: %s has no qualifier: write what qualifies the link (%s: \"...\"), or list the slugs as [%s, ...]", field, slug, slug, slug)
		}
		return false
	}
	if len(d.Scale) > 0 && !slices.Contains(d.Scale, q) {
		hint := didYouMean(strings.ToLower(q), d.Scale)
		if hint == "" {
			hint = " (use one of " + strings.Join(d.Scale, ", ") + ")"
		}
		r.report(src, at(), "%s: %s: %q is not a level of the scale declared for %s in content/%s/_index.md%s", field, slug, q, field, src.Section, hint)
		return false
	}
	return true
}

// Rank is the position of q on the declaration's scale, from 0 (lowest),
// or -1 when q is not on it.
func (d *Decl) Rank(q string) int { return slices.Index(d.Scale, q) }

// Qual is the qualifier of the group's i-th page, "" when it has none.
func (g *Group) Qual(i int) string {
	if g.Quals == nil {
		return ""
	}
	return g.Quals[i]
}

// Rank is the position of the group's i-th page's qualifier on the scale,
// from 0 (lowest), or -1 when it has none or the relation has no scale.
func (g *Group) Rank(i int) int { return slices.Index(g.Scale, g.Qual(i)) }

// sortQualified orders a group that carries qualifiers: by the scale,
// highest first, then by title; without a scale, by title. A group with no
// qualifier keeps its order (as written, or the site's).
func (g *Group) sortQualified() {
	if g.Quals == nil {
		return
	}
	idx := make([]int, len(g.Pages))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(-cmp.Compare(g.Rank(a), g.Rank(b)),
			strings.Compare(strings.ToLower(g.Pages[a].Title()), strings.ToLower(g.Pages[b].Title())),
			strings.Compare(g.Pages[a].URL, g.Pages[b].URL))
	})
	pages, quals := make([]*Page, len(idx)), make([]string, len(idx))
	for i, j := range idx {
		pages[i], quals[i] = g.Pages[j], g.Quals[j]
	}
	g.Pages, g.Quals = pages, quals
}

// readScale reads a declaration's scale: a list of distinct values, lowest
// first.
func readScale(v any) ([]string, string) {
	list, bad := content.Strings(v)
	switch {
	case bad != "":
		return nil, "must be a list of levels, lowest first, such as [awareness, working, expert], not " + content.Describe(v)
	case len(list) < 2:
		return nil, "needs at least two levels, lowest first"
	}
	for i, s := range list {
		if s == "" {
			return nil, "has an empty level"
		}
		if slices.Contains(list[:i], s) {
			return nil, fmt.Sprintf("lists %s twice", s)
		}
	}
	return list, ""
}
