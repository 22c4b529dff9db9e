package content

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestDecodeProblems covers decoder errors placed at the construct they
// are about, from v4's structured positions: an unclosed bracket or quote
// where it opens, a key given twice at the second naming the line of the
// first, a tab at the tab, a bad escape at its backslash; and JSON that is
// not an object, and old Mac line endings.
func TestDecodeProblems(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unclosed flow sequence", "---\ntitle: T\nsummary: [a, b\n---\n",
			"x.md:3:10: YAML front matter does not parse: did not find expected ',' or ']': the list opened here with [ is never closed; end it with ], with a comma between items"},
		{"unclosed flow mapping", "---\ntitle: T\n\nrelations: {a: roles\n---\n",
			"x.md:4:12: YAML front matter does not parse: did not find expected ',' or '}': the mapping opened here with { is never closed; end it with }, with a comma between fields"},
		{"key given twice", "---\ntitle: T\nsummary: a\ntitle: U\n---\n",
			`x.md:4:1: YAML front matter: key "title" given twice in one mapping (first at line 2): a field may appear once; remove one`},
		{"keys given twice, crlf", "---\r\ntitle: T\r\ntitle: U\r\nsummary: a\r\n  \r\nsummary: b\r\n---\r\n",
			"x.md:3:1: YAML front matter: key \"title\" given twice in one mapping (first at line 2): a field may appear once; remove one\n" +
				`x.md:6:1: YAML front matter: key "summary" given twice in one mapping (first at line 4): a field may appear once; remove one`},
		{"tab indentation", "---\ntitle: T\ntools:\n\t- spark\n---\n",
			"x.md:4:1: YAML front matter does not parse: a tab where YAML wants spaces (found character that cannot start any token): indent with spaces, not tabs"},
		{"tab after spaces", "---\ntitle: T\ntools:\n  \t- spark\n---\n",
			"x.md:4:3: YAML front matter does not parse: a tab where YAML wants spaces (found a tab character where an indentation space is expected): indent with spaces, not tabs"},
		{"unclosed double quote", "---\ntitle: \"Data\nsummary: x\n---\n",
			"x.md:2:8: YAML front matter does not parse: found unexpected end of stream: the quote opened here is never closed; close it on the same value, or write the value without quotes"},
		{"unclosed single quote", "---\ntitle: T\nsummary: 'It is\n\n---\nBody\n",
			"x.md:3:10: YAML front matter does not parse: found unexpected end of stream: the quote opened here is never closed; close it on the same value, or write the value without quotes"},
		{"bad escape", "---\ntitle: \"café \\q\"\n---\n",
			`x.md:2:15: YAML front matter does not parse: found unknown escape character: write \\ for a backslash, or use single quotes, in which \ is itself`},
		{"bad hex escape", "---\ntitle: \"a\\xZZ\"\n---\n",
			`x.md:2:10: YAML front matter does not parse: did not find expected hexadecimal number: write \\ for a backslash, or use single quotes, in which \ is itself`},
		{"bad escape in a tag", "---\ntitle: x\nk: !a%0X\n---\n",
			`x.md:3:6: YAML front matter does not parse: did not find URI escaped octet: a tag (after "!") writes a character as % and two hexadecimal digits (%20); quote the value if it is not meant as a tag`},
		{"bad escape in a tag, no backslash before it", "---\n!0%0X0000000000\n---",
			`x.md:2:3: YAML front matter does not parse: did not find URI escaped octet: a tag (after "!") writes a character as % and two hexadecimal digits (%20); quote the value if it is not meant as a tag`},
		{"a bad item in a closed list", "---\ntitle: T\ntools: [a, b: c: d]\n---\n",
			`x.md:3:16: YAML front matter does not parse: did not find expected ',' or ']': this item does not parse: put a comma between items, and quote an item that holds ": " ("a: b")`},
		{"merge of a string", "---\ntitle: T\n<<: x\n---\n",
			`x.md:3:5: YAML front matter does not parse: map merge requires map or sequence of maps as the value: << merges the fields of a mapping (<<: *base, or <<: {a: 1}); quote the key ("<<") for a field of that name`},
		{"key given twice deeper", "---\ntitle: T\nrelations:\n  a: roles\n  b: tools\n  a: stages\n---\n",
			`x.md:6:3: YAML front matter: key "a" given twice in one mapping (first at line 4): a field may appear once; remove one`},
		{"json missing comma", "{\n  \"title\": \"T\"\n  \"summary\": \"x\"\n}\n\n",
			`x.md:3:3: JSON front matter does not parse: invalid character '"' after object key:value pair (is a comma missing?)`},
		{"json trailing comma", "{\n  \"title\": \"T\",\n}\n\n",
			`x.md:3:1: JSON front matter does not parse: invalid character '}' looking for beginning of object key string (JSON allows no comma after the last field)`},
		{"json array", "---json\n[1, 2]\n---\n",
			`x.md:2:1: JSON front matter must be an object of fields ({"title": ..., "summary": ...})`},
		{"lone carriage returns", "---\rtitle: T\rorder: x\r---\rText.\r",
			`x.md:3:1: order must be a whole number, not the string "x": write order: 3`},
		{"list holding a number", "---\ntitle: T\naliases: [/a/, 3]\n---\n",
			`x.md:3:1: aliases must be a list of paths, not a list holding the number 3: write aliases: [/old/path/]`},
		{"nul after bom and cr", "\uFEFF---\rtitle: T\r---\rA\x00",
			"x.md:4:2: file contains a NUL byte: it looks like a binary file, not markdown; remove it or rename it so it does not end in .md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse("x.md", []byte(tc.src))
			if got := diags.Error(); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestNonStringKeys reads YAML keys that are not strings by their text, at
// any depth, instead of refusing the whole front matter.
func TestNonStringKeys(t *testing.T) {
	p, diags := Parse("x.md", []byte("---\ntitle: T\n2024: a year\nyears: {1999: x, true: y, null: z}\n---\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if p.Params["2024"] != "a year" {
		t.Errorf("2024 = %v", p.Params["2024"])
	}
	years, ok := p.Params["years"].(map[string]any)
	if !ok || years["1999"] != "x" || years["true"] != "y" || years["null"] != "z" {
		t.Errorf("years = %#v", p.Params["years"])
	}
}

// TestStringListsEveryFormat: a field whose value is a list of strings
// alone is a []string in every format, by the fast path or a decoder, an
// empty list too; a list holding anything else, and a list deeper in a
// value, stay []any.
func TestStringListsEveryFormat(t *testing.T) {
	want := map[string]any{
		"tools":  []string{"spark", "air flow"},
		"none":   []string{},
		"mixed":  nil, // below
		"nested": map[string]any{"in": []any{"x", "y"}},
	}
	for _, tc := range []struct{ name, src string }{
		{"yaml", "---\ntitle: T\ntools: [spark, 'air flow']\nnone: []\nmixed: [a, 1]\nnested: {in: [x, y]}\n---\n"},
		{"yaml block list", "---\ntitle: T\ntools:\n  - spark\n  - air flow\nnone: []\nmixed: [a, 1]\nnested:\n  in: [x, y]\n---\n"},
		{"toml", "+++\ntitle = 'T'\ntools = ['spark', 'air flow']\nnone = []\nmixed = ['a', 1]\n[nested]\nin = ['x', 'y']\n+++\n"},
		{"json", "{\n\"title\": \"T\", \"tools\": [\"spark\", \"air flow\"], \"none\": [],\n\"mixed\": [\"a\", 1], \"nested\": {\"in\": [\"x\", \"y\"]}\n}\n\n"},
	} {
		p, diags := Parse("content/roles/x.md", []byte(tc.src))
		if len(diags) > 0 {
			t.Fatalf("%s: %v", tc.name, diags)
		}
		for field, w := range want {
			got := p.Params[field]
			if field == "mixed" { // each decoder's own number type
				w = []any{"a", map[string]any{"toml": int64(1), "json": json.Number("1")}[tc.name]}
				if w.([]any)[1] == nil {
					w = []any{"a", 1}
				}
			}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("%s: %s = %#v, want %#v", tc.name, field, got, w)
			}
		}
	}
	// The fast path takes the first block and agrees with v4 on it.
	if m, ok := flatYAML([]byte("tools: [spark, air flow]\n")); !ok || !reflect.DeepEqual(m["tools"], []string{"spark", "air flow"}) {
		t.Errorf("flatYAML: %#v, %v", m, ok)
	}
}
