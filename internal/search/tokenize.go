package search

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTermRunes bounds the length of an indexed term; longer runs (hashes,
// base64, URLs glued together) are not words anyone types.
const maxTermRunes = 32

// terms yields the search terms of s, in order, duplicates kept.
//
// A term is a run of letters and digits (combining marks may continue a
// run), lower-cased. A lone letter directly followed by "++" or "#" keeps
// them, so "C++" and "C#" stay searchable; everything else separates terms:
// "CI/CD" is "ci" and "cd", "scikit-learn" is "scikit" and "learn".
// static/js/search.js implements the same rules; change both together.
func terms(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		var buf []byte
		for i := 0; ; {
			var t []byte
			t, i = nextTerm(s, i, buf)
			if t == nil || !yield(string(t)) {
				return
			}
			buf = t
		}
	}
}

// nextTerm finds the first term of s at or after byte i, as terms defines
// them. It returns the term lower-cased, written over buf's storage (so
// the caller can reuse one buffer for every term), and the index just past
// the term in s; at the end of s it returns nil.
func nextTerm(s string, i int, buf []byte) (term []byte, next int) {
	start, end, _ := scanTerm(s, i)
	if start == end {
		return nil, end
	}
	return appendLower(buf[:0], s[start:end]), end
}

// scanTerm finds the first term of s at or after byte i: s[start:end],
// before lower-casing, and whether it is all ASCII. At the end of s it
// returns start == end.
//
// This is the indexer's inner loop: ASCII is classified byte by byte, and
// only other runes go through package unicode.
func scanTerm(s string, i int) (start, end int, ascii bool) {
	for i < len(s) {
		n := 1
		ascii = true
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				i++
				continue
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isWordStart(r) {
				i += n
				continue
			}
			ascii = false
		}
		start = i
		i += n
		if i < len(s) && (s[i] == '+' || s[i] == '#') {
			if suffix := techSuffix(s[i:]); suffix > 0 {
				return start, i + suffix, ascii
			}
		}
		runes := 1
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if !isASCIIWord(c) {
					break
				}
				i++
			} else {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !isWordStart(r) && !unicode.IsMark(r) {
					break
				}
				i += n
				ascii = false
			}
			runes++
		}
		if runes <= maxTermRunes {
			return start, i, ascii
		}
	}
	return len(s), len(s), true
}

// isASCIIWord is isWordStart for an ASCII byte: a letter or a digit.
func isASCIIWord(c byte) bool { return c|0x20-'a' < 26 || c-'0' < 10 }

func isWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// appendLower appends t lower-cased to b, as strings.ToLower would write
// it. t is a term, so it is valid UTF-8.
func appendLower(b []byte, t string) []byte {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			for _, r := range t[i:] {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return b
		}
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// techSuffix reports the length of a "++" or "#" that directly follows a
// single letter or digit and is not itself followed by one, or 0.
func techSuffix(rest string) int {
	var n int
	switch {
	case strings.HasPrefix(rest, "++"):
		n = 2
	case strings.HasPrefix(rest, "#"):
		n = 1
	default:
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(rest[n:]); n < len(rest) && (isWordStart(r) || unicode.IsMark(r)) {
		return 0
	}
	return n
}
