package lex

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// matchLimit is chroma's limit on one regular expression match.
const matchLimit = 250 * time.Millisecond

// A Lexer tokenises code with the rules of one chroma.RegexLexer. It is
// safe for concurrent use.
type Lexer struct {
	base     *chroma.RegexLexer
	rules    chroma.CompiledRules // as chroma's mutators see them; no Regexp
	states   map[string]*state    // by name
	fixed    bool                 // see fixedRules
	ensureNL bool
}

// A pattern is a rule's regular expression, compiled the first time the
// rule is tried: a lexer's states are seldom all reached, and compiling
// is most of what a short block costs.
type pattern struct {
	rule   *chroma.CompiledRule // the rule it is for
	source string               // as chroma compiles it, with flags and \G
	once   sync.Once
	re     *regexp2.Regexp
	first  *syntax.CharSet // the characters a match can start with; nil: any
	err    error
	words  *wordList // the pattern as a list of words, when it is one
}

// New prepares the rules of l as chroma does; their patterns are compiled
// when first tried.
func New(l *chroma.RegexLexer) (*Lexer, error) {
	raw, err := l.Rules() // compiles chroma's own copy: every pattern compiles
	if err != nil {
		return nil, err
	}
	flags := ruleFlags(l.Config())
	rules := chroma.CompiledRules{}
	patterns := map[*chroma.CompiledRule]*pattern{}
	for state, list := range raw {
		rules[state] = nil
		for _, rule := range list {
			compiled := &chroma.CompiledRule{Rule: rule}
			rules[state] = append(rules[state], compiled)
			source := "(?:" + rule.Pattern + ")"
			if flags != "" {
				source = "(?" + flags + ")" + source
			}
			p := &pattern{rule: compiled, source: `\G` + source}
			if !strings.Contains(flags, "i") {
				p.words = parseWords(rule.Pattern)
			}
			patterns[compiled] = p
		}
	}
	if err := mutate(rules); err != nil {
		return nil, fmt.Errorf("%s: %w", l.Config().Name, err)
	}
	states := map[string]*state{}
	for name, list := range rules {
		ps := make([]*pattern, len(list))
		for i, r := range list {
			ps[i] = patterns[r]
		}
		states[name] = &state{patterns: ps}
	}
	return &Lexer{base: l, rules: rules, states: states, fixed: fixedRules(rules), ensureNL: l.Config().EnsureNL}, nil
}

// ruleFlags are the flags chroma gives every pattern of a lexer.
func ruleFlags(c *chroma.Config) string {
	flags := ""
	if !c.NotMultiline {
		flags += "m"
	}
	if c.CaseInsensitive {
		flags += "i"
	}
	if c.DotAll {
		flags += "s"
	}
	return flags
}

// compiled compiles p as chroma does, once, and works out the characters
// a match of it can start with: those regexp2 finds for the pattern
// without its \G anchor (the set its unanchored searches skip by), nil
// when it cannot bound them.
func (p *pattern) compiled() (*regexp2.Regexp, *syntax.CharSet, error) {
	p.once.Do(func() {
		p.re, p.err = regexp2.Compile(p.source)
		if p.err != nil {
			return
		}
		p.re.MatchTimeout = matchLimit
		// Emitters may read it (ByGroupNames does, for group names).
		p.rule.Regexp = p.re
		tree, err := syntax.Parse(p.source[len(`\G`):], syntax.ParseOptions{})
		if err != nil {
			return
		}
		code, err := syntax.Write(tree)
		if err != nil || code.FcPrefix == nil || code.RightToLeft {
			return
		}
		code.PrepareCharSetASCIIBitmaps()
		p.first = &code.FcPrefix.PrefixSet
	})
	return p.re, p.first, p.err
}

// mutate lets the rules' lexer mutators (include, combined) rewrite the
// rules, one at a time, starting over after each as chroma does.
func mutate(rules chroma.CompiledRules) error {
restart:
	seen := map[chroma.LexerMutator]bool{}
	for state := range rules {
		for i := range len(rules[state]) {
			m, ok := rules[state][i].Mutator.(chroma.LexerMutator)
			if !ok {
				continue
			}
			if seen[m] {
				return fmt.Errorf("mutator %T seen twice", m)
			}
			seen[m] = true
			if err := m.MutateLexer(rules, state, i); err != nil {
				return err
			}
			goto restart
		}
	}
	return nil
}

// state starts a lexing of text, as chroma's RegexLexer.Tokenise does,
// but with rules of its own where they may change (see fixedRules): in
// chroma a rule a mutator replaced is seen by every lexing after it, and
// by any running beside it.
func (l *Lexer) state(text []rune) *chroma.LexerState {
	rules := l.rules
	if !l.fixed {
		rules = make(chroma.CompiledRules, len(l.rules))
		for state, list := range l.rules {
			rules[state] = slices.Clone(list)
		}
	}
	return &chroma.LexerState{
		Lexer:          l.base,
		Registry:       lexers.GlobalLexerRegistry,
		Text:           text,
		Stack:          []string{"root"},
		Rules:          rules,
		MutatorContext: map[any]any{},
	}
}
