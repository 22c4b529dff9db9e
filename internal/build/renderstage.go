package build

import (
	"context"
	"hash/maphash"
	"io/fs"
	"runtime"
	"slices"
	"strconv"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// renderCache is what the render stage keeps between builds: the parsed
// templates with a key of their sources, what the rooms that do not read
// page bodies left for the others (the assets), and the names of the last
// search index. What the build keeps of its files is its sink's.
type renderCache struct {
	seed     maphash.Seed
	tplKey   uint64
	tpl      *render.Templates
	tplCopy  []*render.Templates // tpl and copies of it, one per render worker
	tplDiags diag.List
	tplWarns diag.List // template files no page uses (see render.UnusedFiles)
	tplSecs  []string  // the sections tpl was made for

	assets      render.Assets // of the last build that copied static/
	static      *staticKept   // what the last build made of static/, when it had no problem
	searchNames []string      // files of the last search index
	imageNames  []string      // images the last build copied from content/

	opts   Options
	minify *publish.Minifier // nil unless opts.Minify
	out    sink
	// bodies holds the pages' bodies and texts for this build.
	bodies bodies
	// related keeps each page's related pages for the dependency keys.
	related *relatedMemo
}

func newRenderCache(opts Options, out sink) *renderCache {
	c := &renderCache{seed: maphash.MakeSeed(), opts: opts, out: out, related: newRelatedMemo()}
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
		c.tplWarns = render.UnusedFiles(theme, templateNames(), sections)
		c.tplCopy = nil
		if c.tpl != nil {
			c.tplCopy = c.tpl.Copies(runtime.GOMAXPROCS(0))
		}
		c.tplKey, c.tplSecs = key, sections
	}
	return c.tpl, c.tplDiags
}

// A renderRun is one run of the render stage: the site, where its files
// go, and what the rooms hand on to the ones after them.
type renderRun struct {
	ctx   context.Context
	c     *renderCache
	s     *site.Site
	theme fs.FS
	files *output.Files
	// edited, when not nil, says that the build started from the last
	// build's files because only the bodies of these content files changed
	// since: the rooms whose files read no body keep theirs, and the pages
	// room renders these pages only.
	edited map[string]bool
	// preview, when not nil, is shown the open pages first (see
	// Options.Preview).
	preview Previewer
	// themeKept is renderHow.themeKept.
	themeKept bool
	rooms     []outputRoom // the rooms this run makes
	started   bool         // their starts have run (see start)
	made      []string     // every file this run made, in order

	assets    render.Assets           // the stylesheets and scripts, for the views
	redirects []publish.Redirect      // of the alias pages, for _redirects
	siteFiles chan []madeFile         // the site files, made beside the pages
	search    map[string][]byte       // the search index, made before the pages
	images    map[*site.Page][]string // each page's image attributes, for markdown.FillImages
}

// start begins the work of the rooms that start beside the rest, if it
// has not begun.
func (r *renderRun) start() {
	if r.started {
		return
	}
	r.started = true
	for _, room := range r.rooms {
		if room.start != nil {
			room.start(r)
		}
	}
}

// add adds a file this run made; its error is a collision (see
// output.Files.Add).
func (r *renderRun) add(name string, data []byte, origin string) error {
	if err := r.files.Add(name, data, origin); err != nil {
		return err
	}
	r.made = append(r.made, name)
	return nil
}

// addMade adds files made whole, reporting collisions at the site's files.
func (r *renderRun) addMade(made []madeFile, origin func(name string) string) diag.List {
	var diags diag.List
	for _, m := range made {
		if err := r.add(m.name, m.data, origin(m.name)); err != nil {
			diags = append(diags, collision(r.files.Origin(m.name), err))
		}
	}
	return diags
}

// remake lets go of a file that origin made in the last build, which a
// build that started from that build's files is about to make again, with
// its compressed siblings. A file of another origin stays, to collide.
func (r *renderRun) remake(name, origin string) {
	if _, ok := r.files.Get(name); !ok || r.files.Origin(name) != origin {
		return
	}
	for _, n := range []string{name, name + ".gz", name + ".br"} {
		r.files.Delete(n)
	}
}

// renderSite runs the rooms (see outputRooms) into files, in order (the
// work a room starts beside the others first), then hands the sink what it
// has not seen yet. It renders even when earlier
// stages found problems, so that template errors are reported in the same
// run; the files are then discarded. When ctx is done it stops and returns
// nothing.
func renderSite(ctx context.Context, s *site.Site, theme fs.FS, cache *renderCache, files *output.Files, how renderHow) (*output.Files, diag.List) {
	var sections []string
	for _, sec := range s.Sections {
		sections = append(sections, sec.Name)
	}
	// Edits of content alone leave templates/ as it was: no need to read
	// and hash it again while the sections, for which the templates were
	// made, are the same.
	tpl, diags := cache.tpl, cache.tplDiags
	if !how.themeKept || tpl == nil || len(diags) > 0 || !slices.Equal(sections, cache.tplSecs) {
		tpl, diags = cache.templates(theme, sections)
	}
	if tpl == nil {
		return nil, diags
	}
	diags = slices.Clone(diags)
	r := &renderRun{ctx: ctx, c: cache, s: s, theme: theme, files: files, edited: how.edited, preview: how.preview,
		themeKept: how.themeKept, assets: cache.assets}
	for _, room := range outputRooms() {
		// After edits of bodies alone, a room whose files read none keeps
		// the last build's.
		if how.edited == nil || room.readsBodies {
			r.rooms = append(r.rooms, room)
		}
	}
	// The rooms' work beside the rest starts now, or, when there are pages
	// to preview, once they are shown (see previewFirst), and at the
	// latest before the first room that has some.
	if r.preview == nil {
		r.start()
	}
	for _, room := range r.rooms {
		if room.start != nil {
			r.start()
		}
		diags = append(diags, room.make(r)...)
	}
	if ctx.Err() != nil {
		return nil, nil
	}
	if len(diags) > 0 {
		// The output is thrown away: handing on more could only add a
		// raw write error (a file where a page made a folder) to the
		// problem that explains it.
		return files, diags
	}
	return files, cache.out.finish(ctx, files, r.made)
}

// renderHow is how a build renders besides its site and files.
type renderHow struct {
	// edited is renderRun.edited.
	edited map[string]bool
	// preview, when not nil, is shown the open pages first.
	preview Previewer
	// themeKept says that templates/ and static/ are as they were for
	// the last good build (only content files changed since).
	themeKept bool
}

// templateKey is a prefix of every view key that stands for the
// templates, so that a page kept from a build with other templates is
// never taken for this one's.
func (c *renderCache) templateKey() string { return strconv.FormatUint(c.tplKey, 16) + "\x00" }
