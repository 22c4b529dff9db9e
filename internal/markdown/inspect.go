package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Placeholder is the scheme of the href a .md link has until Fill.
const Placeholder = "rolesite-link:"

// inspect walks the document once: it records headings, rewrites links to
// markdown files to placeholders, records the references the output is
// to check (see Ref; raw HTML's when the page keeps it, raw), and
// gathers the plain text.
func inspect(doc ast.Node, src []byte, res *Result, txt *bytes.Buffer, ids *ids, raw bool) {
	var rawSeen ast.Node           // the last block whose raw HTML was read
	cursor := 0                    // for finding links without text in the source
	var lookalikes []*ast.AutoLink // replaced after the walk, which a replacement would cut short
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock && txt.Len() > 0 && txt.Bytes()[txt.Len()-1] != '\n' {
				txt.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			inspectHeading(n, src, res, ids)
		case *ast.Image:
			inspectImage(n, src, res, &cursor, raw)
		case *ast.Link:
			if l, ok := classify(string(n.Destination)); ok {
				l.Offset = linkOffset(n, src, &cursor, n.Destination)
				if l.Path != "" {
					n.Destination = fmt.Appendf(nil, "%s%d", Placeholder, len(res.Links))
				}
				res.Links = append(res.Links, l)
			} else if msg := droppedURL("link to", n.Destination, raw); msg != "" {
				res.Problems = append(res.Problems, Problem{Offset: linkOffset(n, src, &cursor, n.Destination), Message: msg, Warning: true})
				if isLookalike(n.Destination) {
					n.Destination = nil
				}
			} else {
				addRef(res, n.Destination, linkOffset(n, src, &cursor, n.Destination))
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			if raw {
				inspectRawNode(n, src, res, &rawSeen)
			}
		case *ast.Text:
			txt.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				txt.WriteByte(' ')
			}
		case *ast.String:
			txt.Write(n.Value)
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				txt.Write(seg.Value(src))
			}
		case *ast.AutoLink:
			txt.Write(n.Label(src))
			if inspectAutoLink(n, src, res, raw) {
				lookalikes = append(lookalikes, n)
			}
		case *east.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range lookalikes {
		l := ast.NewLink()
		label := ast.NewString(n.Label(src))
		label.SetRaw(true)
		l.AppendChild(l, label)
		n.Parent().ReplaceChild(n.Parent(), n, l)
	}
}

// inspectAutoLink checks an autolink's URL (see droppedURL) and records it
// when it names something of the site (an autolink has a scheme, but one
// that is not a URL at all is the link check's too); it reports whether
// the URL looks like a placeholder, for the link to be replaced.
func inspectAutoLink(n *ast.AutoLink, src []byte, res *Result, raw bool) bool {
	url := n.URL(src)
	if msg := droppedURL("link to", url, raw); msg != "" {
		res.Problems = append(res.Problems, Problem{Offset: max(n.Pos(), 0), Message: msg, Warning: true})
	} else if n.AutoLinkType != ast.AutoLinkEmail {
		addEscapedRef(res, util.URLEscape(url, false), max(n.Pos(), 0))
	}
	return isLookalike(url)
}

// keepOnly drops every attribute of n but the named ones, and returns the
// names of those it dropped. A heading's {...} attributes are there for
// {#id} and {.class}; goldmark would also pass style, title, hidden,
// tabindex and the like, which let content restyle or hide the page
// around it.
func keepOnly(n ast.Node, names ...string) (dropped []string) {
	attrs := n.Attributes()
	if len(attrs) == 0 {
		return nil
	}
	n.RemoveAttributes()
	for _, a := range attrs {
		if slices.Contains(names, string(a.Name)) {
			n.SetAttribute(a.Name, a.Value)
		} else {
			dropped = append(dropped, string(a.Name))
		}
	}
	return dropped
}

// isLookalike reports whether an author's URL starts like a placeholder.
// Fill would take it for one and put another link's URL in its place, so
// such a link keeps its text and loses its href, as a link with a
// dangerous URL does.
func isLookalike(dest []byte) bool { return hasPrefixFold(dest, Placeholder) }

// isImageLookalike reports whether an image's URL starts like either
// placeholder: an image loses it.
func isImageLookalike(dest []byte) bool {
	return isLookalike(dest) || hasPrefixFold(dest, ImagePlaceholder)
}

// hasPrefixFold reports whether b starts with prefix, in any case.
func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// classify decides whether a destination is a link to a markdown file (or a
// fragment of this page) that the site must resolve.
func classify(dest string) (Link, bool) {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
		return Link{}, false
	}
	if frag, ok := strings.CutPrefix(dest, "#"); ok {
		f, err := url.PathUnescape(frag)
		if err != nil {
			f = frag
		}
		return Link{Fragment: f}, true
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return Link{}, false
	}
	if !strings.HasSuffix(strings.ToLower(u.Path), ".md") {
		return Link{}, false
	}
	return Link{Path: u.Path, Fragment: u.Fragment}, true
}

// linkOffset finds the '[' that opens a link (or the '!' of an image): where
// goldmark's link parser says it began; for a link it did not make, just
// before its first text, or failing that the destination's first
// occurrence after the previous link.
func linkOffset(n ast.Node, src []byte, cursor *int, dest []byte) int {
	if p := n.Pos(); p >= 0 && p < len(src) {
		*cursor = max(*cursor, p+1)
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			i := bytes.LastIndexByte(src[:t.Segment.Start], '[')
			if i >= 0 {
				*cursor = t.Segment.Stop
				return i
			}
			break
		}
	}
	if i := bytes.Index(src[min(*cursor, len(src)):], dest); i >= 0 {
		at := *cursor + i
		*cursor = at + len(dest)
		if j := bytes.LastIndex(src[:at], []byte("](")); j >= 0 {
			if k := bytes.LastIndexByte(src[:j], '['); k >= 0 {
				return k
			}
		}
		return at
	}
	return 0
}

// plain gathers the text inside a node.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// inspectHeading records a heading. Any attribute of it but {#id} and
// {.class} is a Problem, and dropped; one whose {#id} is empty, reserved or
// taken is a Problem, and gets an ID made from its text, so that the page
// stays valid HTML while the author fixes it.
func inspectHeading(n *ast.Heading, src []byte, res *Result, ids *ids) {
	if dropped := keepOnly(n, "id", "class"); len(dropped) > 0 {
		what, them := "attribute "+dropped[0]+" is", "it"
		if len(dropped) > 1 {
			what, them = "attributes "+strings.Join(dropped, ", ")+" are", "them"
		}
		res.Problems = append(res.Problems, Problem{Offset: max(n.Pos(), 0), Warning: true, Message: "heading " + what +
			" not kept: a heading takes {#id} and {.class} alone; remove " + them + " from its {...}"})
	}
	v, _ := n.AttributeString("id")
	idb, _ := v.([]byte)
	id, text := string(idb), plain(n, src)
	if msg := ids.check(id); msg != "" {
		res.Problems = append(res.Problems, Problem{Offset: max(n.Pos(), 0), Message: msg})
		id = string(ids.Generate([]byte(text), ast.KindHeading))
		ids.check(id)
		n.SetAttributeString("id", []byte(id))
	}
	res.Headings = append(res.Headings, Heading{Level: n.Level, ID: id, Text: text})
}
