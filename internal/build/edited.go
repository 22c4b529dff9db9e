package build

import (
	"context"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/site"
)

// renderEdited is the fast path for edits that changed only the bodies of
// existing pages (see Builder.build): it renders those pages and the search
// index again and takes every other file from the previous build.
func renderEdited(ctx context.Context, s *site.Site, prev *output.Files, cache *renderCache, edited map[string]bool) (*output.Files, diag.List) {
	var jobs []*pageJob
	for _, j := range cache.pageJobs(s) {
		if edited[j.origin] {
			jobs = append(jobs, j)
		}
	}
	cache.run(ctx, jobs, siteViews(s, cache.assets))
	if ctx.Err() != nil {
		return nil, nil
	}
	files := prev.Clone()
	for _, j := range jobs {
		if j.err != nil {
			// The same views rendered before; only a full render can say
			// more. Report it as the full path would.
			if d, ok := j.err.(diag.Diagnostic); ok {
				return nil, diag.List{d}
			}
			return nil, diag.List{{Path: j.origin, Message: j.err.Error()}}
		}
		cache.pages[j.out] = cachedPage{key: j.key, data: j.data}
		files.Set(j.out, j.data, j.origin)
	}
	for _, name := range cache.searchNames {
		files.Delete(name)
		files.Delete(name + ".gz")
		files.Delete(name + ".br")
	}
	var touched []string
	for _, j := range jobs {
		touched = append(touched, j.out)
	}
	for name, data := range cache.searchIndex(s) {
		files.Set(name, data, "the search index")
		touched = append(touched, name)
	}
	if cache.opts.Precompress {
		precompress(ctx, files, touched)
	}
	return files, nil
}
