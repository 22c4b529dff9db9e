package content

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// A written field is a top-level key as the author typed it and the field
// name it stands for.
type written struct{ text, name string }

// yamlKeys, tomlKeys and jsonKeys are keys a generator writes now and then
// (else a key of its own): few, so that one is often written twice, and in
// several spellings of one name.
var (
	yamlKeys = []written{
		{"tools", "tools"}, {"k1", "k1"}, {"'k1'", "k1"}, {`"k2"`, "k2"},
		{"true", "true"}, {"True", "true"}, {"1", "1"}, {`"1"`, "1"}, {"null", "null"}, {"~", "null"}, {"! k3", "k3"},
		{"!", ""}, {"? k4\n", "k4"}, {"0x10", "16"},
	}
	tomlKeys = []written{
		{"k1", "k1"}, {`"k1"`, "k1"}, {"'k2'", "k2"}, {"k2", "k2"}, {"a-b", "a-b"},
	}
	jsonKeys = []written{
		{`"k1"`, "k1"}, {`"k\u0031"`, "k1"}, {`""`, ""}, {`"k2"`, "k2"},
	}
)

// Values a generator writes: the plain ones most of the time, so that many
// front matters are taken and the property has teeth.
var (
	yamlPlain  = []string{"x", "Data scientist", "[a, b]", "{a: 1}", "3", "'quoted'", "\"q\"", "|\n  text", "2024-01-01", "yes", "on"}
	yamlTricky = []string{"<<", "!", "! x", "!!str", "1e400", "[a, <<]", "{a: 1, a: 2}", "[!]", "", "&a v", "*a", "\"a\\qb\"", "{x: <<}",
		"0x1ffffffffffffffffff", "[1, 1e400]", "{true: 1, True: 2}"}
	tomlPlain  = []string{"'x'", `"y"`, "3", "1.5", "true", "[1, 2]", "{a = 1}", "2024-01-01"}
	tomlTricky = []string{"1e400", "{a = 1, a = 2}", "99999999999999999999", `"a\qb"`, "[1, 'a']", ""}
	jsonPlain  = []string{`"x"`, "3", "1.5", "true", "null", `["a", "b"]`, `{"a": 1}`, `[{"a": 1}, {"a": 2}]`}
	jsonTricky = []string{"1e400", `{"a": 1, "a": 2}`, `[{"b": 1, "b": 2}]`, `"a\qb"`, "-1e999", `{"x": {"y": 1, "y": 2}}`}
)

// genFrontMatter writes a front matter file in format of n fields, and the
// names of the top-level fields it wrote.
func genFrontMatter(r *rand.Rand, format string, n int) (string, []string) {
	pick := func(plain, tricky []string) string {
		if r.IntN(8) == 0 {
			return tricky[r.IntN(len(tricky))]
		}
		return plain[r.IntN(len(plain))]
	}
	var b strings.Builder
	names := []string{"title"}
	// field writes the i-th field: a key of the pool now and then, else
	// one of its own; then sep and a value.
	field := func(i int, pool []written, quote, sep string, plain, tricky []string) {
		k := written{quote + fmt.Sprintf("f%d", i) + quote, fmt.Sprintf("f%d", i)}
		if r.IntN(4) == 0 {
			k = pool[r.IntN(len(pool))]
		}
		names = append(names, k.name)
		b.WriteString(k.text + sep + pick(plain, tricky))
	}
	switch format {
	case "yaml":
		b.WriteString("---\ntitle: T\n")
		for i := range n {
			field(i, yamlKeys, "", ": ", yamlPlain, yamlTricky)
			b.WriteString("\n")
			switch r.IntN(30) {
			case 0:
				b.WriteString("...\n")
			case 1:
				b.WriteString("# a comment\n\n")
			case 2:
				b.WriteString("--- more\n")
			}
		}
		b.WriteString("---\n")
	case "toml":
		b.WriteString("+++\ntitle = 'T'\n")
		for i := range n {
			field(i, tomlKeys, "", " = ", tomlPlain, tomlTricky)
			b.WriteString("\n")
		}
		b.WriteString("+++\n")
	case "json":
		fenced := r.IntN(3) == 0 // ---json ... ---, else { ... } and a blank line
		if fenced {
			b.WriteString("---json\n")
		}
		b.WriteString("{\n\"title\": \"T\"")
		for i := range n {
			b.WriteString(",\n")
			field(i, jsonKeys, `"`, ": ", jsonPlain, jsonTricky)
		}
		b.WriteString("\n}\n")
		if fenced && r.IntN(8) == 0 {
			b.WriteString(`{"more": 1}` + "\n")
			names = append(names, "more")
		}
		if fenced {
			b.WriteString("---\n")
		}
		b.WriteString("\n")
	}
	return b.String(), names
}

// TestEveryKeyKeptOrReported generates front matter in each format, with
// keys written twice or spelt two ways, values YAML reads as nothing or
// as another type, numbers out of range, document markers and trailing
// objects, and checks the property: every top-level key written is among
// the page's fields, or the parse reports a problem. A generator that
// writes only refused front matter proves nothing, so enough must be taken.
func TestEveryKeyKeptOrReported(t *testing.T) {
	const runs = 3000
	for _, format := range []string{"yaml", "toml", "json"} {
		taken := 0
		for seed := range uint64(runs) {
			r := rand.New(rand.NewPCG(seed, 21))
			src, names := genFrontMatter(r, format, 1+r.IntN(6))
			p, diags := Parse("x.md", []byte(src))
			if len(diags) > 0 {
				continue
			}
			taken++
			for _, name := range names {
				if _, ok := p.Params[name]; !ok {
					t.Errorf("%s, seed %d: key %q written, not among the fields %v, and no problem reported:\n%s", format, seed, name, p.Params, src)
				}
			}
		}
		t.Logf("%s: %d of %d front matters taken", format, taken, runs)
		if taken < runs/10 {
			t.Errorf("%s: only %d of %d front matters taken: the generator tests too little", format, taken, runs)
		}
	}
}
