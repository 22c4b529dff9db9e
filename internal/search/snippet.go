package search

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// snippetRunes bounds the snippet shown under a result's title.
const snippetRunes = 140

// snippet is the text shown under a result: the summary, or else the start
// of the body, with white space collapsed and cut at a word boundary.
//
// It reads no further into the text than the snippet needs: a body is
// thousands of runes, a snippet at most snippetRunes.
func snippet(d Doc) string {
	var buf [4*snippetRunes + 8]byte
	s, long := collapseSpace(buf[:0], d.Summary)
	if len(s) == 0 {
		s, long = collapseSpace(buf[:0], d.Text)
	}
	if !long {
		return string(s)
	}
	// s is the first snippetRunes runes of the text.
	if sp := bytes.LastIndexByte(s, ' '); sp > snippetRunes/2 {
		s = s[:sp]
	}
	return string(append(bytes.TrimRight(s, " ,;:.-"), "…"...))
}

// collapseSpace appends to b the words of text (as strings.Fields splits
// them) separated by single spaces, up to snippetRunes runes. It reports
// whether the words run longer than that. Invalid UTF-8 counts a rune a
// byte and is copied as it is.
func collapseSpace(b []byte, text string) (_ []byte, long bool) {
	runes, space := 0, false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if unicode.IsSpace(r) {
			space = runes > 0
			i += n
			continue
		}
		if space {
			if runes == snippetRunes {
				return b, true
			}
			b = append(b, ' ')
			runes++
			space = false
		}
		if runes == snippetRunes {
			return b, true
		}
		b = append(b, text[i:i+n]...)
		runes++
		i += n
	}
	return b, false
}
