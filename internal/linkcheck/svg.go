package linkcheck

import (
	"bytes"
	"html"
	"strings"
)

// svg finds the IDs and the href and xlink:href references of an inline
// <svg> element, which the HTML scanner hands over whole (see xmlEnd),
// starting on the given line. It reads the element as tdewolff's XML
// lexer tokenised it for the reference, quirks included:
//
//   - An attribute's line is its token's, from the whitespace before
//     its name.
//   - The whitespace before a tag's closing >, /> or ?> is not counted,
//     nor the line breaks inside quoted attribute values, where the lexer
//     turned tabs and line breaks into spaces (and so the value reads).
//   - Every '<' starts a tag; unquoted values end at /> as well.
//
// svg never holds a NUL: the HTML scanner stops at one first.
func (s *found) svg(d []byte, line int32) {
	z := svgScanner{s: s, d: d, line: line}
	z.run()
}

// svgScanner is the state of one walk over an inline SVG.
type svgScanner struct {
	s    *found
	d    []byte
	lp   int   // d[:lp] is counted in line
	line int32 // the line at lp
}

func (z *svgScanner) lineAt(q int) int32 {
	z.line += int32(bytes.Count(z.d[z.lp:q], newline))
	z.lp = q
	return z.line
}

func (z *svgScanner) at(i int) byte {
	if i < len(z.d) {
		return z.d[i]
	}
	return 0
}

// isClose reports whether a tag closes at i, with '>', "/>" or "?>".
func (z *svgScanner) isClose(i int) bool {
	c := z.d[i]
	return c == '>' || (c == '/' || c == '?') && z.at(i+1) == '>'
}

// space skips the XML lexer's whitespace from i.
func (z *svgScanner) space(i int) int {
	for i < len(z.d) {
		if c := z.d[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			break
		}
		i++
	}
	return i
}

// word returns the end of a tag name, attribute name (withEq) or
// unquoted value from i.
func (z *svgScanner) word(i int, withEq bool) int {
	for i < len(z.d) {
		if c := z.d[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '=' && withEq || z.isClose(i) {
			break
		}
		i++
	}
	return i
}

func (z *svgScanner) run() {
	d := z.d
	n := len(d)
	p := 0
	for {
		// Outside tags: text, end tags, comments, CDATA and doctypes are
		// of no interest but their line breaks.
		q := indexByte(d, p, '<')
		if q < 0 {
			return
		}
		p = q + 1 // a start tag's name
		switch c1 := z.at(q + 1); {
		case c1 == '/':
			if p = indexByte(d, q+2, '>') + 1; p == 0 {
				return
			}
		case c1 == '!' && z.at(q+2) == '-' && z.at(q+3) == '-':
			p = pastIndex(d, q+4, "-->")
		case c1 == '!' && bytes.HasPrefix(d[q+2:], []byte("[CDATA[")):
			p = pastIndex(d, q+9, "]]>")
		case c1 == '!' && bytes.HasPrefix(d[q+2:], []byte("DOCTYPE")):
			p = doctypeEnd(d, q+9)
		case c1 == '?':
			p = z.tag(q + 2)
		default:
			p = z.tag(q + 1)
		}
		if p >= n {
			return
		}
	}
}

// tag reads a start tag whose name starts at i and returns where it ends.
func (z *svgScanner) tag(i int) int {
	d := z.d
	n := len(d)
	p := z.word(i, false)
	// Attributes, each token from the whitespace before it.
	for {
		j := z.space(p)
		if j >= n {
			return n
		}
		if z.isClose(j) {
			if bytes.IndexByte(d[p:j], '\n') >= 0 {
				z.lineAt(p)
				z.lp = j
			}
			if d[j] == '>' {
				return j + 1
			}
			return j + 2
		}
		k := z.word(j, true)
		m := z.space(k)
		key := svgKeyOf(d[j:k])
		if m >= n || d[m] != '=' {
			if key != attrOther {
				z.s.svgAttr(key, nil, nil, z.lineAt(p))
			}
			p = k
			continue
		}
		v := z.space(m + 1)
		m = v
		var inner []byte // a quoted value, but its quotes
		if m < n && (d[m] == '"' || d[m] == '\'') {
			e := n
			if c := indexByte(d, m+1, d[m]); c >= 0 {
				e = c
			}
			inner = d[m+1 : e]
			m = min(e+1, n)
		} else {
			m = z.word(m, false)
		}
		if key != attrOther {
			z.s.svgAttr(key, d[v:m], inner, z.lineAt(p))
		}
		if bytes.IndexByte(inner, '\n') >= 0 {
			z.lineAt(v + 1)
			z.lp = v + 1 + len(inner)
		}
		p = m
	}
}

// pastIndex returns the position after the first sep from i, or len(d).
func pastIndex(d []byte, i int, sep string) int {
	if j := bytes.Index(d[i:], []byte(sep)); j >= 0 {
		return i + j + len(sep)
	}
	return len(d)
}

// svgAttr records an id (attrID) or href (attrRef) of an inline SVG
// whose token starts on the given line: raw is its value with its quotes,
// inner the part between the quotes when quoted.
func (s *found) svgAttr(key attrKind, raw, inner []byte, line int32) {
	if bytes.ContainsAny(inner, "\t\n\r") {
		raw = bytes.Clone(raw)
		for i := 1; i <= len(inner); i++ {
			if c := raw[i]; c == '\t' || c == '\n' || c == '\r' {
				raw[i] = ' '
			}
		}
	}
	val := html.UnescapeString(unquote(raw))
	if key == attrID {
		s.ids[val] = true
	} else {
		s.add(val, line)
	}
}

// svgKeyOf classifies an SVG attribute name as attrID, attrRef (href or
// xlink:href) or attrOther, compared after strings.ToLower as the
// reference did: beyond ASCII, the Kelvin sign (U+212A) lowers to "k".
func svgKeyOf(name []byte) attrKind {
	var key string
	var buf [10]byte
	switch {
	case !isASCII(name):
		key = strings.ToLower(string(name))
	case len(name) > len(buf):
		return attrOther
	default:
		for i, c := range name {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		key = string(buf[:len(name)])
	}
	switch key {
	case "id":
		return attrID
	case "href", "xlink:href":
		return attrRef
	}
	return attrOther
}

// doctypeEnd returns the position after the '>' that ends an XML doctype
// whose text starts at i, outside "strings" and [brackets], or len(d).
func doctypeEnd(d []byte, i int) int {
	inString, inBrackets := false, false
	for ; i < len(d); i++ {
		switch c := d[i]; {
		case c == '"':
			inString = !inString
		case (c == '[' || c == ']') && !inString:
			inBrackets = c == '['
		case c == '>' && !inString && !inBrackets:
			return i + 1
		}
	}
	return len(d)
}
