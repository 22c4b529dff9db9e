package build

import (
	"github.com/rolesite/rolesite/internal/keyhash"
	"github.com/rolesite/rolesite/internal/render"
)

// homePage is the home page, which shows the lifecycle.
func homePage(r *pageRun) []*pageJob {
	return []*pageJob{r.contentPage(new(pageJob), r.s.Home, render.TemplateHome, "", true)}
}

// sectionLists are the sections' list pages: from their _index.md, or made
// from the section alone when it has none. The lifecycle's section shows
// the lifecycle.
func sectionLists(r *pageRun) []*pageJob {
	var jobs []*pageJob
	for _, sec := range r.s.Sections {
		origin := "content/" + sec.Name + "/"
		if sec.Index != nil {
			lifecycle := r.s.Lifecycle != nil && r.s.Lifecycle.Section == sec
			jobs = append(jobs, r.contentPage(new(pageJob), sec.Index, render.TemplateList, sec.Name, lifecycle))
			origin = sec.Index.Src.Path
		} else {
			jobs = append(jobs, &pageJob{out: sec.Name + "/index.html", origin: origin, kind: render.TemplateList, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewSectionView(r.s, sv, sec) }})
		}
		// The rest of a long list (see render.Split).
		runs := render.ListRuns(sec)
		for k := 1; k < len(runs); k++ {
			j := &pageJob{out: runs[k].Path + "index.html", origin: origin, kind: render.TemplateList, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewListPageView(r.s, sv, sec, runs, k) }}
			if r.deps != nil {
				j.deps = func(h *keyhash.Hash) uint64 { return r.deps.runKey(h, sec, runs, k) }
			}
			jobs = append(jobs, j)
		}
	}
	return jobs
}

// regularPages are the pages of every section, their jobs in one array.
func regularPages(r *pageRun) []*pageJob {
	n := 0
	for _, sec := range r.s.Sections {
		n += len(sec.Pages)
	}
	all, jobs := make([]pageJob, n), make([]*pageJob, 0, n)
	for _, sec := range r.s.Sections {
		for _, p := range sec.Pages {
			jobs = append(jobs, r.contentPage(&all[len(jobs)], p, render.TemplatePage, sec.Name, false))
		}
	}
	return jobs
}
