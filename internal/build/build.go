package build

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/linkcheck"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/pool"
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

	// Preview, when set, is shown the pages a reader has open before the
	// build is done (rolesite serve): when the build has found no problem
	// by the time its pages render, the pages Preview.Open names render
	// before the others, and each goes to Preview.Preview as soon as it is
	// final. Result is as without it. A build with Emit does not use it.
	Preview Previewer
}

// A Previewer is shown pages before the build that makes them is done:
// see Options.Preview. serve.Server is one.
type Previewer interface {
	// Open names the output files (such as "roles/analyst/index.html")
	// that a reader has open now.
	Open() []string
	// Preview is given such a file's new bytes as soon as they are final.
	// It must not keep data past the call.
	Preview(name string, data []byte)
}

// Result is the outcome of one build.
type Result struct {
	Files       *output.Files // nil when the build failed
	Site        *site.Site    // the resolved site (nil when it could not be resolved)
	Diagnostics diag.List     // sorted; any entry means the build failed
	Warnings    diag.List     // sorted; worth a word, but the build goes on
	Stats       Stats

	// Stopped is why the build stopped before its end: the cause of its
	// context (context.Cause), when the context was done before the build
	// returned. A stopped build has no Files and no Diagnostics (what it
	// had found so far may be spurious: pages not rendered, links to them
	// not seen). Nil when the build ran to its end.
	Stopped error
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
func (r Result) OK() bool { return r.Stopped == nil && len(r.Diagnostics) == 0 && r.Files != nil }

// A Builder builds a site again and again, reusing per-file work.
// It is not safe for concurrent use.
type Builder struct {
	defaults fs.FS
	opts     Options
	cache    *loadCache
	renders  *renderCache
	out      sink // where files go, and what is kept of them (see sink)
	// last is the site of the previous build when it was good, for a
	// rebuild after edits of page bodies alone (see site.Rebody).
	last *site.Site

	// resolved, when set, sees each site as Resolve returns it, before it
	// is rendered: a seam for the test that proves rendering changes
	// nothing in it.
	resolved func(*site.Site)
}

// New returns a Builder whose templates/ and static/ fall back to defaults.
func New(defaults fs.FS, opts Options) *Builder {
	out := newSink(opts)
	renders := newRenderCache(opts, out)
	return &Builder{defaults: defaults, opts: opts, cache: newLoadCache(renders.minify), renders: renders, out: out}
}

// Build builds the site in src (a folder holding content/ and optionally
// templates/ and static/), reading every file. When ctx is done the build
// stops taking new work and returns a Result whose Stopped says why.
func (b *Builder) Build(ctx context.Context, src fs.FS) Result { return b.build(ctx, src, nil) }

// Rebuild builds the site again after the files named in changed (slash
// paths relative to src: created, written or removed) changed since the
// previous build by this Builder. It reads only those content files; the
// result is exactly what Build gives. Before any build, or with a nil list,
// it is Build. A stopped build (see Result.Stopped) leaves the Builder to
// read every file again on its next build.
func (b *Builder) Rebuild(ctx context.Context, src fs.FS, changed []string) Result {
	if changed == nil {
		changed = []string{}
	}
	return b.build(ctx, src, changed)
}

// build runs the stages in order. Each stage's worker pool stops taking
// work once ctx is done, and build looks at ctx between the stages and
// once more before it returns: a build whose context is done returns the
// stopped Result, never a partial one.
func (b *Builder) build(ctx context.Context, src fs.FS, changed []string) Result {
	start := time.Now()
	// An output that cannot be written (a full disk) stops the build as a
	// signal would, with the first write error as the cause: one error,
	// not one per file still to render.
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	theme := overlay{top: src, bottom: b.defaults}

	inputs, diags, edited := b.load(ctx, src, changed)
	if ctx.Err() != nil {
		return b.stopped(ctx, start)
	}
	// A one-shot build lets the loaded files go here: what they are worth
	// a word for is taken first.
	warnings := b.cache.warnings()
	b.out.loadedAll(b.cache)
	s, more := b.resolve(inputs, edited, len(diags) == 0)
	diags = append(diags, more...)
	if b.resolved != nil {
		b.resolved(s)
	}
	if ctx.Err() != nil {
		return b.stopped(ctx, start)
	}
	res := Result{Site: s}
	var links *linkcheck.Checker
	if b.opts.CheckLinks {
		links = linkcheck.NewChecker(s.BasePath, s.BaseURL)
	}
	// After edits of page bodies alone, the build starts from the last
	// good build's files, when the sink kept them, and makes again only
	// what reads bodies (see outputRooms).
	files := output.NewFiles()
	last := b.out.begin(links, stop)
	switch {
	case edited != nil && last != nil && len(diags) == 0:
		files, res.Stats.BodyOnly = last.Clone(), true
	case last != nil:
		files, edited = output.NewFilesFor(last.Len()), nil
	default:
		edited = nil
	}
	var preview Previewer
	if b.opts.Emit == nil && len(diags) == 0 {
		preview = b.opts.Preview
	}
	how := renderHow{edited: edited, preview: preview, themeKept: edited != nil || b.last != nil && contentOnly(changed)}
	files, more = renderSite(ctx, s, theme, b.renders, files, how)
	diags = append(diags, more...)
	if ctx.Err() != nil {
		return b.stopped(ctx, start)
	}
	if len(diags) == 0 && b.opts.CheckLinks {
		diags = append(diags, b.linkProblems(ctx, s, links, files)...)
	}
	if ctx.Err() != nil {
		return b.stopped(ctx, start)
	}
	res.Diagnostics = diags.Sorted()
	res.Warnings = slices.Concat(warnings, s.Warnings, b.renders.tplWarns).Sorted()
	if len(res.Diagnostics) == 0 {
		res.Files = files
		res.Stats.Files = files.Len()
	}
	b.out.end(res.Files)
	b.last = nil
	if res.Files != nil {
		b.last = s
	}
	for _, sec := range s.Sections {
		res.Stats.Sections = append(res.Stats.Sections, SectionCount{Name: sec.Name, Pages: len(sec.Pages)})
	}
	res.Stats.Elapsed = time.Since(start)
	return res
}

// resolve resolves the site of inputs. After edits of page bodies alone
// (edited, see bodyEdits) since a good build, when loading found no
// problem (clean), it makes that build's site anew with the edited
// pages' bodies (see site.Rebody): the pages of a site are made by
// resolving its front matter, which has not changed. After other edits
// since a good build it resolves after that build's site, whose resolved
// body links serve the pages they can (see site.ResolveAfter).
func (b *Builder) resolve(inputs []site.Input, edited map[string]bool, clean bool) (*site.Site, diag.List) {
	if edited != nil && b.last != nil && clean {
		var changed []site.Input
		for _, in := range inputs {
			if edited[in.Page.Path] {
				changed = append(changed, in)
			}
		}
		if s, diags, ok := site.Rebody(b.last, changed); ok && len(changed) == len(edited) {
			return s, diags
		}
	}
	return site.ResolveAfter(b.last, inputs, site.Options{BaseURL: b.opts.BaseURL, Drafts: b.opts.Drafts})
}

// stopped is the Result of a build whose context is done. What the
// stopped build left in the Builder's caches is keyed by content and safe
// to reuse, but the list of files and the last build's output are not: the
// next build walks content/ and renders every page.
func (b *Builder) stopped(ctx context.Context, start time.Time) Result {
	b.out.end(nil)
	b.last = nil
	b.cache.names = nil
	return Result{Stopped: context.Cause(ctx), Stats: Stats{Elapsed: time.Since(start)}}
}

// An OutputError is the cause of a build stopped because Emit failed.
type OutputError struct{ Err error }

func (e *OutputError) Error() string { return e.Err.Error() }
func (e *OutputError) Unwrap() error { return e.Err }

// feed gives every file of a build to the link checker, in parallel,
// until ctx is done.
func feed(ctx context.Context, links *linkcheck.Checker, files *output.Files) {
	names := files.Names()
	pool.Each(ctx, len(names), func(_, i int) {
		data, _ := files.Get(names[i])
		links.Add(names[i], data)
	})
}

// Build is a one-off clean build.
func Build(ctx context.Context, src, defaults fs.FS, opts Options) Result {
	return New(defaults, opts).Build(ctx, src)
}

// contentOnly reports whether a rebuild's list of changed files names
// files under content/ alone (nil, a build of every file, does not).
func contentOnly(changed []string) bool {
	for _, name := range changed {
		if !strings.HasPrefix(name, "content/") {
			return false
		}
	}
	return changed != nil
}
