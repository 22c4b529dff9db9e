package content

import (
	"reflect"
	"strings"
	"testing"
)

// A keepCase is front matter that either builds a page holding fields (a
// field's value to check, or nil for "present") or is refused with
// problems, each a path:line:col naming the construct and what to do.
type keepCase struct {
	name   string
	src    string
	fields map[string]any // checked when want is ""
	want   string         // the problems, one a line
}

// runKeepCases parses each case and checks that nothing the author wrote
// went missing without a problem saying so.
func runKeepCases(t *testing.T, cases []keepCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, diags := Parse("x.md", []byte(tc.src))
			if got := diags.Error(); got != tc.want {
				t.Fatalf("problems:\ngot  %q\nwant %q", got, tc.want)
			}
			if tc.want != "" {
				return
			}
			for k, want := range tc.fields {
				got, ok := p.Params[k]
				if !ok {
					t.Errorf("field %q missing from %#v", k, p.Params)
				} else if want != nil && !reflect.DeepEqual(got, want) {
					t.Errorf("field %q = %#v, want %#v", k, got, want)
				}
			}
		})
	}
}

func TestNothingDroppedYAML(t *testing.T) {
	const second = "YAML front matter holds a second document from line %s: a line starting with ... or --- ends the first, and front matter is one document, so what follows would be lost; remove this line"
	dup := func(at, key, first, also string) string {
		return "x.md:" + at + ": YAML front matter: key \"" + key + "\" given twice in one mapping (first at line " + first + ")" + also + ": a field may appear once; remove one"
	}
	runKeepCases(t, []keepCase{
		{"fields after a document end", "---\ntitle: T\n...\nsummary: x\n---\n", nil, "x.md:3:1: " + strings.Replace(second, "%s", "4", 1)},
		{"text after a document start", "---\ntitle: T\n--- more text\n---\n", nil, "x.md:3:1: " + strings.Replace(second, "%s", "3", 1)},
		{"fields after a document start", "---\ntitle: T\n--- summary: x\n---\n",
			nil, `x.md:3:12: YAML front matter does not parse: mapping values are not allowed in this context: quote a value that holds ": " ("a: b"), or indent a nested mapping on a line of its own`},
		{"a document end, then comments", "---\ntitle: T\n...\n# notes\n\n---\n", map[string]any{"title": "T"}, ""},
		{"text after a document end", "---\ntitle: T\n... summary: x\n---\n",
			nil, "x.md:3:5: YAML front matter does not parse: found unexpected content after document-end marker: a line starting with ... ends the front matter's document; remove it"},
		{"merge key as a value", "---\ntitle: T\nsummary: <<\n---\n",
			nil, `x.md:3:10: YAML front matter: the value << of "summary" is YAML's merge key, which as a value drops the field "summary"; quote it ("<<") to keep it as text`},
		{"merge key as a nested value", "---\ntitle: T\nrelations:\n  mentors: <<\n---\n",
			nil, `x.md:4:12: YAML front matter: the value << of "mentors" is YAML's merge key, which as a value drops the field "mentors"; quote it ("<<") to keep it as text`},
		{"merge key as a list item", "---\ntitle: T\ntools: [spark, <<]\n---\n",
			nil, `x.md:3:16: YAML front matter: the list item << is YAML's merge key, which decodes to nothing and leaves the list without it; quote it ("<<") to keep it as text`},
		{"merge key quoted", "---\ntitle: T\nsummary: \"<<\"\n---\n", map[string]any{"summary": "<<"}, ""},
		{"merging is asked for", "---\ntitle: T\nbase: &b {a: 1, b: 2}\nx:\n  <<: *b\n  a: 3\n---\n",
			map[string]any{"x": map[string]any{"a": 3, "b": 2}}, ""},
		{"bare tag as a value", "---\ntitle: !\n---\n",
			nil, "x.md:2:8: YAML front matter: a value that is only the tag !, which decodes to an empty string; write the value after the tag, or remove the !"},
		{"bare tag as a key", "---\ntitle: T\n! : x\n---\n",
			nil, "x.md:3:1: YAML front matter: a key that is only the tag !, which decodes to an empty string; write the key after the tag, or remove the !"},
		{"bare tag alone", "---\n!\n---\n",
			nil, "x.md:2:1: YAML front matter: a value that is only the tag !, which decodes to an empty string; write the value after the tag, or remove the !"},
		{"tag with a value", "---\ntitle: ! 2024\n---\n", map[string]any{"title": "2024"}, ""},
		{"same key twice", "---\ntitle: T\nsummary: a\nsummary: b\n---\n", nil, dup("4:1", "summary", "3", "")},
		{"keys that read the same", "---\ntitle: T\ntrue: a\nTrue: b\n---\n", nil, dup("4:1", "true", "3", ` (true and True both name the field "true")`)},
		{"number and string keys", "---\ntitle: T\n1: a\n\"1\": b\n---\n", nil, dup("4:1", "1", "3", ` (1 and "1" both name the field "1")`)},
		{"null keys", "---\ntitle: T\nnull: a\n~: b\n---\n", nil, dup("4:1", "null", "3", ` (null and ~ both name the field "null")`)},
		{"same key in a list's mapping", "---\ntitle: T\nx:\n  - {a: 1, b: 2, a: 3}\n---\n", nil, dup("4:18", "a", "4", "")},
		{"same key in sibling mappings", "---\ntitle: T\nx: {a: 1}\ny: {a: 1}\n---\n", map[string]any{"x": nil, "y": nil}, ""},
		{"number out of range", "---\ntitle: T\nx: 1e400\n---\n",
			nil, "x.md:3:4: YAML front matter: the number 1e400 is out of range (a 64-bit float holds about 1.8e308 at most, an integer 64 bits): write a smaller number, or quote it to keep it as text"},
		{"hex number out of range", "---\ntitle: T\nx: [0x1ffffffffffffffffff]\n---\n",
			nil, "x.md:3:5: YAML front matter: the number 0x1ffffffffffffffffff is out of range (a 64-bit float holds about 1.8e308 at most, an integer 64 bits): write a smaller number, or quote it to keep it as text"},
		{"number quoted", "---\ntitle: T\nx: \"1e400\"\n---\n", map[string]any{"x": "1e400"}, ""},
		{"number tagged as text", "---\ntitle: T\nx: !!str 1e400\n---\n", map[string]any{"x": "1e400"}, ""},
		{"a value its tag refuses", "---\ntitle: T\nx: [1, !!int \"abc\"]\n---\n",
			nil, `x.md:3:8: YAML front matter: the value "abc" is not what its tag !!int says: write a value of that kind, or remove the tag`},
		{"YAML 1.1 booleans in a string field", "---\ntitle: yes\nsummary: on\nsee: [no, off, y, n]\n---\n",
			map[string]any{"title": "yes", "summary": "on", "see": []string{"no", "off", "y", "n"}}, ""},
		{"a boolean where the field is a string", "---\ntitle: true\n---\n", nil, "x.md:2:1: title must be a string, not the boolean true: write title: The Page's Title"},
		{"a YAML 1.1 boolean where the field is a boolean", "---\ntitle: T\ndraft: on\n---\n", nil, `x.md:3:1: draft must be true or false, not the string "on": write draft: true, or draft: false`},
		{"a number where the field is a string", "---\ntitle: T\nsummary: 3.10\n---\n", nil, "x.md:3:1: summary must be a string, not the number 3.1: write summary: One sentence on what the page is about."},
		{"empty value kept", "---\ntitle: T\nnote:\n---\n", map[string]any{"note": nil}, ""},
	})
}

func TestNothingDroppedTOML(t *testing.T) {
	runKeepCases(t, []keepCase{
		{"same key twice", "+++\ntitle = 'T'\ntitle = 'U'\n+++\n",
			nil, "x.md:3:1: TOML front matter does not parse: Key 'title' has already been defined: a key or table may appear once; remove one, or merge the two"},
		{"same table twice", "+++\ntitle = 'T'\n[a]\nb = 1\n[a]\nc = 2\n+++\n",
			nil, "x.md:5:2: TOML front matter does not parse: Key 'a' has already been defined: a key or table may appear once; remove one, or merge the two"},
		{"same key in an inline table", "+++\ntitle = 'T'\nx = {a = 1, a = 2}\n+++\n",
			nil, "x.md:3:13: TOML front matter does not parse: Key 'x.a' has already been defined: a key or table may appear once; remove one, or merge the two"},
		{"number out of range", "+++\ntitle = 'T'\nx = 1e400\n+++\n",
			nil, "x.md:3:5: TOML front matter does not parse: 1e400 is out of range for float64: write a smaller number, or quote it to keep it as text"},
		{"integer out of range", "+++\ntitle = 'T'\nx = 123456789012345678901234567890\n+++\n",
			nil, "x.md:3:5: TOML front matter does not parse: 123456789012345678901234567890 is out of range for int64: write a smaller number, or quote it to keep it as text"},
		{"bad escape", "+++\ntitle = \"a\\qb\"\n+++\n",
			nil, `x.md:2:11: TOML front matter does not parse: invalid escape in string '\q': write \\ for a backslash, or use single quotes, in which \ is itself`},
		{"unclosed string", "+++\ntitle = \"abc\nsummary = 'x'\n+++\n",
			nil, "x.md:2:13: TOML front matter does not parse: strings cannot contain newlines: close the string on its line, or use triple quotes for text over several lines"},
		{"a boolean where the field is a string", "+++\ntitle = true\n+++\n", nil, "x.md:2:1: title must be a string, not the boolean true: write title: The Page's Title"},
		{"tables and dotted keys kept", "+++\ntitle = 'T'\na.b = 1\n[c]\nd = [1, 2]\n+++\n",
			map[string]any{"a": map[string]any{"b": int64(1)}, "c": map[string]any{"d": []any{int64(1), int64(2)}}}, ""},
	})
}

func TestNothingDroppedJSON(t *testing.T) {
	runKeepCases(t, []keepCase{
		{"a second object", "---json\n{\"title\": \"T\"}\n{\"summary\": \"x\"}\n---\n",
			nil, "x.md:3:1: JSON front matter holds more after its object, which would be lost: put every field in the one object, and nothing after its closing }"},
		{"text after the object", "---json\n{\"title\": \"T\"} x\n---\n",
			nil, "x.md:2:16: JSON front matter holds more after its object, which would be lost: put every field in the one object, and nothing after its closing }"},
		{"same key twice", "{\n\"title\": \"T\",\n\"title\": \"U\"\n}\n\n",
			nil, `x.md:3:1: JSON front matter: duplicate key "title" (first at line 2): a key may appear once in an object; remove one`},
		{"same key deep in a list", "{\n\"title\": \"T\",\n\"x\": [[{\"a\": 1,\n \"a\": 2}]]\n}\n\n",
			nil, `x.md:4:2: JSON front matter: duplicate key "a" (first at line 3): a key may appear once in an object; remove one`},
		{"number out of range", "{\n\"title\": \"T\", \"x\": -1e400\n}\n\n",
			nil, "x.md:2:20: JSON front matter: the number -1e400 is out of range (a 64-bit float holds about 1.8e308 at most): write a smaller number, or quote it to keep it as text"},
		{"runaway nesting", "{\n\"title\": \"T\", \"x\": " + nest("[", "", "]", 100000) + "\n}\n\n",
			nil, "x.md:2:51: JSON front matter nests more than 32 levels deep here (the limit of front matter): flatten the value, or keep such data outside the page"},
		{"unclosed string", "---json\n{\"title\": \"T\", \"x\": \"abc}\n---\n",
			nil, `x.md:2:26: JSON front matter does not parse: invalid character '\n' in string literal: close the string on its line; JSON writes a line break as \n`},
		{"bad escape", "---json\n{\"title\": \"T\", \"x\": \"\\q\"}\n---\n",
			nil, `x.md:2:23: JSON front matter does not parse: invalid character 'q' in string escape code: write \\ for a backslash; JSON knows \" \\ \/ \b \f \n \r \t and \uXXXX`},
		{"a boolean where the field is a string", "{\n\"title\": true\n}\n\n", nil, "x.md:2:1: title must be a string, not the boolean true: write title: The Page's Title"},
		{"empty and null kept", "{\n\"title\": \"T\", \"\": 1, \"n\": null\n}\n\n", map[string]any{"": nil, "n": nil}, ""},
	})
}
