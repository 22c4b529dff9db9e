package build

import (
	"github.com/rolesite/rolesite/internal/keyhash"
	"github.com/rolesite/rolesite/internal/render"
)

// matrixPages are the pages of the matrices content/_index.md declares:
// one for every run of rows (see render.Split).
func matrixPages(r *pageRun) []*pageJob {
	var jobs []*pageJob
	for _, d := range r.s.Matrices {
		m := r.s.Matrix(d)
		runs := render.MatrixRuns(m)
		for k, run := range runs {
			j := &pageJob{out: run.Path + "index.html", origin: "content/_index.md", kind: render.TemplateMatrix,
				view: func(sv *render.SiteView) *render.PageView { return render.NewMatrixView(r.s, sv, m, runs, k) }}
			if r.deps != nil {
				j.deps = func(h *keyhash.Hash) uint64 { return r.deps.matrixKey(h, m, runs, k) }
			}
			jobs = append(jobs, j)
		}
	}
	return jobs
}

// searchPage is the search page, which lists every page without JavaScript.
func searchPage(r *pageRun) []*pageJob {
	return []*pageJob{{out: "search/index.html", origin: "templates/search.html", kind: render.TemplateSearch,
		view: func(sv *render.SiteView) *render.PageView { return render.NewSearchView(r.s, sv) }}}
}

// notFoundPage is 404.html.
func notFoundPage(r *pageRun) []*pageJob {
	return []*pageJob{{out: "404.html", origin: "templates/404.html", kind: render.TemplateNotFound,
		view: func(sv *render.SiteView) *render.PageView { return render.NewNotFoundView(r.s, sv) }}}
}
