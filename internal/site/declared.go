package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
)

// Views are the at-a-glance pages a site declares in content/_index.md; the
// generator knows no section by name, so the atlas says which sections play
// which part:
//
//	lifecycle:                 # drawn on the home page and the section's list
//	  section: stages          # the ordered steps
//	  loop: loops_to           # a relation field of a step: edges back
//	  members: roles           # pages shown at each step (those relating to it)
//	matrices:                  # one page each, under matrices/
//	  - {rows: roles, field: stages, title: Roles by stage}
//	  - {rows: roles, field: tools, group: category, title: Roles by tool}
//
// and, in a section's _index.md:
//
//	related: true   # each page lists the section's pages sharing the most targets
//	compare: true   # pages can be compared side by side
type Lifecycle struct {
	Section *Section
	Loop    string   // relation field on Section's pages, or ""
	Members *Section // or nil
}

// A MatrixDecl declares one matrix page.
type MatrixDecl struct {
	Title   string
	Slug    string // "roles-by-stages": the page is matrices/<slug>/
	Rows    *Section
	Field   string   // a relation field of the rows' pages
	Columns *Section // the field's target section
	Group   string   // a front matter field of the column pages to group them by, or ""
}

// maxMatrixCells bounds a matrix page: past this a table is no longer
// something a reader can scan, and the page would be huge.
const maxMatrixCells = 200_000

// views reads the lifecycle and matrices declarations.
func (r *resolver) views() {
	h := r.site.Home
	if h == nil {
		return
	}
	src := h.Src
	if v, ok := src.Params["lifecycle"]; ok {
		r.lifecycle(src, v)
	}
	if v, ok := src.Params["matrices"]; ok {
		list, ok := content.List(v)
		if !ok {
			r.report(src, src.KeyPos("matrices"), "matrices must be a list such as [{rows: roles, field: stages}], not %s", content.Describe(v))
			return
		}
		seen := map[string]bool{}
		for _, item := range list {
			m, ok := item.(map[string]any)
			if !ok {
				r.report(src, src.KeyPos("matrices"), "matrices: each entry must be a mapping with rows and field, not %s", content.Describe(item))
				continue
			}
			d := r.matrix(src, m)
			if d == nil {
				continue
			}
			if seen[d.Slug] {
				r.report(src, src.ValuePos("matrices", d.Field), "matrices: %s by %s is declared twice", d.Rows.Name, d.Field)
				continue
			}
			seen[d.Slug] = true
			r.site.Matrices = append(r.site.Matrices, d)
		}
	}
}

func (r *resolver) lifecycle(src *content.Page, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		r.report(src, src.KeyPos("lifecycle"), "lifecycle must be a mapping such as {section: stages, loop: loops_to, members: roles}, not %s", content.Describe(v))
		return
	}
	// Every problem of the declaration is reported at once: each key is
	// checked as far as the others allow.
	l, ok := &Lifecycle{}, true
	for _, k := range []string{"section", "loop", "members"} {
		if _, given := m[k]; given {
			if _, isString := m[k].(string); !isString {
				r.report(src, src.ValuePos("lifecycle", k), "lifecycle: %s must be a string", k)
				ok = false
			}
		}
	}
	for _, k := range sortedKeys(m) {
		if k != "section" && k != "loop" && k != "members" {
			r.report(src, src.ValuePos("lifecycle", k), "lifecycle: unknown key %q: use section, loop and members", k)
		}
	}
	if members, _ := m["members"].(string); members != "" {
		if l.Members = r.sectionRef(src, "lifecycle", "members", members); l.Members == nil {
			ok = false
		}
	}
	if _, isString := m["section"].(string); !isString && m["section"] != nil {
		return
	}
	name, _ := m["section"].(string)
	if l.Section = r.sectionRef(src, "lifecycle", "section", name); l.Section == nil {
		return
	}
	if loop, _ := m["loop"].(string); loop != "" {
		if r.declFor(l.Section, loop) == nil {
			r.report(src, src.ValuePos("lifecycle", loop), "lifecycle: loop: %s is not a relation of section %s: declare it in content/%s/_index.md", loop, l.Section.Name, l.Section.Name)
			ok = false
		}
		l.Loop = loop
	}
	if ok {
		r.site.Lifecycle = l
	}
}

func (r *resolver) matrix(src *content.Page, m map[string]any) *MatrixDecl {
	get := func(k string) string { s, _ := m[k].(string); return strings.TrimSpace(s) }
	for k := range m {
		switch k {
		case "rows", "field", "group", "title":
		default:
			r.report(src, src.ValuePos("matrices", k), "matrices: unknown key %q: use rows, field, group and title", k)
		}
	}
	d := &MatrixDecl{Field: get("field"), Group: get("group"), Title: get("title")}
	if d.Rows = r.sectionRef(src, "matrices", "rows", get("rows")); d.Rows == nil {
		return nil
	}
	decl := r.declFor(d.Rows, d.Field)
	if decl == nil {
		r.report(src, src.ValuePos("matrices", d.Field), "matrices: field %q is not a relation of section %s%s", d.Field, d.Rows.Name, didYouMean(d.Field, fieldNames(d.Rows)))
		return nil
	}
	d.Columns = decl.Target
	if d.Group != "" && !r.columnField(d.Columns, d.Group) {
		r.report(src, src.ValuePos("matrices", d.Group), "matrices: group %q is not a field of the pages of %s%s: name a field they have, or leave group out",
			d.Group, d.Columns.Name, didYouMean(d.Group, r.pageFields(d.Columns)))
		return nil
	}
	if d.Title == "" {
		d.Title = fmt.Sprintf("%s by %s", d.Rows.Title, strings.ToLower(humanize(d.Field)))
	}
	d.Slug = d.Rows.Name + "-by-" + strings.ReplaceAll(d.Field, "_", "-")
	if cells := len(d.Rows.Pages) * len(d.Columns.Pages); cells > maxMatrixCells {
		r.report(src, src.ValuePos("matrices", d.Field), "matrices: %s by %s would have %d cells (more than %d): remove it, or relate fewer pages", d.Rows.Name, d.Field, cells, maxMatrixCells)
		return nil
	}
	return d
}

func (r *resolver) sectionRef(src *content.Page, field, key, name string) *Section {
	if name == "" {
		r.report(src, src.KeyPos(field), "%s: %s is missing: name a section", field, key)
		return nil
	}
	s := r.bySection[name]
	if s == nil {
		r.report(src, src.ValuePos(field, name), "%s: %s: no section named %q%s", field, key, name, didYouMean(name, r.sectionNames()))
	}
	return s
}

// declFor returns the declaration of a field without creating an implied one.
func (r *resolver) declFor(sec *Section, field string) *Decl {
	if d := sec.decls[field]; d != nil {
		return d
	}
	if t := r.bySection[field]; t != nil && !reserved[field] {
		d := &Decl{Field: field, Target: t}
		sec.addDecl(d)
		return d
	}
	return nil
}

// columnField tells whether a matrix may group sec's pages by field: a
// field the section declares, or one any of its pages has.
func (r *resolver) columnField(sec *Section, field string) bool {
	if slices.ContainsFunc(sec.Fields, func(f *FieldDecl) bool { return f.Name == field }) {
		return true
	}
	return slices.ContainsFunc(sec.Pages, func(p *Page) bool { _, ok := p.Src.Params[field]; return ok })
}

// pageFields lists the fields sec declares and its pages have, but those
// with a meaning of their own, sorted: the candidates for a group.
func (r *resolver) pageFields(sec *Section) []string {
	seen := map[string]bool{}
	for _, f := range sec.Fields {
		seen[f.Name] = true
	}
	for _, p := range sec.Pages {
		for k := range p.Src.Params {
			seen[k] = !reserved[k]
		}
	}
	var out []string
	for k, ok := range seen {
		if ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func fieldNames(sec *Section) []string {
	var out []string
	for _, d := range sec.Relations {
		out = append(out, d.Field)
	}
	return out
}

// sectionOptions reads related and compare from a section's _index.md.
func (r *resolver) sectionOptions(sec *Section) {
	if sec.Index == nil {
		return
	}
	src := sec.Index.Src
	for _, opt := range []struct {
		field string
		dst   *bool
	}{{"related", &sec.Related}, {"compare", &sec.Compare}} {
		v, ok := src.Params[opt.field]
		if !ok {
			continue
		}
		b, ok := v.(bool)
		if !ok {
			r.report(src, src.KeyPos(opt.field), "%s must be true or false, not %s", opt.field, content.Describe(v))
			continue
		}
		*opt.dst = b
	}
}
