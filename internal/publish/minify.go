package publish

import (
	"bytes"
	"fmt"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/parse/v2/buffer"
)

// A Minifier minifies files by their extension. It is safe for concurrent use.
type Minifier struct {
	m   *minify.M
	tpl *minify.M // HTML templates: the same rules, {{actions}} left alone
}

// NewMinifier returns a Minifier. HTML keeps its document and end tags and
// attribute quotes, so the output stays easy to read in tests and to check
// for links; it loses whitespace between tags, comments and redundant
// attribute values.
func NewMinifier() *Minifier {
	rules := html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: true}
	m := minify.New()
	m.Add("text/html", &rules)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/javascript", js.Minify)
	// Templates get HTML rules only: CSS and JS inside a template may hold
	// actions, which their minifiers would not know; they stay as written.
	tplRules := rules
	tplRules.TemplateDelims = html.GoTemplateDelims
	tpl := minify.New()
	tpl.Add("text/html", &tplRules)
	return &Minifier{m: m, tpl: tpl}
}

// MinifyTemplate minifies the source of an html/template file: the markup
// between {{actions}} loses what Minify would take from the pages the
// template writes, so that those pages come out minified without a pass
// over each (see render.LoadTemplates).
func (m *Minifier) MinifyTemplate(name string, src []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(src))
	if err := m.tpl.Minify("text/html", &out, bytes.NewReader(src)); err != nil {
		return nil, fmt.Errorf("cannot minify %s: %w", name, err)
	}
	// The minifier leaves whitespace beside actions, not knowing what they
	// write; beside a block tag it goes whatever they write.
	small := spaceBeforeBlock.ReplaceAll(out.Bytes(), []byte("$1$2"))
	return spaceAfterBlock.ReplaceAll(small, []byte("$1$2")), nil
}

// blockTags are the tags whitespace next to which the HTML minifier drops
// (its own list, less pre, whose content keeps its spaces), and the tags of
// a document's head.
const blockTags = `(?:address|article|aside|blockquote|br|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|head|header|hgroup|hr|html|legend|li|main|menu|nav|noscript|ol|option|p|section|style|summary|table|tbody|td|tfoot|th|thead|title|tr|ul|meta|link|base|body)`

var (
	spaceBeforeBlock = regexp.MustCompile(`(\}\})[ \t\n\r\f]+(</?` + blockTags + `[ \t\n\r\f/>])`)
	spaceAfterBlock  = regexp.MustCompile(`(</?` + blockTags + `(?:[ \t\n\r\f][^<>]*)?>)[ \t\n\r\f]+(\{\{)`)
)

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
}

// Minifies reports whether files with this name are minified.
func Minifies(name string) bool { return mediaTypes[path.Ext(name)] != "" }

// Minify returns data minified according to the file name's extension, or
// data itself for other files.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	if mediaTypes[path.Ext(name)] == "" {
		return data, nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	if err := m.MinifyTo(&out, name, data[:len(data):len(data)]); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// MinifyTo appends data, minified according to the file name's extension
// (or as it is, for other files), to out: a build minifying page after page
// into one buffer allocates nothing per page. The minifier reads data in
// place and briefly writes a terminating byte into its spare capacity (the
// bytes between len and cap), restored before MinifyTo returns; data with
// no spare capacity is copied once instead.
func (m *Minifier) MinifyTo(out *bytes.Buffer, name string, data []byte) error {
	mt := mediaTypes[path.Ext(name)]
	if mt == "" {
		out.Write(data)
		return nil
	}
	if err := m.m.Minify(mt, out, buffer.NewReader(data)); err != nil {
		return fmt.Errorf("cannot minify %s: %w", name, err)
	}
	return nil
}

// MinifyFragment appends html, a page's body as the markdown converter
// wrote it, minified, to out: the same bytes as MinifyTo(out, ".html",
// html), by a fast path for the HTML goldmark writes (see minifyFragment)
// and by the minifier for anything else.
func (m *Minifier) MinifyFragment(out *bytes.Buffer, html []byte) error {
	if minifyFragment(out, html) {
		return nil
	}
	return m.MinifyTo(out, ".html", html)
}
