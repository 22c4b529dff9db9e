package markdown

import (
	"bytes"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/rolesite/rolesite/internal/linkcheck"
)

// inspectRawNode reads the raw HTML of a node that the page keeps
// (unsafe_html) as the page will have it: it records the references (see
// Ref) and checks that the node's block leaves nothing open (see
// checkRawClosed), once a block: seen is the last block read.
func inspectRawNode(n ast.Node, src []byte, res *Result, seen *ast.Node) {
	block := n
	if _, inline := n.(*ast.RawHTML); inline {
		block = enclosingBlock(n)
		if block == *seen {
			return
		}
		*seen = block
	}
	f := blockFragment(block, src)
	inspectRaw(f, res)
	checkRawClosed(f, res)
}

// inspectRaw records the references of a fragment, each at its URL in the
// body when the URL is written there as it reads or with &amp; and the
// like, else where its line begins.
func inspectRaw(f fragment, res *Result) {
	for _, r := range linkcheck.References(f.text) {
		if !siteURL([]byte(r.URL)) {
			continue
		}
		at := lineStart(f.text, r.Line)
		for _, written := range []string{r.URL, html.EscapeString(r.URL)} {
			if i := bytes.Index(f.text[at:], []byte(written)); i >= 0 {
				at += i
				break
			}
		}
		res.Refs = append(res.Refs, Ref{URL: r.URL, Offset: f.offset(at)})
	}
}

// enclosingBlock is the block an inline node is in.
func enclosingBlock(n ast.Node) ast.Node {
	b := n.Parent()
	for b != nil && b.Type() != ast.TypeBlock {
		b = b.Parent()
	}
	return b
}

// A fragment is HTML as a block of the body gives it to the page, with
// where each piece of it came from in the body.
type fragment struct {
	text   []byte
	pieces []piece
	size   int // of the body
}

// A piece is a run of a fragment: from text[at], the body's bytes from
// src on, as written (verbatim) or escaped as text (of the bytes raw).
type piece struct {
	at, src  int
	verbatim bool
	raw      []byte
}

func (f *fragment) add(b []byte, src int, verbatim bool) {
	f.pieces = append(f.pieces, piece{at: len(f.text), src: src, verbatim: verbatim})
	if verbatim {
		f.text = append(f.text, b...)
	} else {
		f.pieces[len(f.pieces)-1].raw = b
		f.text = append(f.text, util.EscapeHTML(b)...)
	}
}

// blockFragment is the HTML a block gives the page where raw HTML is
// kept: an HTML block's lines and closing line as written; for a block of
// inline content, its raw tags as written and its text escaped, in order
// (the tags markdown itself writes left out), so that what a raw tag does
// to the text after it is read too (the url() of CSS after an inline
// <style>), and text that only looks like a tag is not.
func blockFragment(block ast.Node, src []byte) fragment {
	f := fragment{size: len(src)}
	if b, ok := block.(*ast.HTMLBlock); ok {
		for i := range b.Lines().Len() {
			seg := b.Lines().At(i)
			f.add(seg.Value(src), seg.Start, true)
		}
		if b.HasClosure() {
			f.add(b.ClosureLine.Value(src), b.ClosureLine.Start, true)
		}
		return f
	}
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				f.add(seg.Value(src), seg.Start, true)
			}
		case *ast.Text:
			f.add(n.Segment.Value(src), n.Segment.Start, false)
		case *ast.String:
			f.add(n.Value, max(n.Pos(), 0), false)
		}
		return ast.WalkContinue, nil
	})
	return f
}

// offset is the body offset of the fragment's byte at: that byte's, or in
// escaped text the byte whose escape holds it (a tab's padding can put it
// past the end of its line, never past the body's).
func (f fragment) offset(at int) int {
	k := len(f.pieces) - 1
	for k > 0 && f.pieces[k].at > at {
		k--
	}
	if k < 0 {
		return 0
	}
	p := f.pieces[k]
	n := at - p.at
	if !p.verbatim {
		i, w := 0, 0
		for ; i < len(p.raw) && w < at-p.at; i++ {
			w += max(len(util.EscapeHTMLByte(p.raw[i])), 1)
		}
		if w > at-p.at {
			i-- // inside the escape of raw[i-1]
		}
		n = i
	}
	return min(p.src+n, max(f.size-1, 0))
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
