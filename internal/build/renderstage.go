package build

import (
	"context"
	"hash/maphash"
	"io/fs"
	"runtime"
	"slices"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/output"
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
	// bodies holds the pages' bodies and texts for this build.
	bodies bodies
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
		c.tpl, c.tplDiags = render.LoadTemplates(theme, templateNames(), sections, minify)
		c.tplCopy = nil
		if c.tpl != nil {
			c.tplCopy = c.tpl.Copies(runtime.GOMAXPROCS(0))
		}
		c.tplKey = key
		clear(c.pages)
	}
	return c.tpl, c.tplDiags
}

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
	}
	// The files made from the site alone are made while the pages render.
	machineFiles := make(chan []madeFile, 1)
	go func() { machineFiles <- cache.makeSiteFiles(s) }()
	jobs := cache.pageJobs(s)
	claim(files, jobs)
	cache.run(ctx, jobs, siteViews(s, assets))
	if ctx.Err() != nil {
		// Wait for the machine files: their goroutine reads the options
		// (Updated), which are the caller's again once the build returns.
		<-machineFiles
		return nil, nil
	}
	diags = append(diags, cache.collect(jobs, files)...)
	redirects, more := cache.addAliases(s, files)
	diags = append(diags, more...)
	if searchFiles == nil {
		searchFiles = cache.searchIndex(s)
	}
	for name, data := range searchFiles {
		if err := files.Add(name, data, "the search index"); err != nil {
			diags = append(diags, collision(files.Origin(name), err))
		}
	}
	machine := append(<-machineFiles, cache.makeHostFiles(s, redirects)...)
	for _, m := range machine {
		if err := files.Add(m.name, m.data, "the generated "+m.name); err != nil {
			diags = append(diags, collision(files.Origin(m.name), err))
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
