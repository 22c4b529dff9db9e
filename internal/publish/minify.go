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
	mt := mediaTypes[path.Ext(name)]
	if mt == "" {
		return data, nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	if err := m.m.Minify(mt, &out, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("cannot minify %s: %w", name, err)
	}
	return out.Bytes(), nil
}
