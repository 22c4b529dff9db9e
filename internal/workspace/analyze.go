package workspace

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/pool"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
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
	names, diags := contentFiles(fsys)
	data := make([][]byte, len(names))
	readErrs := make([]error, len(names))
	pool.Each(ctx, len(names), func(_, i int) {
		data[i], readErrs[i] = fs.ReadFile(fsys, names[i])
	})
	if ctx.Err() != nil {
		return nil
	}
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
		if old := a.files[names[i]]; old != nil && old.unsafe == unsafe && bytes.Equal(old.data, data[i]) {
			results[i] = old
			return
		}
		p := &parsed{data: data[i], unsafe: unsafe}
		p.page, p.diags = content.Parse(names[i], data[i])
		if p.page != nil {
			p.doc = conv.Convert(p.page.Body)
		}
		results[i] = p
	})
	if ctx.Err() != nil {
		return nil
	}
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
			doc := p.doc
			doc.HTML, doc.Text = nil, ""
			inputs = append(inputs, site.Input{Page: p.page, Doc: doc})
		}
	}
	a.files = fresh
	if len(names) == 0 && len(diags) == 0 {
		diags = diag.List{{Path: "content", Message: "no markdown files: is this a site folder? Pass --src DIR, or add content/_index.md"}}
	}
	s, more := site.Resolve(inputs, site.Options{Drafts: a.opts.Drafts})
	return newSnapshot(s, fresh, append(diags, more...).Sorted())
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
		if name != "content" && ignored(path.Base(name)) {
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

// ignored tells dot-files and editor temporary files apart from content,
// as a build does.
func ignored(base string) bool {
	return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") ||
		strings.HasSuffix(base, ".swp") || strings.Contains(base, "___jb_")
}
