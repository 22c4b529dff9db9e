package site

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
)

// reserved are the front matter fields with a meaning of their own; they are
// never relations.
var reserved = map[string]bool{
	"title": true, "summary": true, "description": true, "draft": true, "weight": true, "order": true,
	"aliases": true, "updated": true, "relations": true, "base_url": true, "unsafe_html": true,
	"lifecycle": true, "matrices": true, "related": true, "compare": true, "fields": true,
	"edit_url": true,
}

// declarations reads the relations field of a section's _index.md.
func (r *resolver) declarations(sec *Section) {
	if sec.Index == nil {
		return
	}
	src := sec.Index.Src
	raw, ok := src.Params["relations"]
	if !ok {
		return
	}
	m, ok := raw.(map[string]any)
	if !ok {
		r.report(src, src.KeyPos("relations"), "relations must be a mapping from field to section, such as {collaborates_with: roles}, not %s", content.Describe(raw))
		return
	}
	fields := slices.Sorted(maps.Keys(m))
	positions := src.KeyItemPos("relations", fields)
	order := make(map[string]content.Pos, len(fields))
	for i, f := range fields {
		order[f] = positions[i]
	}
	slices.SortStableFunc(fields, func(a, b string) int {
		return cmp.Or(cmp.Compare(order[a].Line, order[b].Line), cmp.Compare(order[a].Col, order[b].Col))
	})
	for _, field := range fields {
		pos := order[field]
		d := &Decl{Field: field}
		target := field
		switch v := m[field].(type) {
		case string:
			target = v
		case map[string]any:
			target = cmp.Or(r.declOptions(src, pos, d, v), target)
		default:
			r.report(src, pos, "relations: %s must name a section, such as %s: roles, or be a mapping with section, label and inverse", field, field)
			sec.markBroken(field)
			continue
		}
		if reserved[field] {
			r.report(src, pos, "relations: %s is a reserved field and cannot be a relation; choose another name", field)
			continue
		}
		d.Target = r.bySection[target]
		if d.Target == nil {
			r.report(src, src.ValuePos("relations", target), "relations: %s names section %q, which does not exist%s", field, target, didYouMean(target, r.sectionNames()))
			sec.markBroken(field)
			continue
		}
		sec.addDecl(d)
	}
}

func (r *resolver) sectionNames() []string {
	names := make([]string, len(r.site.Sections))
	for i, s := range r.site.Sections {
		names[i] = s.Name
	}
	return names
}

func didYouMean(word string, candidates []string) string {
	if s := diag.Nearest(word, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %s?)", s)
	}
	return ""
}

// Reserved reports whether a front matter field has a meaning of its own.
func Reserved(field string) bool { return reserved[field] }

// declOptions reads the mapping form of a relation's declaration into d,
// returning the target section it names ("" for none).
func (r *resolver) declOptions(src *content.Page, pos content.Pos, d *Decl, v map[string]any) string {
	var target string
	for _, k := range sortedKeys(v) {
		val := v[k]
		if k == "min" || k == "max" {
			n, bad := bound(val)
			if bad != "" {
				r.report(src, src.ItemPos("relations", []string{d.Field, k})[1], "relations: %s: %s %s", d.Field, k, bad)
				continue
			}
			if k == "min" {
				d.Min = n
			} else {
				d.Max = n
			}
			continue
		}
		if k == "scale" {
			scale, bad := readScale(val)
			if bad != "" {
				r.report(src, src.ItemPos("relations", []string{d.Field, "scale"})[1], "relations: %s: scale %s", d.Field, bad)
				continue
			}
			d.Scale = scale
			continue
		}
		s, isString := val.(string)
		switch {
		case k != "section" && k != "label" && k != "inverse":
			r.report(src, src.ItemPos("relations", []string{d.Field, k})[1], "relations: %s: unknown key %q: use section, label, inverse, scale, min and max", d.Field, k)
		case !isString:
			r.report(src, pos, "relations: %s: %s must be a string, not %s", d.Field, k, content.Describe(val))
		case k == "section":
			target = s
		case k == "label":
			d.Label = s
		case k == "inverse":
			d.Inverse = s
		}
	}
	if d.Max > 0 && d.Min > d.Max {
		r.report(src, src.ItemPos("relations", []string{d.Field, "min"})[1], "relations: %s: min %d is more than max %d", d.Field, d.Min, d.Max)
		d.Min, d.Max = 0, 0
	}
	return target
}

// decl returns the declaration of a field of a section's pages, declared or
// implied by a section of that name (see implied), or nil.
func (r *resolver) decl(sec *Section, field string) *Decl {
	return sec.decls[field]
}

// markBroken records that the declaration of field is wrong (see broken).
func (sec *Section) markBroken(field string) {
	if sec.broken == nil {
		sec.broken = map[string]bool{}
	}
	sec.broken[field] = true
}

// addDecl records a declaration of sec.
func (sec *Section) addDecl(d *Decl) {
	if sec.decls == nil {
		sec.decls = map[string]*Decl{}
	}
	d.index = len(sec.Relations)
	d.heading = d.panelLabel()
	sec.Relations = append(sec.Relations, d)
	sec.decls[d.Field] = d
}

// implied adds, after a section's declared relations, one for every field
// its pages use that is named like a section, in section order. It looks
// each section's name up in the pages, stopping at the first that has it,
// rather than gathering every field of every page.
func (r *resolver) implied(sec *Section) {
	for _, t := range r.site.Sections {
		if reserved[t.Name] || sec.decls[t.Name] != nil {
			continue
		}
		if slices.ContainsFunc(sec.Pages, func(p *Page) bool { _, ok := p.Src.Params[t.Name]; return ok }) {
			sec.addDecl(&Decl{Field: t.Name, Target: t})
		}
	}
}

// A slugged page is a page by its slug, lower-cased; lower says its slug
// is so already, so that a relation naming it by that key names it
// exactly without a look at the page (at 10,000 pages a fifth of what
// resolving relations cost was that look).
type slugged struct {
	page  *Page
	lower bool
}

// relations resolves the outgoing relations of one page. Positions are
// looked up only to report a problem.
func (r *resolver) relations(p *Page) {
	src := p.Src
	var room [8]relationField
	fields := room[:0]
	for field, v := range src.Params {
		if d := r.decl(p.Section, field); d != nil {
			fields = append(fields, relationField{field, v, d})
		} else if list, bad := content.Strings(v); bad == "" && len(list) > 0 && !reserved[field] && !p.Section.broken[field] {
			if near := r.nearSection(field); near != "" {
				r.report(src, src.KeyPos(field), "%s: no section named %s (did you mean %s?); if it is not a relation, rename the field", field, field, near)
			}
		}
	}
	store := newOutStore(fields, &r.slabs)
	for _, f := range fields {
		field, v, d := f.field, f.value, f.decl
		slugs, quals, badQuals, bad := relationValue(src, field, v)
		if badQuals != nil {
			r.reportQuals(src, field, d, badQuals)
			continue
		} else if bad != "" {
			var mapping string
			if len(d.Scale) > 0 {
				mapping = ", or a mapping from slug to " + qualifierKind(d)
			}
			r.report(src, src.KeyPos(field), "%s must be a list of slugs of pages in %s, such as [%s]%s, not %s",
				field, d.Target.Name, exampleSlug(d.Target, v), mapping, content.Describe(v))
			continue
		}
		g := store.group(Group{Field: field, Label: d.panelLabel(), Section: d.Target, Scale: d.Scale}, len(slugs))
		var positions []content.Pos
		at := func(i int) content.Pos {
			if positions == nil && quals != nil {
				positions = src.KeyItemPos(field, slugs)
			} else if positions == nil {
				positions = src.ItemPos(field, slugs)
			}
			return positions[i]
		}
		targets := r.slugs[d.Target.Name]
		for i, slug := range slugs {
			found, ok := targets[slug]
			exact := ok && found.lower
			if !ok {
				found = targets[strings.ToLower(nfc(slug))]
			}
			target := found.page
			if target != nil && slices.Contains(g.Pages, target) {
				r.report(src, at(i), "%s: %s is listed twice", field, slug)
				continue
			}
			if target == nil {
				if _, isDraft := r.left[nfc("content/"+d.Target.Name+"/"+slug+".md")]; isDraft {
					continue // a relation to a left-out draft is dropped, not broken
				}
				r.report(src, at(i), "%s: no page %q in section %s%s", field, slug, d.Target.Name, slugHint(slug, d.Target))
				continue
			}
			if !exact && target.Src.Slug != slug && target.Src.Slug != nfc(slug) {
				r.report(src, at(i), "%s: %q differs from the file name %s.md in case; write %s", field, slug, target.Src.Slug, target.Src.Slug)
				continue
			}
			if quals != nil {
				if !r.qualifier(src, d, field, slug, quals[i]) {
					continue
				}
				g.Quals = append(g.Quals, quals[i])
			}
			g.Pages = append(g.Pages, target)
		}
		if len(g.Pages) > 0 {
			g.sortQualified()
			store.add(p, g)
		}
	}
	slices.SortFunc(p.Out, func(a, b *Group) int {
		return cmp.Compare(declIndex(p.Section, a.Field), declIndex(p.Section, b.Field))
	})
}

// reportQuals reports each qualifier of field that is not text, at its key.
func (r *resolver) reportQuals(src *content.Page, field string, d *Decl, bad []badQual) {
	keys := make([]string, len(bad))
	for i, b := range bad {
		keys[i] = b.slug
	}
	for i, at := range src.KeyItemPos(field, keys) {
		r.report(src, at, "%s: %s: a qualifier is %s", field, bad[i].msg, qualifierKind(d))
	}
}

// qualifierKind says what a relation's mapping form maps slugs to.
func qualifierKind(d *Decl) string {
	if len(d.Scale) > 0 {
		return "a level (" + strings.Join(d.Scale, ", ") + ")"
	}
	return "a short text"
}

func declIndex(sec *Section, field string) int {
	if d := sec.decls[field]; d != nil {
		return d.index
	}
	return -1
}

// slugHint suggests the slug meant by a value that names no page of sec:
// the slug within a file name or path (tools/spark.md is spark), else the
// nearest slug.
func slugHint(value string, sec *Section) string {
	bare := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(value, "../"), sec.Name+"/"), ".md")
	if bare != value && slices.ContainsFunc(sec.Pages, func(p *Page) bool { return p.Src.Slug == bare }) {
		return fmt.Sprintf(" (a relation names a page by its slug: write %s)", bare)
	}
	return didYouMean(strings.ToLower(value), slugsOf(sec))
}

func slugsOf(sec *Section) []string {
	out := make([]string, len(sec.Pages))
	for i, p := range sec.Pages {
		out[i] = p.Src.Slug
	}
	return out
}

// exampleSlug is a slug to show in a message about a relation to sec:
// the one string the author gave, when it could be a slug, else the slug
// of sec's first page.
func exampleSlug(sec *Section, v any) string {
	if s, ok := v.(string); ok && s != "" && !strings.ContainsAny(s, " \t,/") {
		return s
	}
	if len(sec.Pages) > 0 {
		return sec.Pages[0].Src.Slug
	}
	return "slug"
}

// inverseLabel is the heading of t's panel of the pages of sec that link
// it by field, which d declares.
func inverseLabel(d *Decl, sec *Section, field string, t *Page) string {
	if d.Inverse != "" {
		return d.Inverse
	}
	if field != t.Section.Name {
		return fmt.Sprintf("%s (%s)", sec.Title, strings.ToLower(humanize(field)))
	}
	return sec.Title
}

func nearestSorted(word string, candidates []string) string {
	slices.Sort(candidates)
	return diag.Nearest(word, candidates)
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
