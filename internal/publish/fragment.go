package publish

import "bytes"

// A fragment is the HTML the markdown converter writes for a page's body:
// tags from a short list, attributes in double quotes, text with goldmark's
// four escapes. minifyFragment gives, for such HTML, the bytes the HTML
// minifier gives, without its general tokenizer: it is the fast path of
// MinifyFragment, and declines everything it does not know.
//
// The rules it follows are the minifier's, for NewMinifier's options
// (KeepDocumentTags, KeepEndTags, KeepQuotes), restricted to the fragment's
// language:
//
//   - Outside <pre>, a run of whitespace in text becomes one space, or one
//     newline if it held a line break. A text's leading space goes when the
//     last thing written ends a block or opens one; its trailing space goes
//     when the next tag, past inline end tags and whitespace, is a block's
//     or the fragment ends there.
//   - In text, &quot; becomes ", &gt; becomes >, &amp; becomes & unless a
//     letter, digit or # follows it; &lt; stays. Text in <pre> stays as it
//     is.
//   - Tags are written without the spaces inside them beyond one before each
//     attribute. Boolean attributes lose their values; empty class and id
//     attributes go; empty others keep only their names. In values, &amp;,
//     &lt; and &gt; follow the text's rules, except that &lt; becomes <.
//   - Anything else declines: comments, raw-text and unknown tags, other
//     entities, quotes other than double, whitespace where the minifier
//     would trim it, attributes whose values it rewrites (style, on…, data
//     URIs, default values).
//
// The differential tests and FuzzFragment hold it to the minifier itself:
// whatever it accepts, it must write byte for byte as the minifier does.

// fragmentLookahead is how many tokens past a text's trailing space the
// fast path looks for the next block tag before it declines; the minifier
// itself gives up after 101.
const fragmentLookahead = 64

// minifyFragment appends src, minified, to dst and reports true; or, for
// HTML outside the fragment's language, leaves dst as it was and reports
// false.
func minifyFragment(dst *bytes.Buffer, src []byte) bool {
	mark := dst.Len()
	if !writeFragment(dst, src) {
		dst.Truncate(mark)
		return false
	}
	return true
}

// writeFragment is minifyFragment without the undo on failure.
func writeFragment(dst *bytes.Buffer, src []byte) bool {
	omitSpace, inPre := true, false
	for p := 0; p < len(src); {
		if src[p] != '<' {
			end := p + bytes.IndexByte(src[p:], '<')
			if end < p {
				end = len(src)
			}
			ok := bytes.IndexByte(src[p:end], 0) < 0
			if inPre {
				dst.Write(src[p:end])
			} else if ok {
				omitSpace, ok = writeText(dst, src, p, end, omitSpace)
			}
			if !ok {
				return false
			}
			p = end
			continue
		}
		if p+1 < len(src) && src[p+1] == '/' {
			name, end := tagName(src, p+2)
			t, known := fragmentTags[string(name)]
			if !known || end >= len(src) || src[end] != '>' {
				return false
			}
			omitSpace = t.spaceAfter(omitSpace)
			if t.pre {
				inPre = false
			}
			dst.WriteString("</")
			dst.Write(name)
			dst.WriteByte('>')
			p = end + 1
			continue
		}
		end, t, ok := writeStartTag(dst, src, p)
		if !ok {
			return false
		}
		omitSpace = t.spaceAfter(omitSpace)
		if t.pre {
			inPre = true
		}
		// An empty inline element keeps the space after it (an icon
		// between words, say).
		if t.traits == tagPhrase && isEndTag(src[end:], src[p+1:p+1+len(t.name)]) {
			omitSpace = false
		}
		p = end
	}
	return true
}

// tagName returns the run of lower-case letters and digits at i, the name
// of a tag, and where it ends.
func tagName(src []byte, i int) ([]byte, int) {
	j := i
	for j < len(src) && (src[j] >= 'a' && src[j] <= 'z' || src[j] >= '0' && src[j] <= '9' && j > i) {
		j++
	}
	return src[i:j], j
}

// isEndTag reports whether b begins with </name>.
func isEndTag(b, name []byte) bool {
	return len(b) >= len(name)+3 && b[0] == '<' && b[1] == '/' &&
		bytes.Equal(b[2:2+len(name)], name) && b[2+len(name)] == '>'
}
