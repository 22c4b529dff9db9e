package lex

import (
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// BenchmarkTokens lexes samples with chroma and with a Lexer, taking
// turns: "block" is a generated site's page's one short Python block.
func BenchmarkTokens(b *testing.B) {
	all := samples(b)
	for _, c := range []struct{ name, lang, code string }{
		{"block", "python", "alpha = beta(gamma)\ndelta = epsilon(zeta)\neta = theta(iota)\nkappa = lambda_(mu)\nnu = xi(omicron)\n"},
		{"python", "python", pythonSample},
		{"go", "go", all["go.actual"]},
		{"bash", "bash", all["bash.actual"]},
		{"yaml", "yaml", all["yaml.actual"]},
		{"javascript", "javascript", all["javascript.actual"]},
	} {
		l := lexers.Get(c.lang)
		b.Run(c.name+"/chroma", func(b *testing.B) {
			b.SetBytes(int64(len(c.code)))
			for b.Loop() {
				if _, err := chromaTokens(l, c.code); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/lex", func(b *testing.B) {
			fast, err := New(l.(*chroma.RegexLexer))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(c.code)))
			for b.Loop() {
				if _, err := fast.Tokens(c.code); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
