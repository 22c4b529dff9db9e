package markdown

import (
	"strings"
	"testing"
)

// TestRawHTMLLeftOpen: where raw HTML is kept, a block that ends inside a
// tag, a comment or a raw-text element, or a paragraph whose inline tags
// open a raw-text element they do not close, is a Problem where the open
// construct begins; closed ones, and the same text where raw HTML is
// shown as text, are none.
func TestRawHTMLLeftOpen(t *testing.T) {
	for _, c := range []struct {
		body string
		want string // the problem begins so, at the body's "@"; "" for none
	}{
		{"<div>\n@<a href=\"/x\n</div>\n", "raw HTML: this tag is not finished"},
		{"<A>\n@<A 0=\"", "raw HTML: this tag is not finished"},
		{"<div>\n@<!-- note\n", "raw HTML: this comment is not closed"},
		{"<div>\n@<!-- note >\n", "raw HTML: this comment is not closed"},
		{"@<style>\np { color: red }\n", "raw HTML: <style> is not closed by </style>"},
		{"<div>\n@<textarea>\n", "raw HTML: <textarea> is not closed"},
		{"Text @<script> and *more*.\n\nNext.\n", "raw HTML: <script> is not closed"},
		{"> Quoted @<title>t\n", "raw HTML: <title> is not closed"},
		{"<div>\n<a href=\"/x\">x</a><!-- c --><!---->\n</div>\n", ""},
		{"<style>\np { color: red }\n</style>\n", ""},
		{"Text <kbd>x</kbd> and <style>p{}</style> and `<script>`.\n", ""},
		{"Text `<textarea>` and <b>bold</b>.\n", ""},
	} {
		at := strings.Index(c.body, "@")
		body := strings.Replace(c.body, "@", "", 1)
		res := New(Options{UnsafeHTML: true}).Convert([]byte(body))
		switch {
		case c.want == "" && len(res.Problems) > 0:
			t.Errorf("%q: unexpected %+v", body, res.Problems)
		case c.want != "" && (len(res.Problems) != 1 || !strings.HasPrefix(res.Problems[0].Message, c.want) || res.Problems[0].Offset != at):
			t.Errorf("%q: got %+v, want one at %d beginning %q", body, res.Problems, at, c.want)
		}
		if safe := New(Options{}).Convert([]byte(body)); len(safe.Problems) > 0 {
			t.Errorf("%q shown as text: unexpected %+v", body, safe.Problems)
		}
	}
}
