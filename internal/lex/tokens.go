package lex

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// ErrNoProgress says a lexer kept matching the empty string without
// leaving the position where it is: a rule that can match nothing and
// changes no state. chroma itself lexes on forever there (JSONata's names
// at an unterminated string do it), hanging whatever waits for it.
var ErrNoProgress = errors.New("the lexer matches nothing over and over")

// maxStuck is how many rules may match in a row at one position. Empty
// matches that push or pop states are legitimate, a few at a time.
const maxStuck = 1000

// Tokens returns the tokens of code, coalesced: what
// chroma.Coalesce(lexer).Tokenise(nil, code) yields.
func (l *Lexer) Tokens(code string) (tokens []chroma.Token, err error) {
	code = ensureLF(code)
	end := utf8.RuneCountInString(code)
	if l.ensureNL && (code == "" || code[len(code)-1] != '\n') {
		code += "\n"
	}
	st := l.state([]rune(code))
	defer func() {
		// Where chroma panics (an emitter's or mutator's failure), say so.
		if r := recover(); r != nil {
			tokens, err = nil, fmt.Errorf("lexing with %s: %v", l.base.Config().Name, r)
		}
	}()
	out := newCoalescer(code)
	stuck, at := 0, 0
	for st.Pos < end && len(st.Stack) > 0 {
		if st.Pos != at {
			stuck, at = 0, st.Pos
		} else if stuck++; stuck > maxStuck {
			return nil, fmt.Errorf("lexing with %s: %w at character %d", l.base.Config().Name, ErrNoProgress, st.Pos)
		}
		st.State = st.Stack[len(st.Stack)-1]
		rules, ok := st.Rules[st.State]
		if !ok {
			return nil, fmt.Errorf("lexing with %s: unknown state %q", l.base.Config().Name, st.State)
		}
		i, rule, m, n, err := match(st.Text, st.Pos, rules, l.states[st.State], l.fixed)
		if err != nil {
			return nil, fmt.Errorf("lexing with %s: %w", l.base.Config().Name, err)
		}
		if rule == nil {
			// As in Pygments, a newline no rule matches ends whatever
			// state the lexer was in.
			if st.Text[st.Pos] == '\n' && st.State != "root" {
				st.Stack = []string{"root"}
				continue
			}
			st.Pos++
			_ = out.add(chroma.Token{Type: chroma.Error, Value: string(st.Text[st.Pos-1 : st.Pos])})
			continue
		}
		if m == nil {
			// A plain rule: its emitter would give the n characters
			// matched as one token.
			text := string(st.Text[st.Pos : st.Pos+n])
			st.Pos += n
			if tt := rule.Type.(chroma.TokenType); tt != chroma.Ignore {
				_ = out.add(chroma.Token{Type: tt, Value: text})
			}
			continue
		}
		if err := l.apply(st, out, i, rule, m); err != nil {
			return nil, fmt.Errorf("lexing with %s: %w", l.base.Config().Name, err)
		}
	}
	if st.Pos != len(st.Text) && len(st.Stack) == 0 {
		_ = out.add(chroma.Token{Type: chroma.Error, Value: string(st.Text[st.Pos:])})
	}
	return out.done(), nil
}

// match tries rules at pos in order, skipping each whose first characters
// exclude the one at pos, and returns the first that matches: for a plain
// rule (see plain) how many characters it matched, for any other the
// match itself. A rule whose match runs out of time counts as not
// matching, as in chroma. With rules that never change (see fixedRules),
// an ASCII character's rules come from the state's dispatch.
//
// A rule a mutator made while lexing comes with its own Regexp; it is
// tried as chroma tries it.
func match(text []rune, pos int, rules []*chroma.CompiledRule, s *state, fixed bool) (int, *chroma.CompiledRule, *regexp2.Match, int, error) {
	if c := text[pos]; fixed && c >= 0 && c < 128 && s != nil {
		if d := s.dispatch(); d != nil {
			for _, i := range d.ascii[c] {
				p := s.patterns[i]
				if m, n, ok := try(text, pos, rules[i], p.re, p.words); ok {
					return int(i), rules[i], m, n, nil
				}
			}
			return 0, nil, nil, 0, nil
		}
	}
	var patterns []*pattern
	if s != nil {
		patterns = s.patterns
	}
	for i, rule := range rules {
		var re *regexp2.Regexp
		var first *syntax.CharSet
		var words *wordList
		if i < len(patterns) && patterns[i].rule == rule {
			var err error
			if re, first, err = patterns[i].compiled(); err != nil {
				return 0, nil, nil, 0, err
			}
			words = patterns[i].words
		} else {
			re = rule.Regexp
		}
		if first != nil && !first.Contains(text[pos]) {
			continue
		}
		if m, n, ok := try(text, pos, rule, re, words); ok {
			return i, rule, m, n, nil
		}
	}
	return 0, nil, nil, 0, nil
}

// try tries rule, whose pattern is re (or the list of words, when it is
// one), at pos: for a plain rule the match's length, for any other the
// match too.
func try(text []rune, pos int, rule *chroma.CompiledRule, re *regexp2.Regexp, words *wordList) (*regexp2.Match, int, bool) {
	if plain(rule) {
		n := -1
		if words != nil {
			n = words.match(text, pos)
		} else {
			n = matchLength(re, text, pos)
		}
		return nil, n, n >= 0
	}
	m, err := re.FindRunesMatchStartingAt(text, pos)
	if m != nil && err == nil && m.RuneIndex == pos {
		return m, m.RuneLength, true
	}
	return nil, 0, false
}

// plain says whether rule only names the type of the token it matches:
// no mutator, and an emitter that gives the whole match as one token, so
// that none of its groups are needed.
func plain(rule *chroma.CompiledRule) bool {
	_, ok := rule.Type.(chroma.TokenType)
	return ok && rule.Mutator == nil
}

// matchLength returns how many characters re matches at pos, or -1, as
// FindRunesMatchStartingAt would find it but without making a Match.
func matchLength(re *regexp2.Regexp, text []rune, pos int) int {
	n := -1
	err := re.FindRunesMatches(text, pos, func(v regexp2.MatchView) bool {
		if at, length, ok := v.GroupRange(0); ok && at == pos {
			n = length
		}
		return false
	})
	if err != nil {
		return -1
	}
	return n
}

// apply runs rule, the ith of its state, which matched m: its mutator,
// then its emitter, with the state's groups set as chroma sets them.
func (l *Lexer) apply(st *chroma.LexerState, out *coalescer, i int, rule *chroma.CompiledRule, m *regexp2.Match) error {
	gs := m.Groups()
	groups := make([]string, 0, len(gs))
	named := make(map[string]string, len(gs))
	for _, g := range gs {
		s := g.String()
		named[g.Name] = s
		groups = append(groups, s)
	}
	st.Rule, st.Groups, st.NamedGroups = i, groups, named
	st.Pos += utf8.RuneCountInString(groups[0])
	if rule.Mutator != nil {
		if err := rule.Mutator.Mutate(st); err != nil {
			return err
		}
	}
	if rule.Type != nil {
		it := rule.Type.Emit(st.Groups, st)
		for t := it(); t != chroma.EOF; t = it() {
			if t.Type == chroma.Ignore {
				continue
			}
			if err := out.add(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// A coalescer joins runs of tokens of one type, as chroma.Coalesce does:
// empty tokens are dropped, and a run is cut once its value reaches 8 KiB.
// It also counts empty tokens in a row: past limit, the lexer is taken
// to be matching nothing forever (see ErrNoProgress), which is how such
// a loop shows in a lexing chroma does for a lexer (a sub-lexer that
// UsingByGroup looks up, a lexer that is not a RegexLexer).
type coalescer struct {
	out          []chroma.Token
	prev         chroma.Token
	empty, limit int
}

// newCoalescer allows, for code, more empty tokens in a row than any
// lexer that moves on gives: sixteen a character, and ten thousand.
func newCoalescer(code string) *coalescer {
	return &coalescer{limit: 16*len(code) + 10000}
}

func (c *coalescer) add(t chroma.Token) error {
	switch {
	case t.Value == "":
		if c.empty++; c.empty > c.limit {
			return ErrNoProgress
		}
		return nil
	case c.prev == chroma.EOF:
		c.prev = t
	case c.prev.Type == t.Type && len(c.prev.Value) < 8192:
		c.prev.Value += t.Value
	default:
		c.out = append(c.out, c.prev)
		c.prev = t
	}
	c.empty = 0
	return nil
}

func (c *coalescer) done() []chroma.Token {
	if c.prev != chroma.EOF {
		c.out = append(c.out, c.prev)
	}
	return c.out
}

// ensureLF turns "\r\n" and a lone "\r" into "\n", as chroma does.
// Code without a '\r' (nearly all of it) is returned as it is, not copied.
func ensureLF(text string) string {
	first := strings.IndexByte(text, '\r')
	if first < 0 {
		return text
	}
	buf := append(make([]byte, 0, len(text)), text[:first]...)
	for i := first; i < len(text); i++ {
		ch := text[i]
		if ch == '\r' {
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			ch = '\n'
		}
		buf = append(buf, ch)
	}
	return string(buf)
}
