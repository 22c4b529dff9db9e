package lex

import (
	"fmt"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// A Set tokenises with any chroma lexer, making each regular expression
// lexer into a Lexer once, on first use. It is safe for concurrent use,
// and lexers are made side by side; the zero Set is ready.
type Set struct {
	mu     sync.Mutex
	lexers map[*chroma.RegexLexer]*entry
}

type entry struct {
	once  sync.Once
	lexer *Lexer // nil where the rules did not compile here: chroma lexes
}

// Tokens returns the tokens of code, coalesced, as
// chroma.Coalesce(l).Tokenise(nil, code) yields them: from a Lexer where l
// is a regular expression lexer whose rules compile, from chroma itself
// otherwise (where a panic in chroma is an error, and so is a lexer that
// gives empty tokens over and over: see ErrNoProgress).
func (s *Set) Tokens(l chroma.Lexer, code string) (tokens []chroma.Token, err error) {
	if rl, ok := l.(*chroma.RegexLexer); ok {
		if fast := s.lexer(rl); fast != nil {
			return fast.Tokens(code)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			tokens, err = nil, fmt.Errorf("lexing with %s: %v", l.Config().Name, r)
		}
	}()
	it, err := l.Tokenise(nil, code)
	if err != nil {
		return nil, err
	}
	out := newCoalescer(code)
	for t := it(); t != chroma.EOF; t = it() {
		if err := out.add(t); err != nil {
			return nil, fmt.Errorf("lexing with %s: %w", l.Config().Name, err)
		}
	}
	return out.done(), nil
}

func (s *Set) lexer(l *chroma.RegexLexer) *Lexer {
	s.mu.Lock()
	e := s.lexers[l]
	if e == nil {
		if s.lexers == nil {
			s.lexers = map[*chroma.RegexLexer]*entry{}
		}
		e = &entry{}
		s.lexers[l] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.lexer, _ = New(l) })
	return e.lexer
}
