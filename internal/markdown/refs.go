package markdown

import (
	"bytes"
	"net/url"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/rolesite/rolesite/internal/linkcheck"
)

// A Ref is a reference in the body that the site does not resolve itself,
// as it does a link to a markdown file or a relative image: a link by a
// URL of the site ("/downloads/x.pdf", "../tools/python/"), an image by a
// site-absolute URL, or, when raw HTML is kept, a URL of a tag's href or
// src. The build checks it in the page's HTML, as it checks what
// templates write, and reports a broken one here, where the author wrote
// it.
type Ref struct {
	URL    string // as the page's HTML gives it, character references decoded
	Offset int    // byte offset in the body of the link, image or tag
}

// siteURL reports whether a URL is one the site's link check checks: it
// has no scheme and no host, or is not a URL at all. An empty one is the
// page itself.
func siteURL(u []byte) bool {
	if len(u) == 0 {
		return false
	}
	p, err := url.Parse(string(u))
	return err != nil || p.Scheme == "" && p.Host == "" && p.Opaque == ""
}

// addRef records a link's or image's destination, as goldmark writes it,
// when it names something of the site.
func addRef(res *Result, dest []byte, off int) {
	if u := util.URLEscape(dest, true); siteURL(u) {
		res.Refs = append(res.Refs, Ref{URL: string(u), Offset: off})
	}
}

// inspectRaw records the references of raw HTML that the page keeps
// (unsafe_html), each at its URL in the body when the URL is written
// there as it reads, else at the start of its tag's line.
func inspectRaw(segs *text.Segments, src []byte, res *Result) {
	var frag []byte
	starts := make([]int, 0, segs.Len()) // frag offset where each segment begins
	for i := range segs.Len() {
		seg := segs.At(i)
		starts = append(starts, len(frag))
		frag = append(frag, seg.Value(src)...)
	}
	for _, r := range linkcheck.References(frag) {
		if !siteURL([]byte(r.URL)) {
			continue
		}
		at := lineStart(frag, r.Line)
		if i := bytes.Index(frag[at:], []byte(r.URL)); i >= 0 {
			at += i
		}
		k := len(starts) - 1
		for k > 0 && starts[k] > at {
			k--
		}
		off := segs.At(k).Start + at - starts[k] // a tab's padding can put it past the tag
		res.Refs = append(res.Refs, Ref{URL: r.URL, Offset: min(off, len(src))})
	}
}

// lineStart is the offset of the line'th line of b (1 for the first),
// counting "\n", "\r\n" and a lone "\r" as line breaks, as linkcheck does.
func lineStart(b []byte, line int) int {
	at := 0
	for n := 1; n < line && at < len(b); n++ {
		i := bytes.IndexAny(b[at:], "\r\n")
		if i < 0 {
			return at
		}
		at += i + 1
		if b[at-1] == '\r' && at < len(b) && b[at] == '\n' {
			at++
		}
	}
	return at
}

// rawSegments are the segments of a raw HTML node's source: an inline
// tag's, or a block's lines and closing line.
func rawSegments(n ast.Node) *text.Segments {
	switch n := n.(type) {
	case *ast.RawHTML:
		return n.Segments
	case *ast.HTMLBlock:
		segs := text.NewSegments()
		for i := range n.Lines().Len() {
			segs.Append(n.Lines().At(i))
		}
		if n.HasClosure() {
			segs.Append(n.ClosureLine)
		}
		return segs
	}
	return nil
}
