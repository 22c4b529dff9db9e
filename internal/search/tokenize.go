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
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordStart(r) {
				i += n
				continue
			}
			start := i
			i += n
			if suffix := techSuffix(s[i:]); suffix > 0 {
				i += suffix
				if !yield(strings.ToLower(s[start:i])) {
					return
				}
				continue
			}
			runes := 1
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !isWordStart(r) && !unicode.IsMark(r) {
					break
				}
				i += n
				runes++
			}
			if runes <= maxTermRunes && !yield(strings.ToLower(s[start:i])) {
				return
			}
		}
	}
}

func isWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

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
