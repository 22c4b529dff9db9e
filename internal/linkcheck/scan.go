package linkcheck

import "bytes"

// html finds the references and IDs of an HTML document: exactly what
// the walk over golang.org/x/net/html's tokens in reference_test.go finds
// (see the package doc), without that walk's copies. It splits the
// document into the same tokens and reads the plain attribute values in
// place; a start tag with a value to decode (a character reference, a
// carriage return or a NUL) is handed to x/net/html, and so is the end
// of a script that holds "<!--". It never writes to data.
func (f *found) html(data []byte) {
	z := htmlScanner{f: f, data: data, line: 1}
	z.run()
}

// htmlScanner is the state of one walk over a document.
type htmlScanner struct {
	f     *found
	data  []byte
	lp    int   // data[:lp] is counted in line
	line  int32 // the line at lp
	attrs []attrSpan
}

// An attrSpan is an attribute the checker reads, its value data[v0:v1].
type attrSpan struct {
	key    key
	v0, v1 int
}

// lineAt returns the line at q, which is never before an earlier q. A
// line break is "\n", "\r\n" or a lone "\r".
func (z *htmlScanner) lineAt(q int) int32 {
	seg := z.data[z.lp:q]
	z.line += int32(bytes.Count(seg, newline))
	if bytes.IndexByte(seg, '\r') >= 0 {
		for i := z.lp; i < q; i++ {
			if z.data[i] == '\r' && z.at(i+1) != '\n' {
				z.line++
			}
		}
	}
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

// run walks the tokens, as html.Tokenizer.Next does. A tag cut off by
// the end of the data ends the walk, as its ErrorToken does.
func (z *htmlScanner) run() {
	d := z.data
	for p := 0; ; {
		q := indexByte(d, p, '<')
		if q < 0 || q+1 >= len(d) {
			return
		}
		var ok bool
		switch c := d[q+1]; {
		case isLetter(c):
			p, ok = z.startTag(q)
		case c == '/' && z.at(q+2) == '>':
			p, ok = q+3, true
		case c == '/' && isLetter(z.at(q+2)):
			p, ok = z.tag(z.name(q+2), false)
		case c == '/' || c == '?':
			p, ok = z.pastGT(q+2), true // a bogus comment
		case c == '!':
			p, ok = z.markup(q), true
		default:
			p, ok = q+1, true // text
		}
		if !ok {
			return
		}
	}
}

// pastGT returns the position after the first '>' from i, or the end.
func (z *htmlScanner) pastGT(i int) int {
	if i >= len(z.data) {
		return len(z.data)
	}
	if j := indexByte(z.data, i, '>'); j >= 0 {
		return j + 1
	}
	return len(z.data)
}

// markup returns where the "<!" at q ends: a comment, or a doctype or a
// bogus comment (CDATA is one outside foreign content), up to a '>'.
func (z *htmlScanner) markup(q int) int {
	if z.at(q+2) != '-' || z.at(q+3) != '-' {
		return z.pastGT(q + 2)
	}
	// html.Tokenizer.readComment
	dashes, beginning := 0, true
	for k := q + 4; k < len(z.data); k++ {
		switch z.data[k] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return k + 1
			}
		case '!':
			if dashes >= 2 {
				switch z.at(k + 1) {
				case '>':
					return k + 2
				case '-':
					k++
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return len(z.data)
}

// name returns the end of a tag name that starts at i.
func (z *htmlScanner) name(i int) int {
	for i < len(z.data) {
		if c := z.data[i]; isSpace(c) || c == '/' || c == '>' {
			break
		}
		i++
	}
	return i
}

// skipSpace returns the position of the first non-space byte from i.
func (z *htmlScanner) skipSpace(i int) int {
	for i < len(z.data) && isSpace(z.data[i]) {
		i++
	}
	return i
}

// startTag reads the start tag at q, records what it says, and skips
// the raw text after a script, style and the like.
func (z *htmlScanner) startTag(q int) (int, bool) {
	e := z.name(q + 1)
	z.attrs = z.attrs[:0]
	end, ok := z.tag(e, true)
	if !ok {
		return 0, false
	}
	name := z.data[q+1 : e]
	if z.needsDecoding() {
		z.f.tokenizedTag(z.data[q:end], z.lineAt(q))
	} else if len(z.attrs) > 0 {
		t := tagState{kind: tagKindOf(name), line: z.lineAt(q)}
		for _, a := range z.attrs {
			z.f.attr(&t, a.key, z.data[a.v0:a.v1], a.v0)
		}
		z.f.end(&t)
	}
	return z.rawText(name, end), true
}

// needsDecoding reports whether an attribute value the checker reads
// differs from its bytes in the tag.
func (z *htmlScanner) needsDecoding() bool {
	for _, a := range z.attrs {
		if bytes.ContainsAny(z.data[a.v0:a.v1], "&\r\x00") {
			return true
		}
	}
	return false
}
