package build

import (
	"sync"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/keyhash"
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
	// view builds the view of a page without a content file. A page with
	// one is from instead, and the run builds its view (see
	// pageRun.contentView): a build of 50,000 pages would otherwise hold
	// closures for all of them until the last is written.
	view      func(*render.SiteView) *render.PageView
	from      *site.Page
	run       *pageRun // with from
	lifecycle bool     // with from: the view shows the lifecycle
	// deps, when set, is the dependency key of the view (see depKeys),
	// made with the render worker's hash; a regular page's comes from
	// its run (see pageJob.depKey).
	deps func(h *keyhash.Hash) uint64
	key  uint64 // of its view, when the sink keeps pages
	dkey uint64 // its dependency key, when it has deps and the sink keeps pages
	data []byte // when the sink keeps pages
	err  error
}

// pagesRoom renders the HTML pages of every kind (see pageKinds): all of
// them, or, after edits of bodies alone, the edited ones.
func pagesRoom(r *renderRun) diag.List {
	var jobs []*pageJob
	views := siteViews(r.s, r.assets)
	// After edits of bodies alone only the edited pages render, and their
	// views change: dependency keys, whose tables cover every page, would
	// save nothing.
	var deps *depKeys
	if r.edited == nil {
		deps = r.c.depKeys(r.s, views)
		if r.c.out.keeps() {
			// The first key waits for the keys' tables, a pass over every
			// page: they are made beside the listing of the jobs rather
			// than before the first page, the one a reader waits for. A
			// build stopped meanwhile waits for them before it returns:
			// they read caches the next build changes.
			go deps.prepare()
			defer deps.prepare()
		}
	}
	for _, j := range r.c.pageJobs(r.s, r.images, deps) {
		if r.edited == nil || r.edited[j.origin] {
			r.remake(j.out, j.origin)
			jobs = append(jobs, j)
		}
	}
	// The pages a reader has open render before the paths of the others
	// are claimed (see previewFirst).
	rest := r.previewFirst(jobs, views)
	claim(r.files, jobs)
	r.start()
	r.c.run(r.ctx, rest, views)
	if r.ctx.Err() != nil {
		return nil
	}
	return r.collect(jobs)
}

// previewFirst renders the jobs of the pages a reader has open, when the
// run has a previewer, shows each that rendered, and returns the others.
// It runs before the jobs' paths are claimed, which takes a while at
// 10,000 pages: a page goes first only when its path is sure to be its
// own (see alone), and the others wait for claim.
func (r *renderRun) previewFirst(jobs []*pageJob, views map[*site.Section]*render.SiteView) []*pageJob {
	if r.preview == nil {
		return jobs
	}
	open := map[string]bool{}
	for _, name := range r.preview.Open() {
		open[name] = true
	}
	var first, rest []*pageJob
	for i, j := range jobs {
		if open[j.out] && alone(r.files, jobs[:i], j) {
			first = append(first, j)
		} else {
			rest = append(rest, j)
		}
	}
	if len(first) == 0 {
		return jobs
	}
	r.c.run(r.ctx, first, views)
	for _, j := range first {
		if j.err == nil && j.data != nil && r.ctx.Err() == nil {
			r.preview.Preview(j.out, j.data)
		}
	}
	return rest
}

// pageJobs lists every HTML page of the site, kind after kind (see
// pageKinds). Views are built only when a job runs.
func (c *renderCache) pageJobs(s *site.Site, images map[*site.Page][]string, deps *depKeys) []*pageJob {
	run := &pageRun{c: c, s: s, images: images, deps: deps,
		lifecycle: &sharedPart[*render.LifecycleView]{make: func() *render.LifecycleView { return render.NewLifecycleView(s, c.drawLifecycle) }}}
	var jobs []*pageJob
	for _, k := range pageKinds() {
		jobs = append(jobs, k.pages(run)...)
	}
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
