package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/images"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/pool"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/sitefiles"
)

// loaded is the per-file work of the load stage: a function of the file's
// bytes and the unsafe_html setting only, so it can be reused across builds.
type loaded struct {
	data   []byte
	unsafe bool
	page   *content.Page
	doc    markdown.Result
	diags  diag.List
	warns  diag.List // what the body is worth a word for (see markdown.Problem.Warning)
	packed packedDoc // the body and text, when loadFile packed them (doc holds neither then)
	// linkPos are the positions of doc.Links, once compact let the body
	// go; they go to the site with the page, for resolving, and no further.
	linkPos []content.Pos
	// imagePos are the positions of doc.Images, for the images room.
	imagePos []content.Pos
	// refPos are the positions of doc.Refs, for the link check.
	refPos []content.Pos
	// gen tells this loading of the file from every other one in the
	// Builder's life: a file read again with the same bytes keeps its
	// loaded, and so its gen (see depKey).
	gen uint64
}

type loadCache struct {
	files      map[string]*loaded
	gens       uint64   // the last loaded.gen given
	names      []string // content files of the last load, sorted; nil before the first
	notes      notes    // what the walk found under content/ besides pages
	converters map[bool]*markdown.Converter
	// minify, when the build minifies, minifies each converted body, once
	// per change of its file: templates minified in advance leave the body
	// the only part of a page still to minify.
	minify func(dst *bytes.Buffer, html []byte) error
}

func newLoadCache(min *publish.Minifier) *loadCache {
	c := &loadCache{files: map[string]*loaded{}, converters: map[bool]*markdown.Converter{}}
	if min != nil {
		c.minify = min.MinifyFragment
	}
	return c
}

func (c *loadCache) converter(unsafe bool) *markdown.Converter {
	if conv := c.converters[unsafe]; conv != nil {
		return conv
	}
	conv := markdown.New(markdown.Options{UnsafeHTML: unsafe, ReservedIDs: render.ReservedIDs(), Minify: c.minify})
	c.converters[unsafe] = conv
	return conv
}

// load reads and converts every markdown file under content/. With a
// non-nil changed list (slash paths relative to the site folder, as the
// watcher reports them) it trusts the cache for every other file: it neither
// walks content/ nor reads files that did not change.
//
// When ctx is done it stops reading and returns nothing, leaving the cache
// as it was.
func (b *Builder) load(ctx context.Context, src fs.FS, changed []string) ([]site.Input, diag.List, map[string]bool) {
	if ctx.Err() != nil {
		return nil, nil, nil
	}
	var names []string
	var diags diag.List
	reread := map[string]bool{}
	if changed != nil && b.cache.names != nil {
		names, reread = b.cache.update(src, changed)
	}
	// A site left without pages is walked again, whatever the watcher
	// said: whether content/ itself is still there changes the problem.
	if len(names) == 0 {
		names, b.cache.notes = walkSorted(src)
		for _, n := range names {
			reread[n] = true
		}
	}
	diags = b.cache.notes.problems()
	if len(names) == 0 && len(diags) == 0 {
		return nil, diag.List{{Path: "content", Message: "no markdown files: is this a site folder? Pass --src DIR, or add content/_index.md"}}, nil
	}
	unsafe := b.unsafeHTML(src, reread)
	conv := b.cache.converter(unsafe)

	results := make([]*loaded, len(names))
	readErrs := make([]error, len(names))
	packers := b.packers(len(names))
	pool.Each(ctx, len(names), func(w, i int) {
		old := b.cache.files[names[i]]
		var data []byte
		if old != nil && !reread[names[i]] {
			data = old.data
		} else {
			var err error
			if data, err = readRegular(src, names[i]); err != nil {
				readErrs[i] = err
				return
			}
		}
		if old != nil && old.unsafe == unsafe && bytes.Equal(old.data, data) {
			results[i] = old
			return
		}
		results[i] = loadFile(conv, names[i], data, unsafe, packers[w])
	})
	if ctx.Err() != nil {
		return nil, nil, nil // some results are missing
	}

	fresh := make(map[string]*loaded, len(names))
	inputs := make([]site.Input, 0, len(names))
	for i, name := range names {
		if err := readErrs[i]; err != nil {
			diags = append(diags, readDiag(name, err, "file"))
			continue
		}
		l := results[i]
		if l.gen == 0 {
			b.cache.gens++
			l.gen = b.cache.gens
		}
		fresh[name] = l
		diags = append(diags, l.diags...)
		if l.page != nil {
			// The site gets the page without its body and text: those stay
			// in the store rendering reads (see bodies).
			doc := l.doc
			doc.HTML, doc.Text = nil, ""
			inputs = append(inputs, site.Input{Page: l.page, Doc: doc, LinkPos: l.linkPos, ImagePos: l.imagePos, RefPos: l.refPos})
			l.linkPos = nil
		}
	}
	b.renders.bodies.fill(fresh)
	edited := bodyEdits(changed, b.cache.files, fresh)
	b.cache.files = fresh // forget deleted files
	b.cache.names = names
	return inputs, diags, edited
}

// unsafeHTML reads the site's unsafe_html setting, which decides how
// markdown is converted, before any page is: from the cached home page
// when it did not change.
func (b *Builder) unsafeHTML(src fs.FS, reread map[string]bool) bool {
	var unsafe bool
	if home := b.cache.files["content/_index.md"]; home != nil && !reread["content/_index.md"] {
		if home.page != nil {
			unsafe, _ = home.page.Params["unsafe_html"].(bool)
		}
	} else if data, err := readRegular(src, "content/_index.md"); err == nil {
		if p, _ := content.Parse("content/_index.md", data); p != nil {
			unsafe, _ = p.Params["unsafe_html"].(bool)
		}
	}
	return unsafe
}

// bodyEdits returns the changed content files when every change is an edit
// of an existing page that left its interface to the rest of the site alone:
// the same front matter bytes and the same heading IDs, parsed without
// problems. Otherwise (any file added or removed, any template or static
// file, any front matter or heading change) it returns nil.
//
// Other pages see a page only through its front matter (title, summary,
// relations, order, aliases...) and its heading IDs (checked fragments); its
// body text reaches no output but its own page and the search index. So
// after such edits only those can differ from the previous build.
func bodyEdits(changed []string, before, after map[string]*loaded) map[string]bool {
	if changed == nil {
		return nil
	}
	edited := map[string]bool{}
	for _, name := range changed {
		if strings.HasPrefix(name, "templates/") || strings.HasPrefix(name, "static/") {
			return nil
		}
		if !sitefiles.IsPage(name) {
			if strings.HasPrefix(name, "content/") && images.Supported(name) {
				return nil // an image: the pages showing it need its size again
			}
			continue // an editor's backup file or anything else no build reads
		}
		old, cur := before[name], after[name]
		if old == nil || cur == nil || old.page == nil || cur.page == nil || len(cur.diags) > 0 || old.unsafe != cur.unsafe ||
			!bytes.Equal(old.page.FrontMatter(), cur.page.FrontMatter()) || !markdown.SameIDs(old.doc.Headings, cur.doc.Headings) {
			return nil
		}
		edited[name] = true
	}
	return edited
}

// walkSorted is walkContent with the pages sorted by path: a walk goes
// folder by folder, "a/b.md" before "a-c.md".
func walkSorted(src fs.FS) ([]string, notes) {
	names, found := walkContent(src)
	slices.Sort(names)
	return names, found
}

// update applies a list of changed paths to the cached list of content
// files, returning the new list and the files to read again. The list is
// kept sorted (load sorts what a walk finds), so that a few changes are a
// few insertions and deletions, not a set of 10,000 names made and sorted
// again.
func (c *loadCache) update(src fs.FS, changed []string) ([]string, map[string]bool) {
	names := slices.Clone(c.names)
	reread := map[string]bool{}
	for _, name := range changed {
		if !sitefiles.IsPage(name) {
			c.notes.update(src, name)
			continue
		}
		st, err := fs.Stat(src, name)
		// A file that cannot be stat'ed for another reason than its
		// absence stays: reading it again reports the error.
		here := err == nil && !st.IsDir() || err != nil && !errors.Is(err, fs.ErrNotExist)
		i, listed := slices.BinarySearch(names, name)
		switch {
		case here && !listed:
			names = slices.Insert(names, i, name)
		case !here && listed:
			names = slices.Delete(names, i, i+1)
		}
		if here {
			reread[name] = true
		}
	}
	return names, reread
}

// packers returns a packer for each worker of a load of n files when the
// sink packs (see sink.packs), nil ones otherwise.
func (b *Builder) packers(n int) []*packer {
	packers := make([]*packer, pool.Workers(n, 1))
	for w := range packers {
		if b.out.packs() {
			packers[w] = new(packer)
		}
	}
	return packers
}

// loadFile parses and converts one file. With a packer, it packs the
// page's body and text as they are converted and compacts the file (see
// compact).
func loadFile(conv *markdown.Converter, name string, data []byte, unsafe bool, pk *packer) *loaded {
	l := &loaded{data: data, unsafe: unsafe}
	l.page, l.diags = content.Parse(name, data)
	if l.page != nil {
		if pk != nil {
			l.doc = conv.ConvertTo(l.page.Body, func(html, text []byte) { l.packed = pk.pack(html, text) })
		} else {
			l.doc = conv.Convert(l.page.Body)
		}
		for _, pr := range l.doc.Problems {
			if pr.Warning {
				l.warns = append(l.warns, l.page.Diag(l.page.BodyPos(pr.Offset), warningPrefix+pr.Message))
			} else {
				l.diags = append(l.diags, l.page.Diag(l.page.BodyPos(pr.Offset), pr.Message))
			}
		}
		for _, im := range l.doc.Images {
			l.imagePos = append(l.imagePos, l.page.BodyPos(im.Offset))
		}
		for _, r := range l.doc.Refs {
			l.refPos = append(l.refPos, l.page.BodyPos(r.Offset))
		}
	}
	if pk != nil {
		l.compact()
	}
	return l
}

// compact lets the file's bytes and the page's markdown go, keeping what
// later diagnostics can point at (the positions of the body's links): a
// one-shot build reads the sources no more, and at 50,000 pages they are
// hundreds of megabytes.
func (l *loaded) compact() {
	l.data = nil
	if l.page == nil {
		return
	}
	l.linkPos = make([]content.Pos, len(l.doc.Links))
	for i, link := range l.doc.Links {
		l.linkPos[i] = l.page.BodyPos(link.Offset)
	}
	l.page.Compact()
}
