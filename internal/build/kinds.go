package build

import (
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/keyhash"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// An outputRoom is one kind of output: the code that makes its files, and
// whether they read page bodies.
type outputRoom struct {
	name string
	// readsBodies tells whether the room's files read page bodies: after
	// edits of bodies alone, a room whose files read none keeps the last
	// build's files and does not run.
	readsBodies bool
	// start, when set, begins the room's work before any room makes its
	// files: work that reads the site alone, and may run beside the rest.
	start func(*renderRun)
	// make makes the room's files into the run, in the order of the list:
	// a file's first maker keeps it in a collision.
	make func(*renderRun) diag.List
}

// outputRooms is the one list of what a build makes, in order. A new kind
// of output is a file holding its make function and one line here; a new
// kind of HTML page is a line in pageKinds.
func outputRooms() []outputRoom {
	return []outputRoom{
		{name: "static files", make: staticRoom},
		{name: "images", readsBodies: true, make: imagesRoom},
		{name: "pages", readsBodies: true, make: pagesRoom},
		{name: "alias pages", make: aliasRoom},
		{name: "search index", readsBodies: true, start: startSearch, make: searchRoom},
		{name: "site files", start: startSiteFiles, make: siteFilesRoom},
		{name: "host files", make: hostFilesRoom},
	}
}

// A pageKind is one kind of HTML page: the template its pages execute
// (templates/<template>.html, which every site then needs) and what lists
// the pages of that kind a site has.
type pageKind struct {
	template string
	pages    func(*pageRun) []*pageJob
}

// pageKinds is the one list of the kinds of HTML page a build makes, in
// the order their pages are listed. A new kind of page is a file holding
// its pages function (and its view, built from render's view types), its
// template, and one line here, for example:
//
//	{"glossary", glossaryPages},
func pageKinds() []pageKind {
	return []pageKind{
		{render.TemplateHome, homePage},
		{render.TemplateList, sectionLists},
		{render.TemplatePage, regularPages},
		{render.TemplateComparisons, sectionComparisons},
		{render.TemplateCompare, comparePairs},
		{render.TemplateMatrix, matrixPages},
		{render.TemplateSearch, searchPage},
		{render.TemplateNotFound, notFoundPage},
	}
}

// templateNames are the templates the page kinds execute.
func templateNames() []string {
	var names []string
	for _, k := range pageKinds() {
		names = append(names, k.template)
	}
	return names
}

// A pageRun is what the page kinds of one build share: the site, the
// render cache (for bodies and the lifecycle drawing) and the lifecycle
// view, drawn once when the first page showing it renders and let go once
// the last has it (at 10,000 pages it is megabytes).
type pageRun struct {
	c         *renderCache
	s         *site.Site
	lifecycle *sharedPart[*render.LifecycleView]
	images    map[*site.Page][]string // see imagesRoom
	deps      *depKeys                // nil when the sink keeps no pages
}

// contentPage is the job of a page that has a content file (the home
// page, a section's _index.md, a regular page), in job: its converted
// body goes into its view, and, when streaming, lets go once the page is
// out.
func (r *pageRun) contentPage(job *pageJob, p *site.Page, template, sec string, withLifecycle bool) *pageJob {
	if withLifecycle {
		r.lifecycle.users++
	}
	*job = pageJob{out: p.OutPath(), origin: p.Src.Path, kind: template, sec: sec, secPtr: p.Section,
		from: p, run: r, lifecycle: withLifecycle}
	return job
}

// contentView is the view of job, a page with a content file (see
// contentPage).
func (r *pageRun) contentView(job *pageJob, sv *render.SiteView) *render.PageView {
	p := job.from
	var v *render.PageView
	r.c.bodies.html(p, func(body []byte) {
		v = render.NewPageView(r.s, sv, p, markdown.FillImages(markdown.Fill(body, r.s.Body(p).Links), r.images[p]))
	})
	if t := r.c.updated(p); v.Updated == "" && !t.IsZero() {
		v.Updated = t.Format("2006-01-02") // when its file last changed
	}
	if job.lifecycle {
		v.Lifecycle = r.lifecycle.take()
	}
	return v
}

// makeView builds the job's view on the site view of its section.
func (j *pageJob) makeView(sv *render.SiteView) *render.PageView {
	if j.from != nil {
		return j.run.contentView(j, sv)
	}
	return j.view(sv)
}

// finished is told the job is rendered (or remembered): a page with a
// content file lets its body go.
func (j *pageJob) finished() {
	if j.from != nil {
		j.run.c.bodies.written(j.from)
	}
}

// hasDeps reports whether the job's view has a dependency key: set in
// deps, or, for a regular page, when the sink keeps pages (see depKeys).
func (j *pageJob) hasDeps() bool {
	return j.deps != nil || j.from != nil && j.run.deps != nil && j.from.Kind == site.KindPage && j.kind == render.TemplatePage
}

// depKey is the dependency key of the job's view, made with h; the job
// has one (see hasDeps).
func (j *pageJob) depKey(h *keyhash.Hash) uint64 {
	if j.deps != nil {
		return j.deps(h)
	}
	r := j.run
	return r.deps.key(h, r.s, j.from, r.images[j.from])
}

// A siteFile is a file made from the resolved site alone, for machines:
// its name and what makes it.
type siteFile struct {
	name string
	make func(c *renderCache, s *site.Site) []byte
}

// siteFiles is the one list of the files a build makes from the site
// alone, while its pages render. A new one is a line here.
func siteFiles() []siteFile {
	return []siteFile{
		{"sitemap.xml", func(c *renderCache, s *site.Site) []byte { return render.Sitemap(s, allPages(s), c.updated) }},
		{"feed.xml", func(c *renderCache, s *site.Site) []byte { return render.Feed(s, allPages(s), c.updated) }},
		{"robots.txt", func(_ *renderCache, s *site.Site) []byte { return render.Robots(s) }},
		{"graph.json", func(c *renderCache, s *site.Site) []byte { return render.GraphJSONFrom(s, c.out.graphMemo()) }},
	}
}

// A hostFile is a file for the static host, made once the pages are: its
// name and what makes it from the site and the redirects of its aliases.
type hostFile struct {
	name string
	make func(c *renderCache, s *site.Site, redirects []publish.Redirect) []byte
}

// hostFiles is the one list of the files a build makes for hosts.
func hostFiles() []hostFile {
	return []hostFile{
		{"_redirects", func(_ *renderCache, _ *site.Site, r []publish.Redirect) []byte { return publish.Redirects(r) }},
		{"_headers", func(c *renderCache, s *site.Site, _ []publish.Redirect) []byte {
			return publish.Headers(c.headerRules(s))
		}},
	}
}

// A madeFile is a file made whole: its name and bytes.
type madeFile struct {
	name string
	data []byte
}

// startSiteFiles makes the files of siteFiles beside the pages, when the
// sink wants them so (see sink.beside).
func startSiteFiles(r *renderRun) {
	if !r.c.out.beside() {
		return
	}
	r.siteFiles = make(chan []madeFile, 1)
	go func() { r.siteFiles <- makeSiteFiles(r) }()
}

// makeSiteFiles makes every file of siteFiles.
func makeSiteFiles(r *renderRun) []madeFile {
	var out []madeFile
	for _, f := range siteFiles() {
		out = append(out, madeFile{f.name, f.make(r.c, r.s)})
	}
	return out
}

// siteFilesRoom adds the files of siteFiles: made beside the pages, or
// now.
func siteFilesRoom(r *renderRun) diag.List {
	made := func(name string) string { return "the generated " + name }
	if r.siteFiles == nil {
		return r.addMade(makeSiteFiles(r), made)
	}
	return r.addMade(<-r.siteFiles, made)
}

// hostFilesRoom makes every file of hostFiles.
func hostFilesRoom(r *renderRun) diag.List {
	var out []madeFile
	for _, f := range hostFiles() {
		out = append(out, madeFile{f.name, f.make(r.c, r.s, r.redirects)})
	}
	return r.addMade(out, func(name string) string { return "the generated " + name })
}
