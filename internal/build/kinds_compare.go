package build

import "github.com/rolesite/rolesite/internal/render"

// sectionComparisons are the comparison pages of the compared sections,
// one a section, from which any two of its pages are compared.
func sectionComparisons(r *pageRun) []*pageJob {
	var jobs []*pageJob
	for _, sec := range r.s.Sections {
		if !render.Compared(sec) {
			continue
		}
		jobs = append(jobs, &pageJob{out: render.ComparisonsPath(sec) + "index.html", origin: "content/" + sec.Name + "/", kind: render.TemplateComparisons, sec: sec.Name, secPtr: sec,
			view: func(sv *render.SiteView) *render.PageView { return render.NewComparisonsView(r.s, sv, sec) }})
	}
	return jobs
}

// comparePairs are the pre-rendered side-by-side pages of a compared
// section: a bounded number a page (site.ComparePartners).
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
