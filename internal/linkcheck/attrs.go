package linkcheck

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// key names the attributes the checker reads, compared as the tokenizer
// lowercases them (ASCII letters only).
type key uint8

const (
	keyOther key = iota
	keyID
	keyName // an ID on <a>
	keyHref
	keySrc
	keyAction
	keyPoster
	keyData
	keyXlinkHref
	keySrcset
	keyStyle
	keyHTTPEquiv // "refresh" on <meta>, with content
	keyContent
)

// keyOf classifies an attribute name, without ASCII case.
func keyOf(name []byte) key {
	switch len(name) {
	case 2:
		return keyIf(name, "id", keyID)
	case 3:
		return keyIf(name, "src", keySrc)
	case 4:
		return keyIf(name, "href", keyHref) | keyIf(name, "name", keyName) | keyIf(name, "data", keyData)
	case 5:
		return keyIf(name, "style", keyStyle)
	case 6:
		return keyIf(name, "action", keyAction) | keyIf(name, "poster", keyPoster) | keyIf(name, "srcset", keySrcset)
	case 7:
		return keyIf(name, "content", keyContent)
	case 10:
		return keyIf(name, "http-equiv", keyHTTPEquiv) | keyIf(name, "xlink:href", keyXlinkHref)
	}
	return keyOther
}

func keyIf(name []byte, lower string, k key) key {
	if asciiEqualFold(name, lower) {
		return k
	}
	return keyOther
}

type tagKind uint8

const (
	tagOther tagKind = iota
	tagA
	tagMeta
)

func tagKindOf(name []byte) tagKind {
	switch {
	case asciiEqualFold(name, "a"):
		return tagA
	case asciiEqualFold(name, "meta"):
		return tagMeta
	}
	return tagOther
}

// A tagState is what one start tag has said so far.
type tagState struct {
	kind    tagKind
	line    int32 // the line of the tag's '<'
	refresh bool  // http-equiv="refresh"
	content string
}

// attr records an attribute of a start tag: val is its value as the
// tokenizer gives it, and when at >= 0, val is data[at:at+len(val)] of the
// file scanned, verbatim.
func (f *found) attr(t *tagState, k key, val []byte, at int) {
	switch k {
	case keyID:
		f.ids[string(val)] = true
	case keyName:
		if t.kind == tagA {
			f.ids[string(val)] = true
		}
	case keyHref, keySrc, keyAction, keyPoster, keyData, keyXlinkHref:
		if at >= 0 {
			f.addAt(at, at+len(val), t.line)
		} else {
			f.add(string(val), t.line)
		}
	case keySrcset:
		for cand := range strings.SplitSeq(string(val), ",") {
			if fs := strings.Fields(cand); len(fs) > 0 {
				f.add(fs[0], t.line)
			}
		}
	case keyStyle:
		f.cssURLs(val, t.line)
	case keyHTTPEquiv:
		t.refresh = asciiEqualFold(val, "refresh")
	case keyContent:
		t.content = string(val)
	}
}

// end records what a start tag says as a whole: the URL of a meta refresh.
func (f *found) end(t *tagState) {
	if t.kind == tagMeta && t.refresh {
		if u, ok := refreshURL(t.content); ok {
			f.add(u, t.line)
		}
	}
}

// refreshURL returns the URL of a meta refresh's content ("5; url=/x/"):
// what follows the first "url=", without ASCII case, trimmed.
func refreshURL(c string) (string, bool) {
	for i := 0; i+4 <= len(c); i++ {
		if asciiEqualFold([]byte(c[i:i+4]), "url=") {
			return strings.TrimSpace(c[i+4:]), true
		}
	}
	return "", false
}

// tokenTag records the start tag z has just read, which starts on line.
// It returns the tag's name, lowercased.
func (f *found) tokenTag(z *html.Tokenizer, line int32) []byte {
	name, more := z.TagName()
	t := tagState{kind: tagKindOf(name), line: line}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		f.attr(&t, keyOf(k), v, -1)
	}
	f.end(&t)
	return name
}

// tokenizedTag records the one start tag tag, read by x/net/html: the
// scanner hands over the tags whose values need decoding.
func (f *found) tokenizedTag(tag []byte, line int32) {
	z := html.NewTokenizer(bytes.NewReader(tag))
	if tt := z.Next(); tt == html.StartTagToken || tt == html.SelfClosingTagToken {
		f.tokenTag(z, line)
	}
}

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
