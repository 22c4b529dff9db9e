package build

import (
	"sync"

	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// A pageJob is one HTML page to render: where it goes, what produced it,
// which template, and how to build its view.
type pageJob struct {
	out    string
	origin string
	kind   string
	sec    string
	secPtr *site.Section
	view   func(*render.SiteView) *render.PageView
	done   func() // called once the page is written, when streaming
	key    uint64
	data   []byte
	err    error
}

// pageJobs lists every HTML page of the site. Views are built only when a
// job runs; the lifecycle drawing is made once, when first needed, and let
// go once the pages showing it have it (at 10,000 pages it is megabytes).
func (c *renderCache) pageJobs(s *site.Site) []*pageJob {
	var jobs []*pageJob
	lifecycle := &sharedPart[*render.LifecycleView]{make: func() *render.LifecycleView { return render.NewLifecycleView(s, c.drawLifecycle) }}
	addPage := func(p *site.Page, withLifecycle bool) {
		if withLifecycle {
			lifecycle.users++
		}
		kind, sec := render.TemplatePage, ""
		switch p.Kind {
		case site.KindHome:
			kind = render.TemplateHome
		case site.KindSection:
			kind, sec = render.TemplateList, p.Section.Name
		default:
			sec = p.Section.Name
		}
		jobs = append(jobs, &pageJob{out: p.URL + "index.html", origin: p.Src.Path, kind: kind, sec: sec, secPtr: p.Section,
			view: func(sv *render.SiteView) *render.PageView {
				var v *render.PageView
				c.bodies.html(p, func(body []byte) { v = render.NewPageView(s, sv, p, markdown.Fill(body, p.Links)) })
				if withLifecycle {
					v.Lifecycle = lifecycle.take()
				}
				return v
			},
			// Only this page shows its converted body.
			done: func() { c.bodies.written(p) }})
	}
	addPage(s.Home, true)
	for _, sec := range s.Sections {
		if sec.Index != nil {
			addPage(sec.Index, s.Lifecycle != nil && s.Lifecycle.Section == sec)
		} else {
			jobs = append(jobs, &pageJob{out: sec.Name + "/index.html", origin: "content/" + sec.Name + "/", kind: render.TemplateList, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewSectionView(s, sv, sec) }})
		}
		for _, p := range sec.Pages {
			addPage(p, false)
			partners := s.ComparePartners(p)
			if len(partners) == 0 {
				continue
			}
			jobs = append(jobs, &pageJob{out: render.CompareIndexPath(p) + "index.html", origin: p.Src.Path, kind: render.TemplateComparisons, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewComparisonsView(s, sv, p) }})
			for _, q := range partners {
				jobs = append(jobs, &pageJob{out: render.ComparePath(p, q) + "index.html", origin: p.Src.Path, kind: render.TemplateCompare, sec: sec.Name, secPtr: sec,
					view: func(sv *render.SiteView) *render.PageView { return render.NewCompareView(s, sv, p, q) }})
			}
		}
	}
	for _, d := range s.Matrices {
		jobs = append(jobs, &pageJob{out: render.MatrixPath(d) + "index.html", origin: "content/_index.md", kind: render.TemplateMatrix,
			view: func(sv *render.SiteView) *render.PageView { return render.NewMatrixView(s, sv, s.Matrix(d)) }})
	}
	jobs = append(jobs, &pageJob{out: "search/index.html", origin: "templates/search.html", kind: render.TemplateSearch,
		view: func(sv *render.SiteView) *render.PageView { return render.NewSearchView(s, sv) }})
	jobs = append(jobs, &pageJob{out: "404.html", origin: "templates/404.html", kind: render.TemplateNotFound,
		view: func(sv *render.SiteView) *render.PageView { return render.NewNotFoundView(s, sv) }})
	return jobs
}

// A sharedPart is a part of several pages' views, made when the first of
// them needs it and let go when the last has taken it. Set users before
// the pages render; take is safe for concurrent use.
type sharedPart[T any] struct {
	make  func() T
	users int

	mu    sync.Mutex
	value T
	made  bool
}

func (p *sharedPart[T]) take() T {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.made {
		p.value, p.made = p.make(), true
	}
	v := p.value
	if p.users--; p.users <= 0 {
		var zero T
		p.value, p.made = zero, false
	}
	return v
}

// siteViews builds the site part of the views, one per section (the
// navigation marks the current one).
func siteViews(s *site.Site, assets render.Assets) map[*site.Section]*render.SiteView {
	views := map[*site.Section]*render.SiteView{nil: render.NewSiteView(s, nil, assets)}
	for _, sec := range s.Sections {
		views[sec] = render.NewSiteView(s, sec, assets)
	}
	return views
}

// allPages lists home, section indexes and regular pages in site order.
func allPages(s *site.Site) []*site.Page {
	out := []*site.Page{s.Home}
	for _, sec := range s.Sections {
		if sec.Index != nil {
			out = append(out, sec.Index)
		}
		out = append(out, sec.Pages...)
	}
	return out
}
