// Package lex tokenises code with chroma's regular expression lexers: the
// same tokens chroma gives, in a tenth (a short Python block) to two
// thirds (YAML) of the time, with a fraction of the allocations
// (BenchmarkTokens).
//
// chroma's RegexLexer tries, at each position, every rule of the current
// state in order until one matches; each try runs regexp2's backtracking
// interpreter from the start of the rule's pattern, anchored there by \G.
// Most tries fail on their first character: a Python identifier is tried
// against some thirty patterns for strings, numbers, keywords and
// operators before the rule for names. A Lexer keeps, for each rule, the
// set of characters a match of its pattern can begin with (regexp2's own
// first-character analysis, the one its unanchored searches rely on), and
// skips the rule when the character at the position is not in it. A rule
// whose pattern can match the empty string, or whose first characters the
// analysis cannot bound, is always tried. The first time a state is lexed
// in, its rules are sorted by those sets into a list for each ASCII
// character (see dispatch), so that at such a character only the rules
// that can begin with it are looked at. And a rule whose pattern is a
// list of literal words (a keyword or builtin rule: "(?<!\.)(print|len|…)\b")
// is matched by looking up the words that begin with the character there
// instead of running the interpreter through every alternative (see
// wordList), which regexp2 spends most of a block of identifiers on.
//
// Everything else is chroma's, used as chroma uses it: the rules
// (RegexLexer.Rules, compiled as chroma compiles them, with the same flags,
// \G anchor and 250 ms match limit), the lexer mutators that rewrite
// rules when they are compiled (include, combined), the mutators that
// push and pop states, and the emitters, which see a chroma.LexerState
// like the one chroma hands them. Tokens returns what
//
//	chroma.Coalesce(lexer).Tokenise(nil, code)
//
// yields: the same tokens, coalesced the same way. Where chroma would
// panic (a mutator's error, an unknown state), Tokens returns an error,
// and where it would lex forever, ErrNoProgress: a lexer that matches
// 1,000 times in a row at one position, or a lexing chroma does (a
// sub-lexer, a lexer that is not a RegexLexer) that gives more empty
// tokens in a row than sixteen a character.
//
// Rules compile the first time they are tried, so a lexer's unused
// states cost nothing; a Lexer is safe for concurrent use. chroma shares
// one lexer's rules between all its lexings, and a mutator written in Go
// may replace a rule as it lexes (Raku's do); a lexer whose mutators and
// emitters are not all chroma's own kinds lexes with a copy of the rules
// each time. (A lexing such a lexer hands back to chroma, with UsingSelf,
// still shares chroma's rules: that race is chroma's.)
//
// A lexer that is not a *chroma.RegexLexer (chroma's delegating lexers,
// which lex a template language inside another) is left to chroma: a Set
// tokenises with chroma itself there, and wherever a lexer's rules do not
// compile here.
//
// The package is tested against chroma on every sample in chroma's own
// test data, and by a differential fuzz test; word lists against regexp2
// on every word list of every chroma lexer, and by a fuzz test of their
// own.
package lex
