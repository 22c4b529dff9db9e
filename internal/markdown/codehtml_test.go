package markdown

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/rolesite/rolesite/internal/lex"
)

// chromaCode is what chroma's own HTML formatter writes for tokens, with
// the options writeCode stands in for.
func chromaCode(t testing.TB, tokens []chroma.Token) string {
	t.Helper()
	format := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(focusablePre{}))
	var b strings.Builder
	if err := format.Format(&b, chroma.MustNewStyle("empty", chroma.StyleEntries{}), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// focusablePre is the <pre> writeCode writes, as a wrapper for chroma's
// formatter.
type focusablePre struct{}

func (focusablePre) Start(_ bool, attr string) string { return `<pre tabindex="0"` + attr + "><code>" }
func (focusablePre) End(bool) string                  { return "</code></pre>" }

func ownCode(tokens []chroma.Token) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeCode(w, tokens)
	_ = w.Flush()
	return b.String()
}

// codeTypes are the token types fuzzed tokens take: every type chroma
// gives a class, the one it gives none, types known only by their
// category, and one it does not know at all.
func codeTypes() []chroma.TokenType {
	types := []chroma.TokenType{0, chroma.Background, chroma.Line, chroma.NameBuiltinPseudo + 50, chroma.LiteralStringDelimiter + 90, 9999}
	for t := range chroma.StandardTypes {
		types = append(types, t)
	}
	return types
}

// fuzzedTokens makes tokens of data: pieces split at NUL, each piece's
// first byte choosing the type, the rest its text (which may be empty,
// may be newlines alone, and may hold what HTML must escape).
func fuzzedTokens(data string) []chroma.Token {
	types := codeTypes()
	var tokens []chroma.Token
	for _, piece := range strings.Split(data, "\x00") {
		var t chroma.TokenType
		if piece != "" {
			t, piece = types[int(piece[0])%len(types)], piece[1:]
		}
		if tok := (chroma.Token{Type: t, Value: piece}); tok != chroma.EOF {
			tokens = append(tokens, tok) // an iterator ends at EOF: no lexing holds one
		}
	}
	return tokens
}

// FuzzWriteCode is the differential test: for any tokens, writeCode
// writes what chroma's formatter writes.
func FuzzWriteCode(f *testing.F) {
	for _, seed := range []string{
		"", "\x01", "\x01\n", "\x01a\nb\n\x02\x00", "\x03\n\n\n\x04\x00\x05",
		"\x01<a href='x'>&amp;\"</a>\n\x00\x02\n", "\x00\x00\x00", "\x07\r\n\x08\t\n\x00\x09",
		"\x01 \x00\x02\n\x00\x03", "\x05line\nline\n\x00\x06\n\x00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		tokens := fuzzedTokens(data)
		if got, want := ownCode(tokens), chromaCode(t, tokens); got != want {
			t.Fatalf("tokens %q\n got: %s\nwant: %s", tokens, got, want)
		}
	})
}

// TestWriteCodeEveryLexer formats the tokens every chroma lexer makes of
// a text that mixes a dozen languages, both ways.
func TestWriteCodeEveryLexer(t *testing.T) {
	const text = "#!/bin/sh\n# comment\nimport os, re  // x\nfunc main() { fmt.Println(\"a<b>&'c'\", 0x1F, 3.5e-2) }\n" +
		"SELECT * FROM t WHERE a = 'x' -- c\n<div class=\"a\">&amp; text</div>\n{\"key\": [1, true, null]}\n" +
		"def f(x):\n    '''doc'''\n    return x @ y ** 2\n\nkey: value\n  - item\n$ echo \"$HOME\" | grep -E '^a+' > out\n" +
		"let s = `t${v}`; /* block */ #include <stdio.h>\n\t\r\n\n"
	var set lex.Set // chroma's JSONata lexer never ends on this text: lex stops it
	n := 0
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		tokens, err := set.Tokens(l, text)
		if err != nil {
			continue
		}
		if got, want := ownCode(tokens), chromaCode(t, tokens); got != want {
			t.Errorf("%s:\n got: %s\nwant: %s", l.Config().Name, got, want)
		}
		n++
	}
	if n < 200 {
		t.Fatalf("only %d lexers tokenised the text", n)
	}
}

// BenchmarkWriteCode formats the tokens of a block of the generated
// site's kind (five lines of Python) with chroma's formatter and with
// writeCode.
func BenchmarkWriteCode(b *testing.B) {
	code := "transform = clean(lineage)\njoin = index(dashboard)\nsample = for(cache)\ngpu = dashboard(throughput)\nindex = topic(classifier)\n"
	it, err := chroma.Coalesce(lexers.Get("python")).Tokenise(nil, code)
	if err != nil {
		b.Fatal(err)
	}
	tokens := it.Tokens()
	format := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(focusablePre{}))
	style := chroma.MustNewStyle("empty", chroma.StyleEntries{})
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	b.Run("chroma", func(b *testing.B) {
		for b.Loop() {
			buf.Reset()
			_ = format.Format(w, style, chroma.Literator(tokens...))
			_ = w.Flush()
		}
	})
	b.Run("writeCode", func(b *testing.B) {
		for b.Loop() {
			buf.Reset()
			writeCode(w, tokens)
			_ = w.Flush()
		}
	})
}
