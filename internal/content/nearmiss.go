package content

import (
	"maps"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
)

// Fields whose names rolesite reads, by the file they are read from: every
// page, a section's _index.md, and the site's content/_index.md.
var (
	pageFields    = []string{"title", "summary", "draft", "weight", "order", "aliases", "updated"}
	sectionFields = []string{"relations", "fields", "related", "compare", "search_filter"}
	siteFields    = []string{"description", "base_url", "edit_url", "unsafe_html", "lifecycle", "matrices"}
)

// A NearMiss is a field whose name is almost one that rolesite reads in
// its file, and so is kept for templates and otherwise ignored: "Draft:
// true" would publish a draft, "alias:" make no redirect, "base-url:"
// leave the site without a base URL. Almost is the same name in another
// case, with '-' for '_', in the singular, or one plausible typo away (see
// diag.Nearest). Whether the field is meant as something else, a relation
// or a field its section declares, only the site can tell.
type NearMiss struct {
	Field, Meant string
}

// NearMisses lists the page's near misses, found when it was parsed.
func (p *Page) NearMisses() []NearMiss { return p.nearMisses }

// findNearMisses finds the page's near misses (see NearMiss).
func (p *Page) findNearMisses() []NearMiss {
	known := pageFields
	switch {
	case p.Path == "content/_index.md":
		known = slices.Concat(pageFields, sectionFields, siteFields)
	case p.Slug == "_index":
		known = slices.Concat(pageFields, sectionFields)
	}
	var out []NearMiss
	for _, field := range p.Order(slices.Sorted(maps.Keys(p.Params))) {
		if near := nearMiss(field, known); near != "" {
			out = append(out, NearMiss{field, near})
		}
	}
	return out
}

// nearMiss returns the field of known that field almost names, or "".
func nearMiss(field string, known []string) string {
	if slices.Contains(known, field) {
		return ""
	}
	norm := strings.ReplaceAll(strings.ToLower(field), "-", "_")
	for _, k := range known {
		if norm == k || norm+"s" == k || norm+"es" == k || strings.TrimSuffix(norm, "x")+"ces" == k {
			return k
		}
	}
	if len(field) < 5 {
		return "" // a short name is one edit from too many others
	}
	return diag.Nearest(norm, known)
}
