package markdown

import (
	"bufio"
	"bytes"
	"slices"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Converter.
type Options struct {
	// UnsafeHTML passes raw HTML in markdown through to the page. Off by
	// default: raw HTML is then shown as text.
	UnsafeHTML bool
	// ReservedIDs are element IDs the templates use; headings never get them.
	ReservedIDs []string
	// Minify, when set, rewrites each converted body into dst, minified
	// (HTML with "rolesite-link:N" placeholders, which it must keep). If it
	// fails, the body stays as converted.
	Minify func(dst *bytes.Buffer, html []byte) error
}

// A Converter turns markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md       goldmark.Markdown
	reserved []string
	unsafe   bool // raw HTML is kept
	minify   func(dst *bytes.Buffer, html []byte) error
	scratch  *sync.Pool // of *scratch, to render into
}

// New returns a Converter set up with opts.
func New(opts Options) *Converter {
	var rendererOpts []renderer.Option
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	} else {
		rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 100)))
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(callouts{}, 100), util.Prioritized(codeBudget{}, 100))),
		goldmark.WithRendererOptions(append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(calloutRenderer{}, 100), util.Prioritized(newCodeRenderer(), 100), util.Prioritized(tableCellRenderer{}, 100)))...),
	)
	return &Converter{md: md, reserved: opts.ReservedIDs, unsafe: opts.UnsafeHTML, minify: opts.Minify, scratch: &sync.Pool{New: func() any { return newScratch() }}}
}

// A Heading is one heading of a page.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// SameIDs reports whether two lists of headings have the same IDs in the
// same order: what a link's fragment from another page can name.
func SameIDs(a, b []Heading) bool {
	return slices.EqualFunc(a, b, func(x, y Heading) bool { return x.ID == y.ID })
}

// A Link is a link in the body to another markdown file or to a fragment of
// the page itself.
type Link struct {
	Path     string // the destination's path part, unescaped ("../tools/python.md"); "" for "#frag"
	Fragment string // without '#'
	Offset   int    // byte offset of the link's '[' in the body
}

// A Problem is something in the body the author must fix, such as an
// unknown callout kind, or, as a Warning, should know of.
type Problem struct {
	Offset  int // byte offset in the body
	Message string
	// Warning marks what is worth a word but leaves a page that works: a
	// link whose URL was dropped, a heading attribute left out.
	Warning bool
}

// A Result is a converted body.
type Result struct {
	HTML     []byte // with "rolesite-link:N" placeholders in place of .md links; none from ConvertTo
	Headings []Heading
	Links    []Link
	Images   []Image   // relative images, their src a "rolesite-image:N" placeholder
	Refs     []Ref     // references the output is to check, in the order of the body
	Text     string    // plain text of the body, for search; none from ConvertTo
	Problems []Problem // in the order of the body
}

// Convert converts one page body.
func (c *Converter) Convert(body []byte) Result {
	var res Result
	c.convert(body, &res, func(html, text []byte) {
		// Pages are held until they are rendered: keep no spare capacity.
		res.HTML, res.Text = bytes.Clone(html), string(text)
	})
	return res
}

// ConvertTo converts one page body as Convert does, but passes its HTML
// and plain text to take instead of copying them into the Result (whose
// HTML and Text stay empty): they are the converter's buffers, valid
// until take returns, for a caller that keeps them in another form.
func (c *Converter) ConvertTo(body []byte, take func(html, text []byte)) Result {
	var res Result
	c.convert(body, &res, take)
	return res
}

func (c *Converter) convert(body []byte, res *Result, take func(html, text []byte)) {
	if at, msg := runaway(body); at >= 0 {
		res.Problems = []Problem{{Offset: at, Message: msg}}
		take(nil, nil)
		return
	}
	ids := newIDs(c.reserved)
	ctx := parser.NewContext(parser.WithIDs(ids))
	doc := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	problems, _ := ctx.Get(problemsKey).([]Problem)
	sc := c.scratch.Get().(*scratch)
	defer c.scratch.Put(sc)
	sc.text.Reset()
	inspect(doc, body, res, &sc.text, ids, c.unsafe)
	compact(res)
	if len(problems) > 0 {
		res.Problems = append(problems, res.Problems...)
		slices.SortStableFunc(res.Problems, func(a, b Problem) int { return a.Offset - b.Offset })
	}
	sc.html.Reset()
	sc.w.Reset(&sc.html)
	if err := c.md.Renderer().Render(sc.w, body, doc); err != nil {
		// goldmark's renderer only fails when its writer fails; a bytes.Buffer does not.
		panic(err)
	}
	out := &sc.html
	if c.minify != nil {
		sc.small.Reset()
		if c.minify(&sc.small, sc.html.Bytes()) == nil {
			out = &sc.small
		}
	}
	take(out.Bytes(), sc.text.Bytes())
}

// scratch is what one conversion writes into; conversions reuse them.
// Handing goldmark a buffered writer of its own spares it making one (of
// 4 kB) per page.
type scratch struct {
	text, html, small bytes.Buffer
	w                 *bufio.Writer
}

func newScratch() *scratch {
	return &scratch{w: bufio.NewWriterSize(nil, 4096)}
}

// escapedHTML renders raw HTML as visible text.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := range segs.Len() {
				seg := segs.At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			b := n.(*ast.HTMLBlock)
			_, _ = w.WriteString("<pre><code>")
			for i := range b.Lines().Len() {
				seg := b.Lines().At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
			}
			if b.HasClosure() {
				_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(src)))
			}
			_, _ = w.WriteString("</code></pre>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}
