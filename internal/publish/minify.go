package publish

import (
	"bytes"
	"fmt"
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/parse/v2/buffer"
)

// A Minifier minifies files by their extension. It is safe for concurrent use.
type Minifier struct{ m *minify.M }

// NewMinifier returns a Minifier. HTML keeps its document and end tags and
// attribute quotes, so the output stays easy to read in tests and to check
// for links; it loses whitespace between tags, comments and redundant
// attribute values.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/javascript", js.Minify)
	return &Minifier{m: m}
}

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
