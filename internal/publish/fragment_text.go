package publish

import (
	"bytes"
	"strconv"
)

// isSpace reports whether c is whitespace to the HTML minifier: space, tab,
// line feed, carriage return or form feed.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// writeText writes the text src[p:end] (outside <pre>), minified, given
// whether its leading space goes; it returns whether the next text's
// leading space goes, and false for text outside the fragment's language.
func writeText(dst *bytes.Buffer, src []byte, p, end int, omitSpace bool) (bool, bool) {
	text := src[p:end]
	if omitSpace && isSpace(text[0]) {
		// The minifier collapses the run first; then the one it is goes.
		for len(text) > 0 && isSpace(text[0]) {
			text = text[1:]
		}
		if len(text) == 0 {
			return true, true
		}
	}
	trailing := len(text) > 0 && isSpace(text[len(text)-1])
	body := text
	if trailing {
		body = bytes.TrimRight(text, " \t\n\r\f")
	}
	if !writeCollapsed(dst, body, false) {
		return false, false
	}
	if !trailing {
		return false, true
	}
	trim, ok := trimsTrailingSpace(src, end)
	if !ok {
		return false, false
	}
	if trim {
		return false, true
	}
	dst.WriteByte(collapsedSpace(text[len(body):]))
	return true, true
}

// collapsedSpace is what the minifier makes of a run of whitespace: a
// newline if it holds a line break, else a space.
func collapsedSpace(run []byte) byte {
	if bytes.IndexByte(run, '\n') >= 0 || bytes.IndexByte(run, '\r') >= 0 {
		return '\n'
	}
	return ' '
}

// textStop marks the bytes writeCollapsed stops at, besides a space that
// begins a run: whitespace other than a space, and '&'.
var textStop = [256]bool{'\t': true, '\n': true, '\r': true, '\f': true, '&': true}

// writeCollapsed writes text (or, inAttr, an attribute's value) with each
// run of whitespace collapsed and its entities rewritten. Most text has
// only lone spaces, which stay: it looks for two spaces with bytes.Index
// and for the rest byte by byte.
func writeCollapsed(dst *bytes.Buffer, text []byte, inAttr bool) bool {
	start, twoSpaces := 0, -1
	for i := 0; i < len(text); {
		if twoSpaces < i {
			if twoSpaces = bytes.Index(text[i:], []byte("  ")); twoSpaces < 0 {
				twoSpaces = len(text)
			} else {
				twoSpaces += i
			}
		}
		for i < twoSpaces && !textStop[text[i]] {
			i++
		}
		if i == len(text) {
			break
		}
		if text[i] == '&' {
			dst.Write(text[start:i])
			n, ok := writeEntity(dst, text[i:], inAttr)
			if !ok {
				return false
			}
			i += n
			start = i
			continue
		}
		run := i
		if run > start && text[run-1] == ' ' {
			run-- // the run began with a lone-looking space
		}
		dst.Write(text[start:run])
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		dst.WriteByte(collapsedSpace(text[run:i]))
		start = i
	}
	dst.Write(text[start:])
	return true
}

// writeEntities writes an attribute's value with goldmark's entities
// rewritten as the minifier rewrites them in attributes.
func writeEntities(dst *bytes.Buffer, b []byte) bool {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			dst.Write(b)
			return true
		}
		dst.Write(b[:i])
		n, ok := writeEntity(dst, b[i:], true)
		if !ok {
			return false
		}
		b = b[i+n:]
	}
}

// writeEntity writes the entity at the start of b as the minifier
// rewrites it in text or, inAttr, in an attribute's value, and returns the
// length it read; ok is false for an entity the fast path does not know.
func writeEntity(dst *bytes.Buffer, b []byte, inAttr bool) (int, bool) {
	switch {
	case bytes.HasPrefix(b, []byte("&amp;")):
		if n := b[5:]; len(n) > 0 && (isAlnum(n[0]) || n[0] == '#') {
			dst.WriteString("&amp;")
		} else {
			dst.WriteByte('&')
		}
		return 5, true
	case bytes.HasPrefix(b, []byte("&lt;")):
		if inAttr {
			dst.WriteByte('<')
		} else {
			dst.WriteString("&lt;")
		}
		return 4, true
	case bytes.HasPrefix(b, []byte("&gt;")):
		dst.WriteByte('>')
		return 4, true
	case !inAttr && bytes.HasPrefix(b, []byte("&quot;")):
		dst.WriteByte('"')
		return 6, true
	case bytes.HasPrefix(b, []byte("&#")):
		return writeNumericEntity(dst, b)
	}
	return 0, false
}

// writeNumericEntity writes the character reference at the start of b
// (&#…;) as the minifier does, for those it leaves as they are or writes
// in decimal: a decimal one of 128 or more stays, a hexadecimal one below
// 10000 is written in decimal, one above stays. It returns the length it
// read; ok is false for the others (ones for ASCII characters, which the
// minifier writes as the character).
func writeNumericEntity(dst *bytes.Buffer, b []byte) (int, bool) {
	hex := len(b) > 2 && b[2] == 'x'
	i, c := 2, 0
	if hex {
		i = 3
	}
	start := i
	for ; i < len(b) && i-start < 8; i++ {
		d := hexDigit(b[i])
		if d < 0 || !hex && d > 9 {
			break
		}
		if hex {
			c = c<<4 + d
		} else {
			c = c*10 + d
		}
	}
	if i == start || i >= len(b) || b[i] != ';' || c < 128 {
		return 0, false
	}
	if hex && c < 10000 {
		dst.WriteString("&#")
		dst.WriteString(strconv.Itoa(c))
		dst.WriteByte(';')
	} else {
		dst.Write(b[:i+1])
	}
	return i + 1, true
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// trimsTrailingSpace reports whether the minifier drops the trailing space
// of a text that ends at src[q]: whether the fragment ends, or a block's
// tag comes, before any other text or start tag. ok is false where it
// cannot tell from the fragment's language.
func trimsTrailingSpace(src []byte, q int) (trim, ok bool) {
	for range fragmentLookahead {
		if q >= len(src) {
			return true, true
		}
		if src[q] != '<' {
			end := q + bytes.IndexByte(src[q:], '<')
			if end < q {
				end = len(src)
			}
			for _, c := range src[q:end] {
				if !isSpace(c) {
					return false, true
				}
			}
			q = end
			continue
		}
		endTag := q+1 < len(src) && src[q+1] == '/'
		at := q + 1
		if endTag {
			at++
		}
		name, after := tagName(src, at)
		t := fragmentTags[string(name)]
		if t == nil {
			return false, false
		}
		if t.traits&tagBlock != 0 {
			return true, true
		}
		if !endTag {
			return false, true
		}
		if after >= len(src) || src[after] != '>' {
			return false, false
		}
		q = after + 1
	}
	return false, false
}
