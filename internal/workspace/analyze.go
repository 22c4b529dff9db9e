package workspace

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/pool"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/sitefiles"
)

// Options change how a site is analysed, as build's do.
type Options struct {
	Drafts bool // keep draft pages, as build --drafts
}

// An Analyzer analyses a site again and again, re-parsing only the files
// whose bytes changed. It is not safe for concurrent use.
type Analyzer struct {
	opts  Options
	files map[string]*parsed
	names []string  // the content files of the last analysis, sorted; nil before
	walk  diag.List // what the last walk of content/ found wrong
	conv  map[bool]*markdown.Converter
}

// parsed is one file's parse: a function of its bytes and unsafe_html.
type parsed struct {
	data   []byte
	unsafe bool
	page   *content.Page
	doc    markdown.Result
	diags  diag.List
}

// New returns an Analyzer.
func New(opts Options) *Analyzer {
	return &Analyzer{opts: opts, files: map[string]*parsed{}, conv: map[bool]*markdown.Converter{}}
}

func (a *Analyzer) converter(unsafe bool) *markdown.Converter {
	if a.conv[unsafe] == nil {
		a.conv[unsafe] = markdown.New(markdown.Options{UnsafeHTML: unsafe, ReservedIDs: render.ReservedIDs()})
	}
	return a.conv[unsafe]
}

// Analyze reads every content file of fsys and returns the analysed site.
// It stops early, returning nil, when ctx is done.
func (a *Analyzer) Analyze(ctx context.Context, fsys fs.FS) *Snapshot {
	return a.Update(ctx, fsys, nil)
}

// Update analyses the site again after the files named in changed (site
// paths: created, written or removed) changed since the last analysis,
// reading only those; the result is what Analyze gives. With a nil list,
// or before any analysis, it is Analyze.
func (a *Analyzer) Update(ctx context.Context, fsys fs.FS, changed []string) *Snapshot {
	names, reread := a.list(fsys, changed)
	data := make([][]byte, len(names))
	readErrs := make([]error, len(names))
	pool.Each(ctx, len(names), func(_, i int) {
		if old := a.files[names[i]]; old != nil && !reread[names[i]] {
			data[i] = old.data
		} else {
			data[i], readErrs[i] = fs.ReadFile(fsys, names[i])
		}
	})
	if ctx.Err() != nil {
		return nil
	}
	results := a.parse(ctx, names, data, readErrs, reread)
	if results == nil {
		return nil
	}
	diags := slices.Clone(a.walk)
	fresh := make(map[string]*parsed, len(names))
	var inputs []site.Input
	for i, name := range names {
		if readErrs[i] != nil {
			diags = append(diags, diag.Diagnostic{Path: name, Message: "cannot read: " + readErrs[i].Error()})
			continue
		}
		p := results[i]
		fresh[name] = p
		diags = append(diags, p.diags...)
		if p.page != nil {
			inputs = append(inputs, site.Input{Page: p.page, Doc: p.doc})
		}
	}
	a.files, a.names = fresh, names
	if len(names) == 0 && len(diags) == 0 {
		diags = diag.List{{Path: "content", Message: "no markdown files: is this a site folder? Pass --src DIR, or add content/_index.md"}}
	}
	s, more := site.Resolve(inputs, site.Options{Drafts: a.opts.Drafts})
	return newSnapshot(s, fresh, append(append(diags, more...), s.Warnings...).Sorted())
}

// list returns the content files and those to read again: every file
// after a walk, or the last list updated with the changed paths.
func (a *Analyzer) list(fsys fs.FS, changed []string) ([]string, map[string]bool) {
	reread := map[string]bool{}
	if changed == nil || a.names == nil {
		var names []string
		names, a.walk = contentFiles(fsys)
		for _, n := range names {
			reread[n] = true
		}
		return names, reread
	}
	set := map[string]bool{}
	for _, n := range a.names {
		set[n] = true
	}
	for _, name := range changed {
		if !sitefiles.IsPage(name) {
			continue
		}
		if st, err := fs.Stat(fsys, name); err == nil && !st.IsDir() || err != nil && !errors.Is(err, fs.ErrNotExist) {
			set[name], reread[name] = true, true // an unreadable file stays, to be reported
		} else {
			delete(set, name)
		}
	}
	return slices.Sorted(maps.Keys(set)), reread
}

// parse parses and converts each file read, reusing the last parse of a
// file not read again or read with the same bytes; nil when ctx is done.
func (a *Analyzer) parse(ctx context.Context, names []string, data [][]byte, readErrs []error, reread map[string]bool) []*parsed {
	var unsafe bool
	for i, n := range names {
		if n == "content/_index.md" && readErrs[i] == nil {
			if p, _ := content.Parse(n, data[i]); p != nil {
				unsafe, _ = p.Params["unsafe_html"].(bool)
			}
		}
	}
	conv := a.converter(unsafe)
	results := make([]*parsed, len(names))
	pool.Each(ctx, len(names), func(_, i int) {
		if readErrs[i] != nil {
			return
		}
		if old := a.files[names[i]]; old != nil && old.unsafe == unsafe && (!reread[names[i]] || bytes.Equal(old.data, data[i])) {
			results[i] = old
			return
		}
		p := &parsed{data: data[i], unsafe: unsafe}
		p.page, p.diags = content.Parse(names[i], data[i])
		if p.page != nil {
			p.doc = conv.Convert(p.page.Body)
			p.doc.HTML, p.doc.Text = nil, ""    // an editor needs the headings and links only
			for _, pr := range p.doc.Problems { // an unknown callout kind, say
				msg := pr.Message
				if pr.Warning {
					msg = "warning: " + msg // as a build's warnings read
				}
				p.diags = append(p.diags, p.page.Diag(p.page.BodyPos(pr.Offset), msg))
			}
		}
		results[i] = p
	})
	if ctx.Err() != nil {
		return nil
	}
	return results
}

// contentFiles lists content/**.md in lexical order as a build's walk does,
// skipping dot-files and editor leftovers.
func contentFiles(fsys fs.FS) ([]string, diag.List) {
	var names []string
	err := fs.WalkDir(fsys, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == "content" {
				return err
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != "content" && sitefiles.Ignored(path.Base(name)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(name, ".md") {
			names = append(names, name)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, diag.List{{Path: "content", Message: "missing: a site folder holds its pages in content/; pass --src DIR to build another folder"}}
	}
	return names, nil
}
