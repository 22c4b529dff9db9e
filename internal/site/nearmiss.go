package site

import (
	"fmt"
	"slices"

	"github.com/rolesite/rolesite/internal/diag"
)

// nearMisses warns of each field of a page, section index or the home
// page whose name is almost one rolesite reads there (see
// content.NearMiss), unless the site gives it a meaning: a relation of the
// page's section, a field its schema declares, a section's name. Like
// draftLinks it looks at every page, kept ones too, and it costs a look at
// each page's list, empty for nearly all.
func (r *resolver) nearMisses() diag.List {
	var out diag.List
	for _, p := range r.all() {
		src := p.Src
		for _, m := range src.NearMisses() {
			if r.bySection[m.Field] != nil {
				continue
			}
			if sec := p.Section; p.Kind == KindPage && sec != nil &&
				(sec.decls[m.Field] != nil || sec.broken[m.Field] || slices.ContainsFunc(sec.Fields, func(f *FieldDecl) bool { return f.Name == m.Field })) {
				continue
			}
			out = append(out, src.Diag(src.KeyPos(m.Field), fmt.Sprintf(
				"warning: %s is not a field rolesite reads here (did you mean %s?): it is kept for templates and does nothing else; rename it to %s, or, if it is your own, to a name less like it",
				m.Field, m.Meant, m.Meant)))
		}
	}
	return out
}
