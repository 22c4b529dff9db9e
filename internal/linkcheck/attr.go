package linkcheck

import (
	"bytes"
	"html"
	"strings"
)

// attrKind names the attributes the checker reads.
type attrKind uint8

const (
	attrOther     attrKind = iota
	attrID                 // id
	attrName               // name, an ID on <a>
	attrRef                // href, src, action, poster, data
	attrSrcset             // srcset
	attrStyle              // style, CSS
	attrHTTPEquiv          // http-equiv, "refresh" with content
	attrContent            // content
)

// attrKindOf classifies an attribute name. Names are compared as the
// reference did, after strings.ToLower: beyond ASCII, "İ" (U+0130) lowers
// to "i".
func attrKindOf(name []byte) attrKind {
	var kind attrKind
	switch len(name) {
	case 2:
		kind = attrIf(name, "id", attrID)
	case 3:
		kind = attrIf(name, "src", attrRef)
	case 4:
		kind = attrIf(name, "href", attrRef) | attrIf(name, "name", attrName) | attrIf(name, "data", attrRef)
	case 5:
		kind = attrIf(name, "style", attrStyle)
	case 6:
		kind = attrIf(name, "action", attrRef) | attrIf(name, "poster", attrRef) | attrIf(name, "srcset", attrSrcset)
	case 7:
		kind = attrIf(name, "content", attrContent)
	case 10:
		kind = attrIf(name, "http-equiv", attrHTTPEquiv)
	}
	if kind == attrOther && !isASCII(name) {
		return attrKindOfLower(strings.ToLower(string(name)))
	}
	return kind
}

// attrIf returns kind if name is lower without ASCII case, else attrOther.
func attrIf(name []byte, lower string, kind attrKind) attrKind {
	if asciiEqualFold(name, lower) {
		return kind
	}
	return attrOther
}

func attrKindOfLower(key string) attrKind {
	switch key {
	case "id":
		return attrID
	case "name":
		return attrName
	case "href", "src", "action", "poster", "data":
		return attrRef
	case "srcset":
		return attrSrcset
	case "style":
		return attrStyle
	case "http-equiv":
		return attrHTTPEquiv
	case "content":
		return attrContent
	}
	return attrOther
}

// tagKindOf classifies a start tag's name, compared as attrKindOf does.
func tagKindOf(name []byte) tagKind {
	if !isASCII(name) {
		switch strings.ToLower(string(name)) {
		case "a":
			return tagA
		case "style":
			return tagStyle
		}
		return tagOther
	}
	switch {
	case asciiEqualFold(name, "a"):
		return tagA
	case asciiEqualFold(name, "style"):
		return tagStyle
	}
	return tagOther
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// use records what an attribute holds. Its token is data[tok:end], with
// the whitespace before the name data[j:k]; raw is its value, quotes and
// all, or nil when it has none.
func (z *htmlScanner) use(kind attrKind, tok, j, k, end int, raw []byte) {
	if kind == attrName && z.tag != tagA {
		return
	}
	s := z.s
	v, vs := raw, end-len(raw) // the value, unquoted, and where it starts
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v, vs = v[1:len(v)-1], vs+1
	}
	if kind == attrRef && raw != nil && bytes.IndexByte(v, '&') < 0 {
		s.addAt(vs, vs+len(v), z.attrLine(tok, j, k, end, raw)) // verbatim, as html.UnescapeString leaves it
		return
	}
	val := html.UnescapeString(string(v))
	switch kind {
	case attrID, attrName:
		s.ids[val] = true
	case attrRef:
		s.add(val, z.attrLine(tok, j, k, end, raw))
	case attrSrcset:
		at := z.attrLine(tok, j, k, end, raw)
		for _, cand := range strings.Split(val, ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				s.add(f[0], at)
			}
		}
	case attrStyle:
		s.cssURLs([]byte(val), z.attrLine(tok, j, k, end, raw))
	case attrHTTPEquiv:
		if strings.EqualFold(val, "refresh") {
			z.isRefresh = true
		}
	case attrContent:
		z.refreshContent = val
	}
	if z.isRefresh && z.refreshContent != "" {
		if u, ok := refreshURL(z.refreshContent); ok {
			s.add(u, z.attrLine(tok, j, k, end, raw))
		}
		z.isRefresh, z.refreshContent = false, ""
	}
}

// refreshURL returns the URL of a meta refresh's content ("5; url=/x/"):
// what follows the first "url=", found in the content lowercased and
// taken as many bytes from the end of the content itself. Where
// lowercasing lengthened the text after it (invalid UTF-8, or a letter
// such as "Ⱥ" whose lowercase takes more bytes), which made the reference
// panic, it is what follows the first "url=" compared without ASCII case.
func refreshURL(c string) (string, bool) {
	_, u, ok := strings.Cut(strings.ToLower(c), "url=")
	if !ok {
		return "", false
	}
	if len(u) <= len(c) {
		return strings.TrimSpace(c[len(c)-len(u):]), true
	}
	for i := 0; i+4 <= len(c); i++ {
		if strings.EqualFold(c[i:i+4], "url=") {
			return strings.TrimSpace(c[i+4:]), true
		}
	}
	return "", false // not reached: "url=" lowercases only from ASCII
}

// attrLine is the line the reference gave an attribute: its token's line
// plus the line breaks before the first occurrence of the raw value in the
// token, whose name the lexer had lowercased in place by then.
func (z *htmlScanner) attrLine(tok, j, k, end int, raw []byte) int32 {
	line := z.lineAt(tok)
	span := z.data[tok:end]
	if bytes.IndexByte(span, '\n') < 0 {
		return line
	}
	span = bytes.Clone(span)
	for i := j - tok; i < k-tok; i++ {
		if c := span[i]; 'A' <= c && c <= 'Z' {
			span[i] = c + 'a' - 'A'
		}
	}
	return line + int32(bytes.Count(span[:max(0, bytes.Index(span, raw))], newline))
}
