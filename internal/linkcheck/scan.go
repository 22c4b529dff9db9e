package linkcheck

import (
	"bytes"
)

// html finds the references and IDs of an HTML document. It is a
// hand-written scanner that extracts exactly what the tdewolff/parse HTML
// lexer's tokens gave (reference_test.go keeps that walk; the
// differential and fuzz tests hold the two together), quirks included:
//
//   - A line is 1 plus the line breaks before a token, except that the
//     whitespace before a start tag's closing > or /> is never counted.
//   - An attribute's line is its token's (from the whitespace before its
//     name) plus the line breaks before the first occurrence of its raw
//     value in the token, its name lowercased.
//   - Text after </style> is still read as CSS, up to the next start tag.
//   - <svg>, <math> and <xml> are taken whole, up to the matching end tag
//     (counting nesting, skipping "quoted" parts); a NUL inside one ends
//     the scan.
//
// It never writes to data.
func (s *found) html(data []byte) {
	z := htmlScanner{s: s, data: data, line: 1}
	z.run()
}

// htmlScanner is the state of one walk over a document.
type htmlScanner struct {
	s    *found
	data []byte
	lp   int   // data[:lp] is counted in line
	line int32 // the line at lp

	tag            tagKind // the last start tag (not svg, math or xml)
	isRefresh      bool    // the tag has http-equiv="refresh"
	refreshContent string  // the tag's content attribute
}

type tagKind uint8

const (
	tagOther tagKind = iota
	tagA
	tagStyle
)

// rawKind names the elements whose content the lexer does not tokenise.
type rawKind uint8

const (
	rawNone rawKind = iota
	rawTextarea
	rawTitle
	rawStyle
	rawXmp
	rawIframe
	rawScript
	rawPlaintext
	rawSVG
	rawMath
	rawXML
)

var rawNames = [...]string{"", "textarea", "title", "style", "xmp", "iframe", "script", "plaintext", "svg", "math", "xml"}

// lineAt returns the line at q, which is never before an earlier q.
func (z *htmlScanner) lineAt(q int) int32 {
	z.line += int32(bytes.Count(z.data[z.lp:q], newline))
	z.lp = q
	return z.line
}

var newline = []byte("\n")

// at returns data[i], or 0 past the end.
func (z *htmlScanner) at(i int) byte {
	if i < len(z.data) {
		return z.data[i]
	}
	return 0
}

func (z *htmlScanner) run() {
	d := z.data
	n := len(d)
	p := 0         // where the next token starts
	textStart := 0 // where the pending text token started
	for {
		q := indexByte(d, p, '<')
		if q < 0 {
			z.text(textStart, n)
			return
		}
		c1 := z.at(q + 1)
		isEnd := c1 == '/' && q+2 < n && d[q+2] != '>'
		if !isEnd && !isLetter(c1) && c1 != '!' && c1 != '?' {
			p = q + 1 // a '<' that starts no tag is text
			continue
		}
		z.text(textStart, q)
		switch {
		case isEnd: // an end tag, or a bogus comment "</ ...>"
			p = z.pastGT(q + 2)
		case c1 == '?': // bogus comment
			p = z.pastGT(q + 1)
		case c1 == '!':
			p = z.markup(q)
		default:
			var ok bool
			if p, ok = z.startTag(q); !ok {
				return
			}
		}
		textStart = p
	}
}

// text handles the text token data[a:b], if not empty.
func (z *htmlScanner) text(a, b int) {
	if a < b && z.tag == tagStyle {
		z.s.cssURLs(z.data[a:b], z.lineAt(a))
	}
}

// pastGT returns the position after the first '>' from i, or the end.
func (z *htmlScanner) pastGT(i int) int {
	if j := indexByte(z.data, i, '>'); j >= 0 {
		return j + 1
	}
	return len(z.data)
}

// markup handles "<!" at q: a comment, CDATA (a text token), a doctype or
// a bogus comment. It returns where the next token starts.
func (z *htmlScanner) markup(q int) int {
	d := z.data
	rest := d[q+2:]
	switch {
	case bytes.HasPrefix(rest, []byte("--")):
		for k := q + 4; ; {
			j := bytes.Index(d[k:], []byte("--"))
			if j < 0 {
				return len(d)
			}
			k += j
			if c := z.at(k + 2); c == '>' {
				return k + 3
			} else if c == '!' && z.at(k+3) == '>' {
				return k + 4
			}
			k++
		}
	case bytes.HasPrefix(rest, []byte("[CDATA[")):
		end := len(d)
		if j := bytes.Index(d[q+9:], []byte("]]>")); j >= 0 {
			end = q + 9 + j + 3
		}
		z.text(q, end)
		return end
	case len(rest) >= 7 && asciiEqualFold(rest[:7], "doctype"):
		return z.pastGT(q + 9)
	}
	return z.pastGT(q + 2)
}

// startTag handles the start tag at q, with its attributes, and the raw
// text after it for script, style and the like. It returns where the next
// token starts, or false where the lexer stops: at the end of the data
// inside a tag, or at a NUL inside svg, math or xml.
func (z *htmlScanner) startTag(q int) (int, bool) {
	d := z.data
	n := len(d)
	e := q + 1
	for ; e < n; e++ {
		if c := d[e]; c == ' ' || c == '>' || c == '/' && z.at(e+1) == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			break
		}
	}
	name := d[q+1 : e]
	raw := rawKindOf(name)
	switch raw {
	case rawSVG, rawMath, rawXML:
		end, ok := z.xmlEnd(e, rawNames[raw])
		if !ok {
			return 0, false
		}
		if raw == rawSVG {
			z.s.svg(d[q:end], z.lineAt(q))
		}
		return end, true
	}
	z.tag = tagKindOf(name)
	z.isRefresh, z.refreshContent = false, ""

	p := e
	for {
		j := p
		for j < n && isSpace(d[j]) {
			j++
		}
		if j >= n {
			return 0, false
		}
		if c := d[j]; c == '>' || c == '/' && z.at(j+1) == '>' {
			// The lexer drops the whitespace before the tag's end.
			if bytes.IndexByte(d[p:j], '\n') >= 0 {
				z.lineAt(p)
				z.lp = j
			}
			p = j + 1
			if c == '/' {
				p++
			}
			break
		}
		p = z.attribute(p, j)
	}
	if raw != rawNone {
		end := z.rawEnd(p, raw)
		z.text(p, end)
		p = end
	}
	return p, true
}

// attribute handles the attribute whose token starts at tok (with the
// whitespace before its name) and whose name starts at j. It returns
// where the token ends.
func (z *htmlScanner) attribute(tok, j int) int {
	d := z.data
	n := len(d)
	k := j
	for ; k < n; k++ {
		if c := d[k]; nameStop[c] && (c != '/' || z.at(k+1) == '>') {
			break
		}
	}
	name := d[j:k]
	end := k
	var raw []byte
	m := k
	for m < n && isSpace(d[m]) {
		m++
	}
	if m < n && d[m] == '=' {
		m++
		for m < n && isSpace(d[m]) {
			m++
		}
		v := m
		if m < n && (d[m] == '"' || d[m] == '\'') {
			if i := indexByte(d, m+1, d[m]); i >= 0 {
				m = i + 1
			} else {
				m = n
			}
		} else {
			for m < n {
				if c := d[m]; c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
					break
				}
				m++
			}
		}
		raw, end = d[v:m], m
	}
	if kind := attrKindOf(name); kind != attrOther {
		z.use(kind, tok, j, k, end, raw)
	}
	return end
}

// rawEnd returns where the raw text of a script, style and the like that
// starts at p ends: at the matching end tag (a "</script" inside a
// script's "<!--" counts only when not after a "<script").
func (z *htmlScanner) rawEnd(p int, raw rawKind) int {
	d := z.data
	n := len(d)
	if raw == rawPlaintext {
		return n
	}
	want := rawNames[raw]
	for k := p; ; {
		if k = indexByte(d, k, '<'); k < 0 {
			return n
		}
		switch {
		case z.at(k+1) == '/':
			m := z.letters(k + 2)
			if asciiEqualFold(d[k+2:m], want) {
				return k
			}
			k = m
		case raw == rawScript && z.at(k+1) == '!' && z.at(k+2) == '-' && z.at(k+3) == '-':
			k += 4
			inScript := false
		comment:
			for {
				if k >= n {
					return n
				}
				switch c := d[k]; {
				case c == '-' && z.at(k+1) == '-' && z.at(k+2) == '>':
					k += 3
					break comment
				case c == '<':
					isEnd := z.at(k+1) == '/'
					k++
					if isEnd {
						k++
					}
					mark := k
					k = z.letters(k)
					if asciiEqualFold(d[mark:k], "script") {
						switch {
						case !isEnd:
							inScript = true
						case !inScript:
							return mark - 2
						default:
							inScript = false
						}
					}
				default:
					k++
				}
			}
		default:
			k++
		}
	}
}

// xmlEnd returns where an svg, math or xml element whose name ends at e
// ends: after the '>' of its matching end tag, or at the end of the data.
// Tags are counted outside double quotes only. It returns false at a NUL.
func (z *htmlScanner) xmlEnd(e int, want string) (int, bool) {
	d := z.data
	n := len(d)
	nested := 0
	inQuote := false
	k := e
	for {
		if k >= n {
			return n, true
		}
		c := d[k]
		if c == '"' {
			inQuote = !inQuote
			k++
		} else if c == '<' && !inQuote {
			isEnd := z.at(k+1) == '/'
			k++
			if isEnd {
				k++
			}
			start := k
			k = z.letters(k)
			if !isEnd && z.at(k) == '/' {
				// a self-closing tag
			} else if asciiEqualFold(d[start:k], want) {
				if isEnd {
					if nested == 0 {
						break
					}
					nested--
				} else {
					nested++
				}
			}
		} else if c == 0 {
			return 0, false
		} else {
			k++
		}
	}
	for ; k < n; k++ {
		switch d[k] {
		case '>':
			return k + 1, true
		case 0:
			return 0, false
		}
	}
	return n, true
}

// indexByte returns the index of the first c in d from i, or -1. Tags,
// attribute values and text are short in HTML: a plain loop finds most
// before bytes.IndexByte would have started.
func indexByte(d []byte, i int, c byte) int {
	end := min(i+16, len(d))
	for j := i; j < end; j++ {
		if d[j] == c {
			return j
		}
	}
	if end < len(d) {
		if j := bytes.IndexByte(d[end:], c); j >= 0 {
			return end + j
		}
	}
	return -1
}

// letters returns the end of the run of ASCII letters from i.
func (z *htmlScanner) letters(i int) int {
	for i < len(z.data) && isLetter(z.data[i]) {
		i++
	}
	return i
}

// nameStop holds the bytes that may end an attribute name: whitespace,
// '=', '>' and '/' (when followed by '>').
var nameStop = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '=': true, '>': true, '/': true}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// asciiEqualFold reports whether b is lower, ASCII letters compared
// without case.
func asciiEqualFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// rawKindOf tells whether a tag name (compared without ASCII case, as
// the lexer does) starts raw text or an XML island.
func rawKindOf(name []byte) rawKind {
	if len(name) < 3 || len(name) > 9 {
		return rawNone
	}
	for k := rawTextarea; k <= rawXML; k++ {
		if asciiEqualFold(name, rawNames[k]) {
			return k
		}
	}
	return rawNone
}
