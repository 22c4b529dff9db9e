package build

import "github.com/rolesite/rolesite/internal/render"

// comparisonLists are, for each page of a compared section, the page
// listing what it can be compared with.
func comparisonLists(r *pageRun) []*pageJob {
	var jobs []*pageJob
	for _, sec := range r.s.Sections {
		for _, p := range sec.Pages {
			if len(r.s.ComparePartners(p)) == 0 {
				continue
			}
			jobs = append(jobs, &pageJob{out: render.CompareIndexPath(p) + "index.html", origin: p.Src.Path, kind: render.TemplateComparisons, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewComparisonsView(r.s, sv, p) }})
		}
	}
	return jobs
}

// comparePairs are the side-by-side pages of two pages of a compared
// section.
func comparePairs(r *pageRun) []*pageJob {
	var jobs []*pageJob
	for _, sec := range r.s.Sections {
		for _, p := range sec.Pages {
			for _, q := range r.s.ComparePartners(p) {
				jobs = append(jobs, &pageJob{out: render.ComparePath(p, q) + "index.html", origin: p.Src.Path, kind: render.TemplateCompare, sec: sec.Name, secPtr: sec,
					view: func(sv *render.SiteView) *render.PageView { return render.NewCompareView(r.s, sv, p, q) }})
			}
		}
	}
	return jobs
}
