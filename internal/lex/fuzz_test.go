package lex

import (
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// fuzzLanguages are the lexers FuzzTokens holds to chroma: those a site
// about machine learning shows most, and JSONata, whose lexer can loop.
var fuzzLanguages = []string{"python", "go", "bash", "console", "yaml", "json", "toml", "javascript", "typescript", "sql", "docker", "diff", "ini", "html", "c++", "rust", "jsonata"}

// FuzzTokens is the differential test: for any code, in any of
// fuzzLanguages, a Lexer's tokens are chroma's.
func FuzzTokens(f *testing.F) {
	f.Add(uint8(0), pythonSample)
	f.Add(uint8(0), "x = f'{a!r}' + r\"\\d\" # c\n")
	f.Add(uint8(1), "package main\n\nfunc main() { fmt.Println(`raw`, 'x', 0x1p-2) }\n")
	f.Add(uint8(2), "for f in *.md; do echo \"$f\" <<EOF\nhi\nEOF\ndone\n")
	f.Add(uint8(3), "$ pip install torch\nCollecting torch\n")
	f.Add(uint8(4), "a: [1, {b: 'c'}]\n- |\n  text\n")
	f.Add(uint8(5), "{\"a\": [1, 2.5e3, true, null]}")
	f.Add(uint8(15), "\"unterminated")
	f.Add(uint8(0), "x = 1\r\ny = '\r'\rz\r")
	f.Add(uint8(2), "echo a\r\n\r\rb")
	f.Add(uint8(12), "<script>let a = `x${b}`;</script><style>p{color:red}</style>")
	var set Set
	f.Fuzz(func(t *testing.T, lang uint8, code string) {
		if len(code) > 4<<10 {
			return
		}
		l, ok := lexers.Get(fuzzLanguages[int(lang)%len(fuzzLanguages)]).(*chroma.RegexLexer)
		if !ok {
			t.Fatalf("%s is not a regular expression lexer", fuzzLanguages[int(lang)%len(fuzzLanguages)])
		}
		fast := set.lexer(l)
		if fast == nil {
			t.Fatalf("%s does not compile here", l.Config().Name)
		}
		if err := same(fast, code); err != nil {
			t.Fatalf("%s, %q: %v", l.Config().Name, code, err)
		}
	})
}
