package linkcheck

// The reference the scanner (scan.go, tag.go) is held to: a walk over the
// tokens of golang.org/x/net/html's Tokenizer, which follows the WHATWG
// tokenizer, reading them as the package doc says. The differential tests
// and FuzzScan compare the two.

import (
	"bytes"

	"golang.org/x/net/html"
)

// refHTML finds the references and IDs of an HTML document. A token's
// line is 1 plus the line breaks in the tokens before it (their raw bytes
// partition the document).
func (f *found) refHTML(data []byte) {
	z := html.NewTokenizer(bytes.NewReader(data))
	line := int32(1)
	inStyle := false // the token follows <style>
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		breaks := lineBreaks(z.Raw()) // before Text, which rewrites it
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			inStyle = string(f.tokenTag(z, line)) == "style"
		case html.TextToken:
			if inStyle {
				f.cssURLs(z.Text(), line)
			}
			inStyle = false
		default:
			inStyle = false
		}
		line += breaks
	}
}

// lineBreaks counts the line breaks in b as the spec normalises them:
// "\r\n" and a lone "\r" are one "\n".
func lineBreaks(b []byte) int32 {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	return int32(bytes.Count(b, []byte("\n")))
}
