package build

import (
	"io/fs"
	"runtime"
	"sync"
	"time"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/linkcheck"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/site"
)

// Options change what a build produces.
type Options struct {
	BaseURL string // overrides base_url from content/_index.md
	Drafts  bool   // include draft pages

	CheckLinks  bool // check every internal link of the output (see package linkcheck)
	Minify      bool // minify HTML, CSS, JS and SVG
	Fingerprint bool // give stylesheets and scripts content-hashed names
	Precompress bool // add .gz and .br siblings of text files

	// Emit, when set, receives every output file as soon as it is final,
	// and the build keeps none of their contents: Result.Files then lists
	// names only, and each page's converted body and text are released as
	// soon as they are used (Result.Site's pages no longer hold them). This
	// is how a one-shot build writes a large site without holding it in
	// memory; such a Builder keeps nothing for a rebuild. An error from
	// Emit fails the build. Emit must not keep data once it returns (the
	// build reuses it for the next file): it copies what it keeps.
	Emit func(name string, data []byte) error

	// Updated tells when a content file last changed (its last commit, say)
	// for sitemap.xml and the feed, when the page gives no updated date.
	// Nil, or a zero time, means unknown. It must not be the build time:
	// output stays the same from run to run.
	Updated func(path string) time.Time
}

// Result is the outcome of one build.
type Result struct {
	Files       *output.Files // nil when the build failed
	Site        *site.Site    // the resolved site (nil when it could not be resolved)
	Diagnostics diag.List     // sorted; any entry means the build failed
	Warnings    diag.List     // sorted; worth a word, but the build goes on
	Stats       Stats
}

// Stats summarise a build for the one-line report.
type Stats struct {
	Sections []SectionCount
	Files    int
	Elapsed  time.Duration
	BodyOnly bool // the rebuild re-rendered only edited pages and the search index
}

// SectionCount is the number of pages in one section.
type SectionCount struct {
	Name  string
	Pages int
}

// OK reports whether the build succeeded.
func (r Result) OK() bool { return len(r.Diagnostics) == 0 && r.Files != nil }

// A Builder builds a site again and again, reusing per-file work.
// It is not safe for concurrent use.
type Builder struct {
	defaults fs.FS
	opts     Options
	cache    *loadCache
	renders  *renderCache
	last     *output.Files // the previous build's files, when it succeeded
}

// New returns a Builder whose templates/ and static/ fall back to defaults.
func New(defaults fs.FS, opts Options) *Builder {
	renders := newRenderCache(opts)
	return &Builder{defaults: defaults, opts: opts, cache: newLoadCache(renders.minify), renders: renders}
}

// Build builds the site in src (a folder holding content/ and optionally
// templates/ and static/), reading every file.
func (b *Builder) Build(src fs.FS) Result { return b.build(src, nil) }

// Rebuild builds the site again after the files named in changed (slash
// paths relative to src: created, written or removed) changed since the
// previous build by this Builder. It reads only those content files; the
// result is exactly what Build gives. Before any build, or with a nil list,
// it is Build.
func (b *Builder) Rebuild(src fs.FS, changed []string) Result {
	if changed == nil {
		changed = []string{}
	}
	return b.build(src, changed)
}

func (b *Builder) build(src fs.FS, changed []string) Result {
	start := time.Now()
	theme := overlay{top: src, bottom: b.defaults}

	inputs, diags, edited := b.load(src, changed)
	if b.opts.Emit != nil {
		// A streaming build is a one-shot build: keep nothing for a next one,
		// so that what a page holds can go once the page is written.
		b.cache.files, b.cache.names = map[string]*loaded{}, nil
	}
	s, more := site.Resolve(inputs, site.Options{BaseURL: b.opts.BaseURL, Drafts: b.opts.Drafts})
	diags = append(diags, more...)
	if b.opts.Emit != nil && len(diags) == 0 {
		// Only resolving reports problems in page bodies: what the pages
		// kept for those diagnostics can go.
		for _, in := range inputs {
			in.Page.Compact(nil)
		}
	}
	res := Result{Site: s}
	var files *output.Files
	var links *linkcheck.Checker
	if b.opts.CheckLinks {
		links = linkcheck.NewChecker(s.BasePath, s.BaseURL)
	}
	b.renders.sink = b.sink(links)
	if edited != nil && b.last != nil && len(diags) == 0 && b.opts.Emit == nil {
		files, more = renderEdited(s, b.last, b.renders, edited)
		res.Stats.BodyOnly = true
	} else {
		files, more = renderSite(s, theme, b.renders)
	}
	diags = append(diags, more...)
	if len(diags) == 0 && b.opts.CheckLinks {
		if b.opts.Emit == nil {
			feed(links, files)
		}
		for _, d := range links.Problems() {
			d.Message = "in the built site: " + d.Message + " (a template or static file makes this link)"
			d.Path = "output:" + d.Path
			diags = append(diags, d)
		}
	}
	res.Diagnostics = diags.Sorted()
	res.Warnings = b.cache.notes.warnings()
	b.last = nil
	if len(res.Diagnostics) == 0 {
		res.Files = files
		res.Stats.Files = files.Len()
		if b.opts.Emit == nil {
			b.last = files
		}
	}
	for _, sec := range s.Sections {
		res.Stats.Sections = append(res.Stats.Sections, SectionCount{Name: sec.Name, Pages: len(sec.Pages)})
	}
	res.Stats.Elapsed = time.Since(start)
	return res
}

// sink returns what renders hand each final file to when the build
// streams its output (nil otherwise): the link checker, then Emit, with
// the compressed siblings when asked for.
func (b *Builder) sink(links *linkcheck.Checker) func(name string, data []byte) error {
	if b.opts.Emit == nil {
		return nil
	}
	return func(name string, data []byte) error {
		if links != nil {
			links.Add(name, data)
		}
		if err := b.opts.Emit(name, data); err != nil {
			return err
		}
		if b.opts.Precompress && publish.Compressible(name) {
			if err := b.opts.Emit(name+".gz", publish.Gzip(data)); err != nil {
				return err
			}
			return b.opts.Emit(name+".br", publish.Brotli(data))
		}
		return nil
	}
}

// feed gives every file of a build to the link checker, in parallel.
func feed(links *linkcheck.Checker, files *output.Files) {
	names := files.Names()
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for n := range next {
				data, _ := files.Get(n)
				links.Add(n, data)
			}
		})
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
}

// Build is a one-off clean build.
func Build(src, defaults fs.FS, opts Options) Result {
	return New(defaults, opts).Build(src)
}
