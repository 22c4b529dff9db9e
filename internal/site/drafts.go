package site

import (
	"fmt"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
)

// draftLinks warns of every relation value naming a draft left out of
// the build: the link is dropped from the built pages (a draft may be
// named before it is published), but not silently. It looks at every
// page, those whose relations were kept from an earlier build too, so a
// rebuild warns as a clean build does; it costs nothing when no draft is
// left out.
func (r *resolver) draftLinks() diag.List {
	if len(r.left) == 0 {
		return nil
	}
	var out diag.List
	for _, p := range r.site.Pages {
		src := p.Src
		for _, d := range p.Section.Relations {
			v, ok := src.Params[d.Field]
			if !ok {
				continue
			}
			slugs, quals, _, _ := relationValue(src, d.Field, v)
			var positions []content.Pos
			for i, slug := range slugs {
				draft, isDraft := r.left[nfc("content/"+d.Target.Name+"/"+slug+".md")]
				if !isDraft {
					continue
				}
				if positions == nil && quals != nil {
					positions = src.KeyItemPos(d.Field, slugs)
				} else if positions == nil {
					positions = src.ItemPos(d.Field, slugs)
				}
				out = append(out, src.Diag(positions[i], fmt.Sprintf(
					"warning: %s: %s is a draft (%s), left out of this build, and so is the link to it: publish the page, build with --drafts, or remove %s",
					d.Field, slug, draft.Path, slug)))
			}
		}
	}
	return out
}
