package markdown

import (
	"bytes"
	"fmt"

	xhtml "golang.org/x/net/html"
)

// checkRawClosed requires the HTML a block with raw HTML gives the page
// (see blockFragment) to leave the page as it found it: read as a
// browser's tokenizer reads it, it must not end inside a tag (a quote or
// '>' missing), inside a comment, or inside an element whose content is
// text up to its end tag (script, style, textarea, title and the like).
// Otherwise the rest of the page, its footer and scripts, would become
// part of that tag, comment or text. Each is a Problem where it begins.
func checkRawClosed(f fragment, res *Result) {
	if at, msg := unclosed(f.text); msg != "" {
		res.Problems = append(res.Problems, Problem{Offset: f.offset(at), Message: msg})
	}
}

// unclosed reads frag as HTML and returns where a tag, comment or
// raw-text element left open at its end begins, and what to say of it;
// "" when none is.
func unclosed(frag []byte) (int, string) {
	z := xhtml.NewTokenizer(bytes.NewReader(frag))
	pos, rawAt := 0, 0
	raw := "" // the raw-text element open, if any
	for {
		tt := z.Next()
		tok := z.Raw()
		switch tt {
		case xhtml.ErrorToken:
			switch {
			case pos < len(frag):
				return pos, "raw HTML: this tag is not finished (a closing quote or '>' is missing), so the rest of the page " +
					"would be read as part of it; finish the tag, or write &lt; for a < meant as text"
			case raw != "":
				return rawAt, fmt.Sprintf("raw HTML: <%s> is not closed by </%[1]s> in this block, so the rest of the page "+
					"would be read as its text; close it before the block ends", raw)
			}
			return 0, ""
		case xhtml.StartTagToken:
			if name, _ := z.TagName(); raw == "" && rawText(string(name)) {
				raw, rawAt = string(name), pos
			}
		case xhtml.EndTagToken:
			if name, _ := z.TagName(); string(name) == raw {
				raw = ""
			}
		case xhtml.CommentToken, xhtml.DoctypeToken:
			if !closedComment(tok) {
				return pos, "raw HTML: this comment is not closed with -->, so the rest of the page would be hidden in it; close it"
			}
		}
		pos += len(tok)
	}
}

// rawText reports whether the tokenizer reads an element's content as
// text up to its end tag.
func rawText(name string) bool {
	switch name {
	case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext":
		return true
	}
	return false
}

// closedComment reports whether a comment token (or a bogus comment or
// doctype, which end at '>') was closed before the end of the input.
func closedComment(tok []byte) bool {
	if bytes.HasPrefix(tok, []byte("<!--")) {
		return bytes.HasSuffix(tok, []byte("-->")) || bytes.HasSuffix(tok, []byte("--!>")) ||
			string(tok) == "<!-->" || string(tok) == "<!--->"
	}
	return bytes.HasSuffix(tok, []byte(">"))
}
