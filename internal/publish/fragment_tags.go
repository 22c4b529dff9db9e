package publish

import "bytes"

// tagTraits are what the HTML minifier knows of a tag that bears on the
// whitespace around it (its table, for the tags a fragment may hold).
type tagTraits uint8

const (
	tagBlock  tagTraits = 1 << iota // whitespace on either side goes
	tagObject                       // whitespace after it stays
	tagPhrase                       // plain inline: only this trait in the minifier's table
)

// A fragmentTag is a tag the fast path knows.
type fragmentTag struct {
	name   string
	traits tagTraits
	pre    bool // <pre>: its text stays as written
	input  bool // <input>: a type of "text" would go
}

// spaceAfter returns whether a text's leading space after this tag goes,
// given whether it went before the tag.
func (t *fragmentTag) spaceAfter(omit bool) bool {
	switch {
	case t.traits&tagObject != 0:
		return false
	case t.traits&tagBlock != 0:
		return true
	}
	return omit
}

// fragmentTags are the tags of goldmark's output, of the markdown package's
// renderers (callouts, highlighted code, figures), and the common inline
// tags authors' attributes and raw HTML use. Tags whose content or
// attributes the minifier rewrites (script, style, svg, select, option,
// colgroup, template, the document's tags) are not here.
var fragmentTags = func() map[string]*fragmentTag {
	m := map[string]*fragmentTag{}
	add := func(tr tagTraits, names ...string) {
		for _, n := range names {
			m[n] = &fragmentTag{name: n, traits: tr}
		}
	}
	add(tagBlock, "address", "article", "aside", "blockquote", "br", "caption",
		"dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer",
		"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
		"ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
		"th", "thead", "tr", "ul")
	add(tagObject, "img", "input", "wbr")
	add(tagPhrase, "abbr", "b", "bdi", "bdo", "cite", "code", "dfn", "em", "i",
		"kbd", "mark", "s", "samp", "small", "span", "strong", "sub", "sup",
		"time", "u", "var")
	add(0, "a", "del", "ins")
	m["pre"].pre = true
	m["input"].input = true
	return m
}()

// Attribute kinds, as the minifier treats their values.
type attrKind uint8

const (
	attrPlain attrKind = iota // entities only
	attrTrim                  // also whitespace: runs collapsed; declined at either end
	attrURL                   // also the scheme's case, and data: URIs
	attrBool                  // written without a value
)

// fragmentAttrs are the attributes the fast path knows, besides data-* and
// aria-* (plain). omitEmpty marks the ones an empty value removes.
var fragmentAttrs = map[string]struct {
	kind      attrKind
	omitEmpty bool
}{
	"id": {attrPlain, true}, "class": {attrTrim, true},
	"title": {}, "alt": {}, "align": {}, "role": {},
	"lang": {kind: attrTrim}, "tabindex": {kind: attrTrim}, "width": {kind: attrTrim},
	"height": {kind: attrTrim}, "loading": {kind: attrTrim}, "decoding": {kind: attrTrim},
	"start": {kind: attrTrim}, "rel": {kind: attrTrim}, "target": {kind: attrTrim},
	"hidden": {kind: attrTrim}, "type": {kind: attrTrim},
	"href": {kind: attrURL}, "src": {kind: attrURL}, "cite": {kind: attrURL},
	"checked": {kind: attrBool}, "disabled": {kind: attrBool}, "open": {kind: attrBool},
	"reversed": {kind: attrBool},
}

// writeStartTag writes the start tag at src[p] ('<'), minified, and
// returns where it ends and what tag it is; ok is false for a tag outside
// the fragment's language.
func writeStartTag(dst *bytes.Buffer, src []byte, p int) (end int, t *fragmentTag, ok bool) {
	name, i := tagName(src, p+1)
	if t = fragmentTags[string(name)]; t == nil {
		return 0, nil, false
	}
	dst.WriteByte('<')
	dst.Write(name)
	for i < len(src) && src[i] == ' ' {
		if i, ok = writeAttr(dst, src, i+1, t); !ok {
			return 0, nil, false
		}
	}
	if i >= len(src) || src[i] != '>' {
		return 0, nil, false
	}
	dst.WriteByte('>')
	return i + 1, t, true
}

// writeAttr writes the attribute name="value" at src[i], minified, and
// returns where it ends.
func writeAttr(dst *bytes.Buffer, src []byte, i int, t *fragmentTag) (int, bool) {
	start := i
	for i < len(src) && (src[i] >= 'a' && src[i] <= 'z' || src[i] == '-' || src[i] >= '0' && src[i] <= '9' && i > start) {
		i++
	}
	name := src[start:i]
	if i+1 >= len(src) || src[i] != '=' || src[i+1] != '"' {
		return 0, false
	}
	vStart := i + 2
	vEnd := vStart + bytes.IndexByte(src[vStart:], '"')
	if vEnd < vStart {
		return 0, false
	}
	a, known := fragmentAttrs[string(name)]
	if !known && !bytes.HasPrefix(name, []byte("data-")) && !bytes.HasPrefix(name, []byte("aria-")) {
		return 0, false
	}
	val := src[vStart:vEnd]
	if !attrValueOK(a.kind, val) || string(name) == "type" && !typeOK(t, val) {
		return 0, false
	}
	if a.kind == attrBool || len(val) == 0 {
		if a.kind == attrBool || !a.omitEmpty {
			dst.WriteByte(' ')
			dst.Write(name)
		}
		return vEnd + 1, true
	}
	dst.WriteByte(' ')
	dst.Write(name)
	dst.WriteString(`="`)
	if a.kind == attrTrim && !writeCollapsed(dst, val, true) || a.kind != attrTrim && !writeEntities(dst, val) {
		return 0, false
	}
	dst.WriteByte('"')
	return vEnd + 1, true
}

// typeOK reports whether the minifier leaves a type attribute of tag t as
// it is: it drops an input's type="text" (the default), and on other tags
// it may rewrite it (as a media type, or drop a default); only lists' are
// taken.
func typeOK(t *fragmentTag, val []byte) bool {
	if t.input {
		return !bytes.EqualFold(val, []byte("text"))
	}
	return t.name == "ol" || t.name == "ul" || t.name == "li"
}

// attrValueOK reports whether the fast path can write a value of this kind
// as the minifier does: but for entities (and, in a trimmed attribute,
// inner runs of whitespace), as it is.
func attrValueOK(kind attrKind, val []byte) bool {
	if bytes.IndexByte(val, 0) >= 0 || bytes.IndexByte(val, '<') >= 0 {
		return false
	}
	if len(val) > 0 && (isSpace(val[0]) || isSpace(val[len(val)-1])) && kind != attrPlain {
		return false
	}
	if kind == attrURL {
		if len(val) >= 5 && bytes.EqualFold(val[:5], []byte("data:")) {
			return false
		}
		return len(val) < 4 || !bytes.EqualFold(val[:4], []byte("http")) || string(val[:4]) == "http"
	}
	return true
}
