package lex

import (
	"sync"

	"github.com/dlclark/regexp2/v2/syntax"
)

// A state is what a Lexer keeps of one state of its rules: a pattern per
// rule, in order, and, once the state is first lexed in, its dispatch.
type state struct {
	patterns []*pattern
	once     sync.Once
	table    *dispatch // nil: a pattern does not compile (see state.dispatch)
}

// A dispatch lists, for each ASCII character, the rules of a state that a
// match can begin with it: the indices, in order, of the rules whose
// first characters (see pattern.compiled) include it and of those whose
// first characters are not bounded. At a position holding an ASCII
// character a lexer tries only those, in order; every rule it skips
// would have been skipped, one set at a time, by the rule-by-rule loop,
// which asked each rule's set at every position (a fifth of lexing a
// Python file).
type dispatch struct {
	ascii [128][]int32
}

// dispatch returns the state's dispatch, made the first time it is asked
// for: every pattern of the state is compiled then, as chroma compiles
// every pattern of a lexer. It is nil when a pattern does not compile;
// lexing then tries the rules one by one, and meets the error at the
// rule, as before.
func (s *state) dispatch() *dispatch {
	s.once.Do(func() { s.table = newDispatch(s.patterns) })
	return s.table
}

// newDispatch makes the dispatch of a state's patterns, nil when one does
// not compile. The lists share one array.
func newDispatch(patterns []*pattern) *dispatch {
	firsts := make([]*syntax.CharSet, len(patterns))
	for i, p := range patterns {
		_, first, err := p.compiled()
		if err != nil {
			return nil
		}
		firsts[i] = first
	}
	starts := func(i int, c rune) bool { return firsts[i] == nil || firsts[i].Contains(c) }
	n := 0
	for c := range rune(128) {
		for i := range firsts {
			if starts(i, c) {
				n++
			}
		}
	}
	all := make([]int32, 0, n)
	d := &dispatch{}
	for c := range rune(128) {
		from := len(all)
		for i := range firsts {
			if starts(i, c) {
				all = append(all, int32(i))
			}
		}
		d.ascii[c] = all[from:len(all):len(all)]
	}
	return d
}
