package linkcheck

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// tag reads the attributes of a tag whose name ends at i, as
// html.Tokenizer.readTag does, and returns the position after its '>';
// false when the data ends first. With save, it keeps the attributes the
// checker reads in z.attrs, the first of each name only.
func (z *htmlScanner) tag(i int, save bool) (int, bool) {
	d := z.data
	n := len(d)
	var seen uint16
	for i = z.skipSpace(i); i < n; i = z.skipSpace(i) {
		if d[i] == '>' {
			return i + 1, true
		}
		k0 := i // the name: '=' only as its first byte
		for i < n {
			if c := d[i]; isSpace(c) || c == '/' || c == '>' || c == '=' && i > k0 {
				break
			}
			i++
		}
		k1 := i
		v0, v1 := i, i
		if i = z.skipSpace(i); i >= n {
			return 0, false
		}
		switch d[i] {
		case '/':
			i++
		case '=':
			if i = z.skipSpace(i + 1); i >= n {
				return 0, false
			}
			switch c := d[i]; c {
			case '>':
			case '"', '\'':
				j := indexByte(d, i+1, c)
				if j < 0 {
					return 0, false
				}
				v0, v1, i = i+1, j, j+1
			default:
				v0 = i
				for i < n && !isSpace(d[i]) && d[i] != '>' {
					i++
				}
				v1 = i
			}
		}
		if k := keyOf(d[k0:k1]); save && k != keyOther && seen&(1<<k) == 0 {
			seen |= 1 << k
			z.attrs = append(z.attrs, attrSpan{k, v0, v1})
		}
	}
	return 0, false
}

// rawKindOf tells which raw text, if any, follows a start tag named name
// (compared without ASCII case), as html.Tokenizer.readStartTag does.
func rawKindOf(name []byte) string {
	if len(name) < 3 || len(name) > 9 {
		return ""
	}
	for _, raw := range [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"} {
		if asciiEqualFold(name, raw) {
			return raw
		}
	}
	return ""
}

// rawText returns where the raw text after a start tag named name that
// ends at p ends, reading the text of a style as CSS.
func (z *htmlScanner) rawText(name []byte, p int) int {
	raw := rawKindOf(name)
	var end int
	switch raw {
	case "":
		return p
	case "plaintext":
		return len(z.data)
	case "script":
		end = z.scriptEnd(p)
	default:
		end = z.rawEnd(p, raw)
	}
	if raw == "style" && end > p {
		css := z.data[p:end]
		if bytes.ContainsAny(css, "\r\x00") {
			css = normalize(css)
		}
		z.f.cssURLs(css, z.lineAt(p))
	}
	return end
}

// rawEnd returns where the "</raw" that ends raw text from p starts: one
// followed by a space, '/' or '>'; or the end of the data.
func (z *htmlScanner) rawEnd(p int, raw string) int {
	d := z.data
	for k := p; ; k++ {
		if k = indexByte(d, k, '<'); k < 0 {
			return len(d)
		}
		if z.isRawEnd(k, raw) {
			return k
		}
	}
}

// isRawEnd reports whether the appropriate end tag "</raw" starts at k.
func (z *htmlScanner) isRawEnd(k int, raw string) bool {
	e := k + 2 + len(raw)
	if z.at(k+1) != '/' || e >= len(z.data) || !asciiEqualFold(z.data[k+2:e], raw) {
		return false
	}
	c := z.data[e]
	return isSpace(c) || c == '/' || c == '>'
}

// scriptEnd is rawEnd for a script. Where "<!--" comes first, its end
// follows the script data escaped states: x/net/html finds it.
func (z *htmlScanner) scriptEnd(p int) int {
	d := z.data
	for k := p; ; k++ {
		if k = indexByte(d, k, '<'); k < 0 {
			return len(d)
		}
		if z.isRawEnd(k, "script") {
			return k
		}
		if bytes.HasPrefix(d[k+1:], []byte("!--")) {
			break
		}
	}
	t := html.NewTokenizer(io.MultiReader(strings.NewReader("<script>"), bytes.NewReader(d[p:])))
	t.Next()
	if t.Next() != html.TextToken {
		return len(d) // not reached: the text holds "<!--"
	}
	return p + len(t.Raw())
}

// normalize returns a copy of b as html.Tokenizer.Text gives raw text:
// "\r\n" and "\r" as "\n", NUL as U+FFFD.
func normalize(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r\n"), newline)
	b = bytes.ReplaceAll(b, []byte("\r"), newline)
	return bytes.ReplaceAll(b, []byte("\x00"), []byte("\ufffd"))
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

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
