package build

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/diagram"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/output"
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
	tplDiags diag.List
	pages    map[string]cachedPage // output path -> last rendering
}

type cachedPage struct {
	key  uint64
	data []byte
}

func newRenderCache() *renderCache {
	return &renderCache{seed: maphash.MakeSeed(), pages: map[string]cachedPage{}}
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
		c.tpl, c.tplDiags = render.LoadTemplates(theme, sections)
		c.tplKey = key
		clear(c.pages)
	}
	return c.tpl, c.tplDiags
}

// renderSite executes the templates for every page and adds the machine files.
// It renders even when earlier stages found problems, so that template
// errors are reported in the same run; the files are then discarded.
func renderSite(s *site.Site, theme fs.FS, cache *renderCache) (*output.Files, diag.List) {
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
	assets, more := addStatic(files, theme)
	diags = append(diags, more...)

	// One job per HTML page, rendered in parallel into its own buffer.
	type job struct {
		out    string
		origin string
		kind   string
		sec    string
		view   func(*render.SiteView) *render.PageView
		secPtr *site.Section
		key    uint64
		data   []byte
		err    error
	}
	var jobs []*job
	addPage := func(p *site.Page) {
		kind, sec := render.KindPage, ""
		switch p.Kind {
		case site.KindHome:
			kind = render.KindHome
		case site.KindSection:
			kind, sec = render.KindList, p.Section.Name
		default:
			sec = p.Section.Name
		}
		jobs = append(jobs, &job{out: p.URL + "index.html", origin: p.Src.Path, kind: kind, sec: sec, secPtr: p.Section,
			view: func(sv *render.SiteView) *render.PageView {
				return render.NewPageView(s, sv, p, markdown.Fill(p.Doc.HTML, p.Links))
			}})
	}
	lifecycle := render.NewLifecycleView(s, drawLifecycle)
	withLifecycle := func(j *job) {
		view := j.view
		j.view = func(sv *render.SiteView) *render.PageView {
			v := view(sv)
			v.Lifecycle = lifecycle
			return v
		}
	}
	addPage(s.Home)
	withLifecycle(jobs[len(jobs)-1])
	for _, sec := range s.Sections {
		if sec.Index != nil {
			addPage(sec.Index)
			if s.Lifecycle != nil && s.Lifecycle.Section == sec {
				withLifecycle(jobs[len(jobs)-1])
			}
		} else {
			jobs = append(jobs, &job{out: sec.Name + "/index.html", origin: "content/" + sec.Name + "/", kind: render.KindList, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewSectionView(s, sv, sec) }})
		}
		for _, p := range sec.Pages {
			addPage(p)
			partners := s.ComparePartners(p)
			if len(partners) == 0 {
				continue
			}
			jobs = append(jobs, &job{out: render.CompareIndexPath(p) + "index.html", origin: p.Src.Path, kind: render.KindComparisons, sec: sec.Name, secPtr: sec,
				view: func(sv *render.SiteView) *render.PageView { return render.NewComparisonsView(s, sv, p) }})
			for _, q := range partners {
				jobs = append(jobs, &job{out: render.ComparePath(p, q) + "index.html", origin: p.Src.Path, kind: render.KindCompare, sec: sec.Name, secPtr: sec,
					view: func(sv *render.SiteView) *render.PageView { return render.NewCompareView(s, sv, p, q) }})
			}
		}
	}
	for _, d := range s.Matrices {
		jobs = append(jobs, &job{out: render.MatrixPath(d) + "index.html", origin: "content/_index.md", kind: render.KindMatrix,
			view: func(sv *render.SiteView) *render.PageView { return render.NewMatrixView(s, sv, s.Matrix(d)) }})
	}
	jobs = append(jobs, &job{out: "search/index.html", origin: "templates/search.html", kind: render.KindSearch,
		view: func(sv *render.SiteView) *render.PageView { return render.NewSearchView(s, sv) }})
	jobs = append(jobs, &job{out: "404.html", origin: "templates/404.html", kind: render.KindNotFound,
		view: func(sv *render.SiteView) *render.PageView { return render.NewNotFoundView(s, sv) }})

	siteViews := map[*site.Section]*render.SiteView{nil: render.NewSiteView(s, nil, assets)}
	for _, sec := range s.Sections {
		siteViews[sec] = render.NewSiteView(s, sec, assets)
	}
	var wg sync.WaitGroup
	next := make(chan *job)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			hasher := newViewHasher(cache.seed)
			for j := range next {
				view := j.view(siteViews[j.secPtr])
				j.key = hasher.sum(j.kind+"\x00"+j.sec, view)
				if prev, ok := cache.pages[j.out]; ok && prev.key == j.key {
					j.data = prev.data
					continue
				}
				buf.Reset()
				j.err = tpl.Execute(&buf, j.kind, j.sec, view)
				j.data = bytes.Clone(buf.Bytes())
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()

	seenTemplateErr := map[string]bool{}
	fresh := make(map[string]cachedPage, len(jobs))
	for _, j := range jobs {
		if j.err == nil {
			fresh[j.out] = cachedPage{key: j.key, data: j.data}
		}
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
		if err := files.Add(j.out, j.data, j.origin); err != nil {
			diags = append(diags, collision(s, j.origin, err))
		}
	}
	for _, p := range allPages(s) {
		for i, a := range p.Aliases {
			origin := p.Src.Path
			if err := files.Add(a, render.Alias(p.Title(), render.Absolute(s, s.Permalink(p))), origin); err != nil {
				d := p.Src.Diag(p.Src.ValuePos("aliases", p.Src.Aliases[i]), "aliases: "+err.Error()+"; remove the alias or rename the page")
				diags = append(diags, d)
			}
		}
	}
	cache.pages = fresh
	for name, data := range search.Index(searchDocs(s)) {
		if err := files.Add(name, data, "the search index"); err != nil {
			diags = append(diags, collision(s, files.Origin(name), err))
		}
	}
	machine := []struct {
		name string
		data []byte
	}{
		{"sitemap.xml", render.Sitemap(s, allPages(s))},
		{"robots.txt", render.Robots(s)},
		{"graph.json", render.GraphJSON(s)},
	}
	for _, m := range machine {
		if err := files.Add(m.name, m.data, "the generated "+m.name); err != nil {
			diags = append(diags, collision(s, files.Origin(m.name), err))
		}
	}
	return files, diags
}

// drawLifecycle draws the lifecycle with package diagram.
func drawLifecycle(steps []render.LifecycleStep, loops [][2]int) string {
	stages := make([]diagram.Stage, len(steps))
	for i, st := range steps {
		stages[i] = diagram.Stage{Title: st.Link.Title, URL: st.Link.URL}
		for _, m := range st.Members {
			stages[i].Roles = append(stages[i].Roles, diagram.Link{Title: m.Title, URL: m.URL})
		}
	}
	edges := make([]diagram.Loop, len(loops))
	for i, l := range loops {
		edges[i] = diagram.Loop{From: l[0], To: l[1]}
	}
	return diagram.Lifecycle(stages, edges)
}

// searchDocs describes every page to the search index.
func searchDocs(s *site.Site) []search.Doc {
	var docs []search.Doc
	for _, p := range allPages(s) {
		d := search.Doc{Path: p.URL, Title: p.Title(), Summary: p.Summary(), Text: p.Doc.Text}
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
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func collision(s *site.Site, origin string, err error) diag.Diagnostic {
	return diag.Diagnostic{Path: origin, Message: "output collision: " + err.Error() + "; rename one of them"}
}

// addStatic copies static/ (site files over the embedded defaults) and
// returns the stylesheets and scripts every page links.
func addStatic(files *output.Files, theme fs.FS) (render.Assets, diag.List) {
	var assets render.Assets
	var diags diag.List
	err := fs.WalkDir(theme, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, diag.Diagnostic{Path: name, Message: "cannot read: " + readError(err)})
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
			diags = append(diags, diag.Diagnostic{Path: name, Message: "cannot read: " + readError(err)})
			return nil
		}
		rel := strings.TrimPrefix(name, "static/")
		switch {
		case strings.HasPrefix(rel, "css/") && path.Ext(rel) == ".css" && !strings.Contains(rel[4:], "/"):
			assets.CSS = append(assets.CSS, rel)
		case rel == "js/theme.js":
			assets.HeadJS = append(assets.HeadJS, rel)
		case strings.HasPrefix(rel, "js/") && path.Ext(rel) == ".js" && !strings.Contains(rel[3:], "/"):
			assets.JS = append(assets.JS, rel)
		}
		if err := files.Add(rel, data, name); err != nil {
			diags = append(diags, diag.Diagnostic{Path: name, Message: "output collision: " + err.Error()})
		}
		return nil
	})
	if err != nil {
		diags = append(diags, diag.Diagnostic{Path: "static", Message: fmt.Sprint("cannot read: ", err)})
	}
	// The main stylesheet first, so the others can build on it.
	slices.SortStableFunc(assets.CSS, func(a, b string) int {
		return cmp.Compare(boolInt(a != "css/site.css"), boolInt(b != "css/site.css"))
	})
	return assets, diags
}
