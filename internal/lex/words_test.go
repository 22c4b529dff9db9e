package lex

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"
)

func TestParseWords(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		words   []string // nil: not a word list
		dot, b  bool
	}{
		{`(if|else)\b`, []string{"if", "else"}, false, true},
		{`(?<!\.)(self|cls)\b`, []string{"self", "cls"}, true, true},
		{`(yield from|await)`, []string{"yield from", "await"}, false, false},
		{`(\+\+|\-\-|\.\.\.|a\#b)`, []string{"++", "--", "...", "a#b"}, false, false},
		{`(é|ñu)\b`, []string{"é", "ñu"}, false, true},
		{`(a|)\b`, nil, false, false},          // an empty word matches anywhere
		{`(a|b)\B`, nil, false, false},         // another suffix
		{`(a|b)+`, nil, false, false},          // a quantifier
		{`(?i)(a|b)`, nil, false, false},       // flags
		{`(?:a|b)`, nil, false, false},         // not the group of a word list
		{`(a.b|c)`, nil, false, false},         // any character
		{`(\w+|c)`, nil, false, false},         // a class
		{`(a|b`, nil, false, false},            // unclosed
		{`(?<![\w.])(a|b)`, nil, false, false}, // another look-behind
	} {
		w := parseWords(tc.pattern)
		if tc.words == nil {
			if w != nil {
				t.Errorf("parseWords(%q) = %v, want nil", tc.pattern, w)
			}
			continue
		}
		if w == nil {
			t.Errorf("parseWords(%q) = nil", tc.pattern)
			continue
		}
		var got []string
		for _, word := range w.words {
			got = append(got, string(word))
		}
		if !slices.Equal(got, tc.words) || w.notAfterDot != tc.dot || w.boundary != tc.b {
			t.Errorf("parseWords(%q) = %q (dot %v, \\b %v), want %q (%v, %v)", tc.pattern, got, w.notAfterDot, w.boundary, tc.words, tc.dot, tc.b)
		}
	}
}

// wordPattern is a pattern of a chroma lexer that is a word list, with the
// regular expression it compiles to here.
type wordPattern struct {
	name  string // lexer and pattern, for messages
	words *wordList
	re    *regexp2.Regexp
}

// wordPatterns are the word lists of every chroma lexer, in a fixed order.
func wordPatterns(t testing.TB) []wordPattern {
	t.Helper()
	var out []wordPattern
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		rl, ok := l.(*chroma.RegexLexer)
		if !ok {
			continue
		}
		fast, err := New(rl)
		if err != nil {
			continue
		}
		for _, state := range slices.Sorted(maps.Keys(fast.states)) {
			for _, p := range fast.states[state].patterns {
				if p.words == nil {
					continue
				}
				re, _, err := p.compiled()
				if err != nil {
					t.Fatalf("%s: %v", p.source, err)
				}
				out = append(out, wordPattern{name: rl.Config().Name + " " + p.rule.Pattern, words: p.words, re: re})
			}
		}
	}
	if len(out) < 500 {
		t.Fatalf("only %d word lists in chroma's lexers", len(out))
	}
	return out
}

// agree checks the word list against its regular expression at every
// position of text.
func (p wordPattern) agree(t testing.TB, text string) {
	runes := []rune(text)
	for pos := range runes {
		if got, want := p.words.match(runes, pos), matchLength(p.re, runes, pos); got != want {
			t.Fatalf("%s at %d of %q: %d characters, regexp2 %d", p.name, pos, text, got, want)
		}
	}
}

// wordsText puts the words of a list among what can make or break a
// match: a dot before, word characters and others after, the end of the
// text, words run together.
func wordsText(w *wordList) string {
	seps := []string{" ", ".", "_", "x", "(", "\n", "é", "", "9", ".."}
	var b strings.Builder
	for i, word := range w.words {
		b.WriteString(seps[i%len(seps)])
		b.WriteString(string(word))
		if i%3 == 0 {
			b.WriteString(string(word[:len(word)/2+1]))
		}
		if b.Len() > 600 {
			break
		}
	}
	return b.String()
}

// TestWordsAgreeWithRegexp: on every word list of every chroma lexer, a
// wordList matches what regexp2 matches, at every position of a text
// made of its own words.
func TestWordsAgreeWithRegexp(t *testing.T) {
	all := wordPatterns(t)
	t.Logf("%d word lists", len(all))
	for i, p := range all {
		if testing.Short() && i%4 != 0 {
			continue
		}
		p.agree(t, wordsText(p.words))
	}
}

// FuzzWords is the differential test: any text, any word list of
// chroma's lexers, the same matches as regexp2.
func FuzzWords(f *testing.F) {
	all := wordPatterns(f)
	f.Add(uint16(0), "if x else y")
	f.Add(uint16(7), "self.cls .self é_self")
	f.Add(uint16(99), "int(str) isinstance\nprint")
	f.Fuzz(func(t *testing.T, which uint16, text string) {
		all[int(which)%len(all)].agree(t, text)
	})
}
