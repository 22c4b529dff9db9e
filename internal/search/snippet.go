package search

import (
	"strings"
	"unicode/utf8"
)

// snippetRunes bounds the snippet shown under a result's title.
const snippetRunes = 140

// snippet is the text shown under a result: the summary, or else the start
// of the body, with white space collapsed and cut at a word boundary.
func snippet(d Doc) string {
	s := strings.Join(strings.Fields(d.Summary), " ")
	if s == "" {
		s = strings.Join(strings.Fields(d.Text), " ")
	}
	if utf8.RuneCountInString(s) <= snippetRunes {
		return s
	}
	cut, n := 0, 0
	for i := range s { // i walks rune starts
		if n == snippetRunes {
			cut = i
			break
		}
		n++
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > snippetRunes/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:.-") + "…"
}
