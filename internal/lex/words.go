package lex

import (
	"strings"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2/syntax"
)

// A wordList is a rule's pattern when it is a list of literal words, the
// shape of nearly every keyword and builtin rule of chroma's lexers:
//
//	(?<!\.)(staticmethod|classmethod|memoryview|…|int)\b
//
// an optional (?<!\.), a group of words (letters, or characters escaped
// as regexp.QuoteMeta escapes them) and an optional \b. regexp2 tries
// such a pattern by running its interpreter through the alternatives one
// after another, and for an identifier that is not in the list that is
// what most of a block's lexing costs (some forty per cent of a Python
// block of names and calls). A wordList finds the same match by looking
// only at the words that begin with the character at the position, in
// the pattern's order: the first that is there and, with \b, ends at a
// boundary, as regexp2 decides one (syntax.IsWordChar on either side).
// TestWordsAgreeWithRegexp and FuzzWords hold it to regexp2 on every such
// pattern of every chroma lexer.
type wordList struct {
	notAfterDot bool // (?<!\.): no match right after a '.'
	boundary    bool // \b after the word
	words       [][]rune
	byFirst     map[rune][]int32 // indexes of words, in order, by first character
}

// parseWords returns the wordList pattern is, or nil when it is anything
// else. Case-insensitive patterns are never word lists: the caller knows
// the flags.
func parseWords(pattern string) *wordList {
	w := &wordList{byFirst: map[rune][]int32{}}
	rest, after := strings.CutPrefix(pattern, `(?<!\.)`)
	w.notAfterDot = after
	rest, ok := strings.CutPrefix(rest, "(")
	if !ok {
		return nil
	}
	var word []rune
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		rest = rest[size:]
		switch {
		case r == utf8.RuneError && size == 1:
			return nil
		case r == '\\':
			if rest == "" || !strings.ContainsRune(quoted, rune(rest[0])) {
				return nil
			}
			word, rest = append(word, rune(rest[0])), rest[1:]
		case r == '|' || r == ')':
			if len(word) == 0 {
				return nil
			}
			w.byFirst[word[0]] = append(w.byFirst[word[0]], int32(len(w.words)))
			w.words, word = append(w.words, word), nil
			if r == ')' {
				switch rest {
				case `\b`:
					w.boundary = true
				case "":
				default:
					return nil
				}
				return w
			}
		case strings.ContainsRune(special, r):
			return nil
		default:
			word = append(word, r)
		}
	}
	return nil
}

// quoted are the characters a backslash makes literal here: those
// regexp.QuoteMeta escapes, and other ASCII punctuation, which regexp2
// also reads as itself after a backslash. special are the characters that
// mean something unescaped. (# and white space mean something under the x
// flag, which chroma never sets and a word list cannot: its pattern would
// start with "(?x)".)
const (
	quoted  = `\.+*?()|[]{}^$-/#:'"<>=!@%&,;~` + "` "
	special = `.+*?()|[]{}^$`
)

// match returns how many characters the pattern matches at pos, or -1.
func (w *wordList) match(text []rune, pos int) int {
	if pos >= len(text) || w.notAfterDot && pos > 0 && text[pos-1] == '.' {
		return -1
	}
	for _, i := range w.byFirst[text[pos]] {
		word := w.words[i]
		end := pos + len(word)
		if end > len(text) || !equalRunes(text[pos:end], word) {
			continue
		}
		if w.boundary && !isBoundary(text, end) {
			continue
		}
		return len(word)
	}
	return -1
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isBoundary is regexp2's \b at i: a word character on one side of it
// and not on the other, outside the text counting as neither.
func isBoundary(text []rune, i int) bool {
	return (i > 0 && syntax.IsWordChar(text[i-1])) != (i < len(text) && syntax.IsWordChar(text[i]))
}
