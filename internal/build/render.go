package build

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/diagram"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/pool"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/search"
	"github.com/rolesite/rolesite/internal/site"
)

// renderCache is what rendering keeps between builds: the parsed templates
// with a key of their sources, and every page's bytes with the hash of the
// view they were executed for. A page whose view and templates are the same
// as last time is the same page, so its bytes are reused.
type renderCache struct {
	seed     maphash.Seed
	tplKey   uint64
	tpl      *render.Templates
	tplCopy  []*render.Templates // tpl and copies of it, one per render worker
	tplDiags diag.List
	pages    map[string]cachedPage // output path -> last rendering

	assets      render.Assets   // of the last full render
	searchNames []string        // files of the last search index
	indexer     *search.Indexer // keeps per-page search work between builds

	opts   Options
	minify *publish.Minifier // nil unless opts.Minify

	// sink, when the build streams its output, takes each final file; page
	// bytes are then not kept.
	sink func(name string, data []byte) error
	// packed holds the bodies and texts of a streaming build's pages (see
	// loaded.compact); nil otherwise.
	packed *packedDocs
}

type cachedPage struct {
	key  uint64
	data []byte
}

func newRenderCache(opts Options) *renderCache {
	c := &renderCache{seed: maphash.MakeSeed(), pages: map[string]cachedPage{}, opts: opts}
	if opts.Minify {
		c.minify = publish.NewMinifier()
	}
	return c
}

// templates returns the parsed templates, parsing them only when their
// sources or the list of sections changed.
func (c *renderCache) templates(theme fs.FS, sections []string) (*render.Templates, diag.List) {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, sec := range sections {
		h.WriteString(sec + "\x00")
	}
	_ = fs.WalkDir(theme, "templates", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, _ := fs.ReadFile(theme, name)
		h.WriteString(name + "\x00")
		h.Write(data)
		h.WriteByte(0)
		return nil
	})
	key := h.Sum64()
	if c.tpl == nil || key != c.tplKey || len(c.tplDiags) > 0 {
		var minify func(string, []byte) ([]byte, error)
		if c.minify != nil {
			minify = c.minify.MinifyTemplate
		}
		c.tpl, c.tplDiags = render.LoadTemplates(theme, sections, minify)
		c.tplCopy = nil
		if c.tpl != nil {
			c.tplCopy = c.tpl.Copies(runtime.GOMAXPROCS(0))
		}
		c.tplKey = key
		clear(c.pages)
	}
	return c.tpl, c.tplDiags
}

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
		kind, sec := render.KindPage, ""
		switch p.Kind {
		case site.KindHome:
			kind = render.KindHome
		case site.KindSection:
			kind, sec = render.KindList, p.Section.Name
		default:
			sec = p.Section.Name
		}
		jobs = append(jobs, &pageJob{out: p.URL + "index.html", origin: p.Src.Path, kind: kind, sec: sec, secPtr: p.Section,
			view: func(sv *render.SiteView) *render.PageView {
				var v *render.PageView
				c.packed.html(p, func(body []byte) { v = render.NewPageView(s, sv, p, markdown.Fill(body, p.Links)) })
				if withLifecycle {
					v.Lifecycle = lifecycle.take()
				}
				return v
			},
			// Only this page shows its converted body.
			done: func() {
				p.Doc.HTML = nil
				c.packed.written(p)
			}})
	}
	addPage(s.Home, true)
	for _, sec := range s.Sections {
		if sec.Index != nil {
			addPage(sec.Index, s.Lifecycle != nil && s.Lifecycle.Section == sec)
		} else {
			jobs = append(jobs, &pageJob{out: sec.Name + "/index.html", origin: "content/" + sec.Name + "/", kind: render.KindList, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewSectionView(s, sv, sec) }})
		}
		for _, p := range sec.Pages {
			addPage(p, false)
			partners := s.ComparePartners(p)
			if len(partners) == 0 {
				continue
			}
			jobs = append(jobs, &pageJob{out: render.CompareIndexPath(p) + "index.html", origin: p.Src.Path, kind: render.KindComparisons, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewComparisonsView(s, sv, p) }})
			for _, q := range partners {
				jobs = append(jobs, &pageJob{out: render.ComparePath(p, q) + "index.html", origin: p.Src.Path, kind: render.KindCompare, sec: sec.Name, secPtr: sec,
					view: func(sv *render.SiteView) *render.PageView { return render.NewCompareView(s, sv, p, q) }})
			}
		}
	}
	for _, d := range s.Matrices {
		jobs = append(jobs, &pageJob{out: render.MatrixPath(d) + "index.html", origin: "content/_index.md", kind: render.KindMatrix,
			view: func(sv *render.SiteView) *render.PageView { return render.NewMatrixView(s, sv, s.Matrix(d)) }})
	}
	jobs = append(jobs, &pageJob{out: "search/index.html", origin: "templates/search.html", kind: render.KindSearch,
		view: func(sv *render.SiteView) *render.PageView { return render.NewSearchView(s, sv) }})
	jobs = append(jobs, &pageJob{out: "404.html", origin: "templates/404.html", kind: render.KindNotFound,
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

// run renders jobs in parallel, until ctx is done (jobs not run then have
// neither data nor error). A job whose view hashes as it did last time
// takes the bytes rendered then.
func (c *renderCache) run(ctx context.Context, jobs []*pageJob, views map[*site.Section]*render.SiteView) {
	workers := make([]renderWorker, pool.Workers(len(jobs), 1))
	for w := range workers {
		workers[w] = renderWorker{tpl: c.tplCopy[w%len(c.tplCopy)], hasher: newViewHasher(c.seed)}
	}
	pool.Each(ctx, len(jobs), func(w, i int) { c.render(&workers[w], jobs[i], views) })
}

// A renderWorker is what one render worker keeps from page to page: its
// copy of the templates, its buffers and its hasher.
type renderWorker struct {
	tpl        *render.Templates
	buf, small bytes.Buffer
	hasher     *viewHasher
}

// render renders one page job with worker w's templates and buffers.
func (c *renderCache) render(w *renderWorker, j *pageJob, views map[*site.Section]*render.SiteView) {
	if j.err != nil {
		return // its path collides (see claim)
	}
	view := j.view(views[j.secPtr])
	if c.sink == nil {
		// Kept for the next build, which reuses a page whose view
		// hashes the same (a streaming build keeps none).
		j.key = w.hasher.sum(j.kind+"\x00"+j.sec, view)
		if prev, ok := c.pages[j.out]; ok && prev.key == j.key {
			j.data = prev.data
			return
		}
	}
	w.buf.Reset()
	if j.err = w.tpl.Execute(&w.buf, j.kind, j.sec, view); j.err != nil {
		return
	}
	page := w.buf.Bytes()
	if c.minify != nil && !w.tpl.Minified() {
		w.small.Reset()
		if j.err = c.minify.MinifyTo(&w.small, j.out, page); j.err != nil {
			return
		}
		page = w.small.Bytes()
	}
	if c.sink == nil {
		j.data = bytes.Clone(page)
		return
	}
	// Streaming: the page goes out now and is not kept, so the worker's
	// buffers serve the next one.
	j.err = c.sink(j.out, page)
	if j.done != nil {
		j.done()
	}
	// A list of thousands of pages makes a buffer of megabytes: keep no
	// such buffer for the thousands of small pages.
	if w.buf.Cap() > maxKeptBuffer {
		w.buf = bytes.Buffer{}
	}
	if w.small.Cap() > maxKeptBuffer {
		w.small = bytes.Buffer{}
	}
}

// maxKeptBuffer is the largest buffer a render worker keeps for its next
// page when streaming.
const maxKeptBuffer = 1 << 20

// renderSite executes the templates for every page and adds the static and
// machine files. It renders even when earlier stages found problems, so
// that template errors are reported in the same run; the files are then
// discarded. When ctx is done it stops and returns nothing.
func renderSite(ctx context.Context, s *site.Site, theme fs.FS, cache *renderCache) (*output.Files, diag.List) {
	var sections []string
	for _, sec := range s.Sections {
		sections = append(sections, sec.Name)
	}
	tpl, diags := cache.templates(theme, sections)
	if tpl == nil {
		return nil, diags
	}
	diags = slices.Clone(diags)
	files := output.NewFiles()
	assets, more := cache.addStatic(files, theme)
	diags = append(diags, more...)
	cache.assets = assets

	// When streaming, index first: the pages' text can then go before the
	// pages render.
	var searchFiles map[string][]byte
	if cache.sink != nil {
		searchFiles = cache.searchIndex(s)
		cache.indexer = nil
		for _, p := range allPages(s) {
			p.Doc.Text = ""
		}
	}
	// The machine-readable files need only the site: make them while the
	// pages render.
	type machineFile struct {
		name string
		data []byte
	}
	machineFiles := make(chan []machineFile, 1)
	go func() {
		machineFiles <- []machineFile{
			{"sitemap.xml", render.Sitemap(s, allPages(s), cache.updated)},
			{"feed.xml", render.Feed(s, allPages(s), cache.updated)},
			{"robots.txt", render.Robots(s)},
			{"graph.json", render.GraphJSON(s)},
		}
	}()
	jobs := cache.pageJobs(s)
	claim(s, files, jobs)
	cache.run(ctx, jobs, siteViews(s, assets))
	if ctx.Err() != nil {
		return nil, nil // the machine files are left to their goroutine
	}
	diags = append(diags, cache.collect(jobs, files)...)
	redirects, more := cache.addAliases(s, files)
	diags = append(diags, more...)
	if searchFiles == nil {
		searchFiles = cache.searchIndex(s)
	}
	for name, data := range searchFiles {
		if err := files.Add(name, data, "the search index"); err != nil {
			diags = append(diags, collision(s, files.Origin(name), err))
		}
	}
	machine := append(<-machineFiles,
		machineFile{"_redirects", publish.Redirects(redirects)},
		machineFile{"_headers", publish.Headers(cache.headerRules(s))})
	for _, m := range machine {
		if err := files.Add(m.name, m.data, "the generated "+m.name); err != nil {
			diags = append(diags, collision(s, files.Origin(m.name), err))
		}
	}
	if cache.sink != nil {
		// Pages went out as they were rendered; the rest goes now, unless
		// the build failed already: its output is thrown away, and writing
		// more could only add a raw write error (a file where a page made
		// a folder) to the problem that explains it.
		if len(diags) > 0 {
			return files, diags
		}
		return files, append(diags, cache.emitRest(ctx, files)...)
	}
	if cache.opts.Precompress {
		precompress(ctx, files, files.Names())
	}
	return files, diags
}

// collect puts the rendered pages into files (their paths were claimed
// before rendering), keeps them for the next build unless streaming, and
// returns the problems of the pages that failed, each template error once.
func (c *renderCache) collect(jobs []*pageJob, files *output.Files) diag.List {
	var diags diag.List
	seenTemplateErr := map[string]bool{}
	fresh := make(map[string]cachedPage, len(jobs))
	for _, j := range jobs {
		if j.err != nil {
			if d, ok := j.err.(diag.Diagnostic); ok {
				if !seenTemplateErr[d.String()] {
					seenTemplateErr[d.String()] = true
					diags = append(diags, d)
				}
			} else {
				diags = append(diags, diag.Diagnostic{Path: j.origin, Message: j.err.Error()})
			}
			continue
		}
		if c.sink == nil {
			fresh[j.out] = cachedPage{key: j.key, data: j.data}
		}
		files.Set(j.out, j.data, j.origin)
	}
	c.pages = fresh
	return diags
}

// addAliases adds a redirect page for every alias of every page, and
// returns the redirects for _redirects.
func (c *renderCache) addAliases(s *site.Site, files *output.Files) ([]publish.Redirect, diag.List) {
	var redirects []publish.Redirect
	var diags diag.List
	for _, p := range allPages(s) {
		for i, a := range p.Aliases {
			page := render.Alias(p.Title(), render.Absolute(s, s.Permalink(p)))
			if c.minify != nil {
				page, _ = c.minify.Minify(a, page)
			}
			if err := files.Add(a, page, p.Src.Path); err != nil {
				d := p.Src.Diag(p.Src.ValuePos("aliases", p.Src.Aliases[i]), "aliases: "+err.Error()+"; remove the alias or rename the page")
				diags = append(diags, d)
				continue
			}
			redirects = append(redirects, publish.Redirect{From: s.BasePath + strings.TrimSuffix(a, "index.html"), To: s.Permalink(p)})
		}
	}
	return redirects, diags
}

// emitRest hands the sink every file that still holds its data (all but
// the pages, which went out as they were rendered), until ctx is done.
func (c *renderCache) emitRest(ctx context.Context, files *output.Files) diag.List {
	for _, name := range files.Names() {
		if ctx.Err() != nil {
			return nil
		}
		if data, _ := files.Get(name); data != nil {
			if err := c.sink(name, data); err != nil {
				return diag.List{{Path: name, Message: err.Error()}}
			}
			files.Set(name, nil, files.Origin(name))
		}
	}
	return nil
}

// updated is when a page last changed: its updated field, else what
// Options.Updated says of its file.
func (c *renderCache) updated(p *site.Page) time.Time {
	if !p.Src.Updated.IsZero() || c.opts.Updated == nil {
		return p.Src.Updated
	}
	return c.opts.Updated(p.Src.Path)
}

// headerRules are the security headers for every page and immutable
// caching for the fingerprinted stylesheets and scripts.
func (c *renderCache) headerRules(s *site.Site) publish.HeaderRules {
	r := publish.HeaderRules{BasePath: s.BasePath, Security: []string{
		"Content-Security-Policy: " + publish.ContentSecurityPolicy,
		"X-Content-Type-Options: nosniff",
		"Referrer-Policy: strict-origin-when-cross-origin",
	}}
	if c.opts.Fingerprint {
		for _, a := range slices.Concat(c.assets.CSS, c.assets.HeadJS, c.assets.JS) {
			r.Immutable = append(r.Immutable, s.BasePath+a)
		}
	}
	return r
}

// precompress adds .gz and .br siblings of the named text files, in
// parallel, until ctx is done (the files are then incomplete).
func precompress(ctx context.Context, files *output.Files, names []string) {
	type result struct{ name, gz, br []byte }
	var todo []string
	for _, n := range names {
		if publish.Compressible(n) {
			todo = append(todo, n)
		}
	}
	gz, br := make([][]byte, len(todo)), make([][]byte, len(todo))
	pool.Each(ctx, len(todo), func(_, i int) {
		data, _ := files.Get(todo[i])
		gz[i], br[i] = publish.Gzip(data), publish.Brotli(data)
	})
	if ctx.Err() != nil {
		return
	}
	for i, n := range todo {
		files.Set(n+".gz", gz[i], files.Origin(n))
		files.Set(n+".br", br[i], files.Origin(n))
	}
}

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

// searchIndex builds the search index files, reusing the work of the last
// build for unchanged pages, and remembers their names.
func (c *renderCache) searchIndex(s *site.Site) map[string][]byte {
	if c.indexer == nil {
		c.indexer = search.NewIndexer()
	}
	idx := c.indexer.Index(searchDocs(s, c.packed))
	c.searchNames = c.searchNames[:0]
	for name := range idx {
		c.searchNames = append(c.searchNames, name)
	}
	return idx
}

// drawLifecycle draws the lifecycle with package diagram, minified when
// the build minifies (pages showing it are not minified as a whole).
func (c *renderCache) drawLifecycle(steps []render.LifecycleStep, loops [][2]int) string {
	svg := drawLifecycle(steps, loops)
	if c.minify != nil {
		if small, err := c.minify.Minify(".svg", []byte(svg)); err == nil {
			return string(small)
		}
	}
	return svg
}

func drawLifecycle(steps []render.LifecycleStep, loops [][2]int) string {
	stages := make([]diagram.Stage, len(steps))
	for i, st := range steps {
		stages[i] = diagram.Stage{Title: st.Link.Title, URL: st.Link.URL}
		for _, m := range st.Members {
			stages[i].Roles = append(stages[i].Roles, diagram.Link{Title: m.Title, URL: m.URL})
		}
		if st.More > 0 {
			// The stage's page lists them all.
			stages[i].Roles = append(stages[i].Roles, diagram.Link{Title: fmt.Sprintf("and %d more", st.More), URL: st.Link.URL})
		}
	}
	edges := make([]diagram.Loop, len(loops))
	for i, l := range loops {
		edges[i] = diagram.Loop{From: l[0], To: l[1]}
	}
	return diagram.Lifecycle(stages, edges)
}

// searchDocs describes every page to the search index.
func searchDocs(s *site.Site, packed *packedDocs) []search.Doc {
	var docs []search.Doc
	for _, p := range allPages(s) {
		d := search.Doc{Path: p.URL, Title: p.Title(), Summary: p.Summary(), Text: p.Doc.Text}
		// Unpacked when indexed, one page at a time.
		d.TextFrom = packed.textFrom(p)
		if p.Section != nil {
			d.Section, d.SectionTitle = p.Section.Name, p.Section.Title
		}
		for _, h := range p.Doc.Headings {
			d.Headings = append(d.Headings, h.Text)
		}
		docs = append(docs, d)
	}
	return docs
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

// collision reports two sources writing the same output file, at the first
// source when it is a content file.
func collision(s *site.Site, origin string, err error) diag.Diagnostic {
	// Report it at a file of the site's, where the author can act.
	if c, ok := errors.AsType[*output.CollisionError](err); ok {
		origin = cmp.Or(siteFile(c.Second, "content/"), siteFile(c.First, "content/"),
			siteFile(c.Second, "static/"), siteFile(c.First, "static/"), origin)
	}
	return diag.Diagnostic{Path: origin, Message: "output collision: " + err.Error() + "; rename one of them"}
}

// siteFile is origin if it is under folder.
func siteFile(origin, folder string) string {
	if strings.HasPrefix(origin, folder) {
		return origin
	}
	return ""
}

// claim reserves the output path of every page before any is rendered,
// so that a page whose path collides with a static file or another page is
// reported and never written: a streaming build writes pages as they are
// rendered, and a write into a file where a folder is needed would fail
// with no word of why. A colliding job gets its diagnostic as its error.
func claim(s *site.Site, files *output.Files, jobs []*pageJob) {
	for _, j := range jobs {
		if err := files.Add(j.out, nil, j.origin); err != nil {
			j.err = collision(s, j.origin, err)
		}
	}
}

// addStatic copies static/ (site files over the embedded defaults) and
// returns the stylesheets and scripts every page links.
func (c *renderCache) addStatic(files *output.Files, theme fs.FS) (render.Assets, diag.List) {
	var assets render.Assets
	var diags diag.List
	err := fs.WalkDir(theme, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, readDiag(name, err, "file"))
			return nil
		}
		if d.IsDir() {
			if name != "static" && ignored(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if ignored(d.Name()) {
			return nil
		}
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			diags = append(diags, readDiag(name, err, "file"))
			return nil
		}
		rel := strings.TrimPrefix(name, "static/")
		if c.minify != nil && publish.Minifies(rel) {
			min, err := c.minify.Minify(rel, data)
			if err != nil {
				diags = append(diags, diag.Diagnostic{Path: name, Message: err.Error() + "; fix the file or build with --minify=false"})
				return nil
			}
			data = min
		}
		isCSS := strings.HasPrefix(rel, "css/") && path.Ext(rel) == ".css" && !strings.Contains(rel[4:], "/")
		isJS := strings.HasPrefix(rel, "js/") && path.Ext(rel) == ".js" && !strings.Contains(rel[3:], "/")
		out := rel
		if c.opts.Fingerprint && (isCSS || isJS) {
			out = publish.Fingerprint(rel, data)
		}
		switch {
		case isCSS:
			assets.CSS = append(assets.CSS, out)
		case rel == "js/theme.js":
			assets.HeadJS = append(assets.HeadJS, out)
		case isJS:
			assets.JS = append(assets.JS, out)
		}
		rel = out
		if err := files.Add(rel, data, name); err != nil {
			diags = append(diags, diag.Diagnostic{Path: name, Message: "output collision: " + err.Error()})
		}
		return nil
	})
	if err != nil {
		diags = append(diags, diag.Diagnostic{Path: "static", Message: fmt.Sprint("cannot read: ", err)})
	}
	// The main stylesheet first, so the others can build on it.
	isSite := func(a string) bool {
		return a == "css/site.css" || strings.HasPrefix(a, "css/site.") && strings.Count(a, ".") == 2
	}
	slices.SortStableFunc(assets.CSS, func(a, b string) int {
		switch {
		case isSite(a) == isSite(b):
			return 0
		case isSite(a):
			return -1
		}
		return 1
	})
	return assets, diags
}
