package content

import "testing"

// TestDecodeProblems covers decoder errors whose position or wording the
// decoders get wrong on their own: yaml.v3's 0-based lines for parser
// errors, its multi-line "unmarshal errors", tabs, non-string keys, JSON
// that is not an object, and old Mac line endings.
func TestDecodeProblems(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unclosed flow sequence", "---\ntitle: T\nsummary: [a, b\n---\n",
			"x.md:3:1: YAML front matter does not parse: did not find expected ',' or ']'"},
		{"unclosed flow mapping", "---\ntitle: T\n\nrelations: {a: roles\n---\n",
			"x.md:4:1: YAML front matter does not parse: did not find expected ',' or '}'"},
		{"key given twice", "---\ntitle: T\nsummary: a\ntitle: U\n---\n",
			`x.md:4:1: YAML front matter does not parse: mapping key "title" already defined at line 2`},
		{"keys given twice, crlf", "---\r\ntitle: T\r\ntitle: U\r\nsummary: a\r\n  \r\nsummary: b\r\n---\r\n",
			"x.md:3:1: YAML front matter does not parse: mapping key \"title\" already defined at line 2\n" +
				`x.md:6:1: YAML front matter does not parse: mapping key "summary" already defined at line 4`},
		{"tab indentation", "---\ntitle: T\ntools:\n\t- spark\n---\n",
			"x.md:4:1: YAML front matter does not parse: found character that cannot start any token (YAML indents with spaces, not tabs)"},
		{"json missing comma", "{\n  \"title\": \"T\"\n  \"summary\": \"x\"\n}\n\n",
			`x.md:3:3: JSON front matter does not parse: invalid character '"' after object key:value pair (is a comma missing?)`},
		{"json trailing comma", "{\n  \"title\": \"T\",\n}\n\n",
			`x.md:3:1: JSON front matter does not parse: invalid character '}' looking for beginning of object key string (JSON allows no comma after the last field)`},
		{"json array", "---json\n[1, 2]\n---\n",
			`x.md:2:1: JSON front matter must be an object of fields ({"title": ..., "summary": ...})`},
		{"lone carriage returns", "---\rtitle: T\rorder: x\r---\rText.\r",
			`x.md:3:1: order must be a whole number, not the string "x"`},
		{"list holding a number", "---\ntitle: T\naliases: [/a/, 3]\n---\n",
			`x.md:3:1: aliases must be a list of paths, not a list holding the number 3`},
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
