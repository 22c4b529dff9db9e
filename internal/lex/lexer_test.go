package lex

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// chromaTokens is what this package must give: chroma's own tokens, or
// an error where chroma fails or panics.
func chromaTokens(l chroma.Lexer, code string) (tokens []chroma.Token, err error) {
	defer func() {
		if r := recover(); r != nil {
			tokens, err = nil, fmt.Errorf("chroma panicked: %v", r)
		}
	}()
	it, err := chroma.Coalesce(l).Tokenise(nil, code)
	if err != nil {
		return nil, err
	}
	return it.Tokens(), nil
}

// same reports where l's tokens of code differ from chroma's. A lexing
// that ran into the 250 ms match limit (a loaded machine, -race) differs
// from run to run, so a difference must hold over three tries.
func same(l *Lexer, code string) error {
	var problem error
	for range 3 {
		got, gerr := l.Tokens(code)
		if errors.Is(gerr, ErrNoProgress) {
			return chromaLoops(l.base, code)
		}
		want, werr := chromaTokens(l.base, code)
		switch {
		case (werr != nil) != (gerr != nil):
			problem = fmt.Errorf("chroma's error %v, ours %v", werr, gerr)
		case werr == nil && !slices.Equal(got, want):
			problem = fmt.Errorf("tokens differ at %d:\n ours   %s\n chroma %s", firstDiff(got, want), around(got, firstDiff(got, want)), around(want, firstDiff(got, want)))
		default:
			return nil
		}
	}
	return problem
}

// chromaLoops checks that chroma, lexing code, goes on forever: after as
// many tokens as code has characters, it gives nothing but empty tokens,
// ten thousand in a row. (Its coalescing iterator would never return.)
func chromaLoops(l chroma.Lexer, code string) error {
	it, err := l.Tokenise(nil, code)
	if err != nil {
		return fmt.Errorf("we found no progress; chroma fails: %v", err)
	}
	empty := 0
	for range len(code) + 20000 {
		t := it()
		if t == chroma.EOF {
			return errors.New("we found no progress, but chroma comes to an end")
		}
		if empty++; t.Value != "" {
			empty = 0
		}
	}
	if empty < 10000 {
		return fmt.Errorf("we found no progress, but chroma's last %d tokens were not all empty", 10000)
	}
	return nil
}

func firstDiff(a, b []chroma.Token) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(ts []chroma.Token, i int) string {
	return fmt.Sprint(ts[max(0, i-2):min(len(ts), i+3)], " of ", len(ts))
}

// samples returns chroma's test data: its lexers' sample inputs, by path.
func samples(t testing.TB) map[string]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil {
		t.Fatalf("finding chroma's module: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "lexers", "testdata")
	m := map[string]string{}
	err = fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".actual") {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		m[p] = string(data)
		return err
	})
	if err != nil || len(m) < 100 {
		t.Fatalf("chroma's test data in %s: %d samples, %v", dir, len(m), err)
	}
	return m
}

// sampleLexer is the lexer a sample is for: named by its file
// ("python.actual", "analysis/..." by its folder's lexer), or chosen by
// its file name.
func sampleLexer(p string) chroma.Lexer {
	name := strings.TrimSuffix(p, ".actual")
	if dir, _ := filepath.Split(name); dir != "" {
		if l := lexers.Get(strings.Trim(dir, "/")); l != nil {
			return l
		}
	}
	if l := lexers.Get(filepath.Base(name)); l != nil {
		return l
	}
	return lexers.Get(strings.SplitN(filepath.Base(name), ".", 2)[0])
}

// TestSamples lexes every sample of chroma's test data with its lexer,
// here and in chroma, and compares the tokens.
func TestSamples(t *testing.T) {
	var set Set
	n := 0
	for p, code := range samples(t) {
		other := sampleLexer(p)
		if other == nil {
			t.Errorf("%s: no lexer", p)
			continue
		}
		l, ok := other.(*chroma.RegexLexer)
		if !ok {
			// chroma lexes, through the Set's guard.
			got, err := set.Tokens(other, code)
			want, werr := chromaTokens(other, code)
			if err != nil || werr != nil || !slices.Equal(got, want) {
				t.Errorf("%s (%s, chroma's): %v / %v", p, other.Config().Name, err, werr)
			}
			continue
		}
		fast := set.lexer(l)
		if fast == nil {
			t.Errorf("%s: the %s lexer does not compile here", p, l.Config().Name)
			continue
		}
		if err := same(fast, code); err != nil {
			t.Errorf("%s (%s): %v", p, l.Config().Name, err)
		}
		n++
	}
	if n < 150 {
		t.Fatalf("only %d samples had a regular expression lexer", n)
	}
}

// TestEveryLexer compiles every regular expression lexer chroma has and
// lexes a text of many languages with each, here and in chroma.
func TestEveryLexer(t *testing.T) {
	all := samples(t)
	var mixed strings.Builder
	mixed.WriteString(pythonSample)
	for _, p := range []string{"go.actual", "bash.actual", "json.actual", "yaml.actual", "phtml.actual", "cpp.actual", "javascript.actual", "markdown.actual", "css.actual"} {
		code, ok := all[p]
		if !ok {
			t.Fatalf("chroma's test data has no %s", p)
		}
		mixed.WriteString(code[:min(len(code), 200)])
	}
	n := 0
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		rl, ok := l.(*chroma.RegexLexer)
		if !ok {
			continue
		}
		fast, err := New(rl)
		if err != nil {
			t.Errorf("%s: %v", rl.Config().Name, err)
			continue
		}
		if err := same(fast, mixed.String()); err != nil {
			t.Errorf("%s: %v", rl.Config().Name, err)
		}
		n++
	}
	if n < 200 {
		t.Fatalf("only %d regular expression lexers", n)
	}
}

// pythonSample is Python code (chroma's test data has none) with strings
// of every kind, decorators, f-strings and a doctest.
const pythonSample = `#!/usr/bin/env python3
"""Train a model.

>>> train(1)
0.5
"""
import numpy as np
from typing import Optional

@dataclass(frozen=True)
class Config:
    lr: float = 3e-4
    name: str = 'run\\x41'
    tags: list[str] = field(default_factory=lambda: [r"a\\b", b'\\x00', f"{lr!r:>10}"])

async def train(epochs: int, *, seed: Optional[int] = None) -> float:
    for i in range(epochs):  # comment
        loss = 0x1F + 0o17 + 1_000j ** 2 if i else ...
        yield loss @ np.eye(3)
    raise ValueError("unterminated
`

// TestConcurrent lexes samples on four goroutines with one Set, each
// sample several times, and holds every lexing to chroma's tokens. Go's
// lexer has emitters written in Go, so it lexes with rules of its own
// each time (see fixedRules). Raku's mutators replace rules as they lex,
// here and also in the lexings Raku's emitters hand back to chroma
// (UsingSelf), where chroma's rules are shared: two Raku lexings at once
// race inside chroma, whoever calls it, so Raku is held to chroma one
// lexing at a time, in TestSamples.
func TestConcurrent(t *testing.T) {
	all := samples(t)
	type job struct {
		l    chroma.Lexer
		code string
		want []chroma.Token
	}
	var jobs []job
	for _, p := range []string{"go.actual", "bash.actual", "yaml.actual", "javascript.actual"} {
		l := sampleLexer(p)
		want, err := chromaTokens(l, all[p])
		if err != nil || len(want) == 0 {
			t.Fatalf("%s: chroma gives %d tokens, %v", p, len(want), err)
		}
		jobs = append(jobs, job{l, all[p], want})
	}
	var set Set
	var wg sync.WaitGroup
	errs := make(chan error, 4*3*len(jobs))
	for w := range 4 {
		wg.Go(func() {
			for i := range 3 * len(jobs) {
				j := jobs[(i+w)%len(jobs)]
				got, err := set.Tokens(j.l, j.code)
				if err != nil || !slices.Equal(got, j.want) {
					errs <- fmt.Errorf("%s: %d tokens, want %d (%v)", j.l.Config().Name, len(got), len(j.want), err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestNoProgressNested: a lexing chroma does for a Set (markdown's lexer,
// which is not a RegexLexer; a sub-lexer UsingByGroup looks up) that
// gives empty tokens forever ends with ErrNoProgress, where chroma would
// go on forever.
func TestNoProgressNested(t *testing.T) {
	fence := strings.Repeat("`", 3)
	var set Set
	for _, c := range []struct{ lang, code string }{
		{"markdown", "# Title\n\n" + fence + "jsonata\n\"open\n" + fence + "\n"},
		{"markdown", "---\ntitle: x\n---\n" + fence + "jsonata\n\"open\n" + fence + "\n"},
		{"org", "#+BEGIN_SRC jsonata\n\"open\n#+END_SRC\n"},
	} {
		l := lexers.Get(c.lang)
		if _, err := set.Tokens(l, c.code); !errors.Is(err, ErrNoProgress) {
			t.Errorf("%s, %q: %v, want ErrNoProgress", c.lang, c.code, err)
		}
		if err := chromaLoops(l, c.code); err != nil {
			t.Errorf("%s, %q: %v", c.lang, c.code, err)
		}
	}
	// The same lexers end where the code does.
	for _, c := range []struct{ lang, code string }{
		{"markdown", "# Title\n\n" + fence + "jsonata\n\"closed\"\n" + fence + "\n"},
		{"org", "#+BEGIN_SRC python\nx = 1\n#+END_SRC\n"},
	} {
		l := lexers.Get(c.lang)
		got, err := set.Tokens(l, c.code)
		want, werr := chromaTokens(l, c.code)
		if err != nil || werr != nil || !slices.Equal(got, want) {
			t.Errorf("%s, %q: %v / %v\n ours   %v\n chroma %v", c.lang, c.code, err, werr, got, want)
		}
	}
}
