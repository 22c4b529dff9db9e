package build

import (
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

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
		{render.TemplateComparisons, comparisonLists},
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
}

// contentPage is the job of a page that has a content file (the home
// page, a section's _index.md, a regular page): its converted body goes
// into its view, and, when streaming, lets go once the page is out.
func (r *pageRun) contentPage(p *site.Page, template, sec string, withLifecycle bool) *pageJob {
	if withLifecycle {
		r.lifecycle.users++
	}
	return &pageJob{out: p.URL + "index.html", origin: p.Src.Path, kind: template, sec: sec, secPtr: p.Section,
		view: func(sv *render.SiteView) *render.PageView {
			var v *render.PageView
			r.c.bodies.html(p, func(body []byte) { v = render.NewPageView(r.s, sv, p, markdown.Fill(body, p.Links)) })
			if withLifecycle {
				v.Lifecycle = r.lifecycle.take()
			}
			return v
		},
		done: func() { r.c.bodies.written(p) }}
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
		{"graph.json", func(_ *renderCache, s *site.Site) []byte { return render.GraphJSON(s) }},
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

// makeSiteFiles makes every file of siteFiles.
func (c *renderCache) makeSiteFiles(s *site.Site) []madeFile {
	var out []madeFile
	for _, f := range siteFiles() {
		out = append(out, madeFile{f.name, f.make(c, s)})
	}
	return out
}

// makeHostFiles makes every file of hostFiles.
func (c *renderCache) makeHostFiles(s *site.Site, redirects []publish.Redirect) []madeFile {
	var out []madeFile
	for _, f := range hostFiles() {
		out = append(out, madeFile{f.name, f.make(c, s, redirects)})
	}
	return out
}
