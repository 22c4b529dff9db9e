package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestParseFormats(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"yaml", "---\ntitle: Data Scientist\nsummary: Finds patterns.\nweight: 3\ntools: [python, r]\n---\nBody\n"},
		{"toml", "+++\ntitle = \"Data Scientist\"\nsummary = \"Finds patterns.\"\nweight = 3\ntools = [\"python\", \"r\"]\n+++\nBody\n"},
		{"json", "{\n  \"title\": \"Data Scientist\",\n  \"summary\": \"Finds patterns.\",\n  \"weight\": 3,\n  \"tools\": [\"python\", \"r\"]\n}\n\nBody\n"},
		{"crlf", "---\r\ntitle: Data Scientist\r\nsummary: Finds patterns.\r\nweight: 3\r\ntools: [python, r]\r\n---\r\nBody\r\n"},
		{"bom", "\uFEFF---\ntitle: Data Scientist\nsummary: Finds patterns.\nweight: 3\ntools: [python, r]\n---\nBody\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, diags := Parse("content/roles/data-scientist.md", []byte(tc.src))
			if len(diags) > 0 {
				t.Fatalf("unexpected problems: %v", diags)
			}
			if p.Title != "Data Scientist" || p.Summary != "Finds patterns." || p.Weight != 3 || !p.Weighed {
				t.Errorf("fields = %q %q %d %v", p.Title, p.Summary, p.Weight, p.Weighed)
			}
			if p.Section != "roles" || p.Slug != "data-scientist" {
				t.Errorf("section/slug = %q/%q", p.Section, p.Slug)
			}
			tools, bad := Strings(p.Params["tools"])
			if bad != "" || strings.Join(tools, ",") != "python,r" {
				t.Errorf("tools = %v (%s)", tools, bad)
			}
			if got := strings.TrimSpace(string(p.Body)); got != "Body" {
				t.Errorf("body = %q", got)
			}
			wantLine := 7
			if tc.name == "json" {
				wantLine = 8
			}
			if p.BodyLine != wantLine {
				t.Errorf("body line = %d, want %d", p.BodyLine, wantLine)
			}
			pos := p.ItemPos("tools", tools)
			if pos[0].Line != 5 || pos[1].Line != 5 || pos[1].Col <= pos[0].Col {
				t.Errorf("tool positions = %v", pos)
			}
		})
	}
}

func TestParseProblems(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", `x.md:1:1: missing title: start the file with front matter such as "---\ntitle: ...\n---"`},
		{"only front matter", "---\ntitle: T\n---", ""},
		{"unclosed yaml", "---\ntitle: T\n\nbody\n", "x.md:1:1: front matter opened here with --- is never closed: add a line holding only --- after the last field"},
		{"unclosed toml", "\n+++\ntitle = 'T'\n", "x.md:2:1: front matter opened here with +++ is never closed: add a line holding only +++ after the last field"},
		{"bad yaml", "---\ntitle: T\nsummary: [a\n---\n", "x.md:3:10: YAML front matter does not parse: did not find expected ',' or ']': the list opened here with [ is never closed; end it with ], with a comma between items"},
		{"bad yaml indent", "---\ntitle: T\n  bad: x\n---\n", "x.md:3:6: YAML front matter does not parse: mapping values are not allowed in this context: quote a value that holds \": \" (\"a: b\"), or indent a nested mapping on a line of its own"},
		{"bad toml", "+++\ntitle = 'T'\nweight = \n+++\n", "x.md:3:10: TOML front matter does not parse: expected value but found '\\n' instead"},
		{"bad json", "{\n  \"title\": \"T\",\n  \"weight\": ,\n}\n\n", "x.md:3:13: JSON front matter does not parse: invalid character ',' looking for beginning of value"},
		{"yaml list", "---\n- a\n- b\n---\n", "x.md:2:1: YAML front matter must be a mapping of fields, not a list: write one field a line (title: ..., summary: ...)"},
		{"draft yes", "---\ntitle: T\ndraft: \"yes\"\n---\n", `x.md:3:1: draft must be true or false, not the string "yes": write draft: true, or draft: false`},
		{"order first", "---\ntitle: T\norder: first\n---\n", `x.md:3:1: order must be a whole number, not the string "first": write order: 3`},
		{"title list", "---\ntitle: [a]\n---\n", `x.md:2:1: title must be a string, not a list: write title: The Page's Title`},
		{"nul", "---\ntitle: T\n---\nab\x00c", "x.md:4:3: file contains a NUL byte: it looks like a binary file, not markdown; remove it or rename it so it does not end in .md"},
		{"invalid utf8", "---\ntitle: T\n---\nab\xffc", "x.md:4:3: invalid UTF-8 (byte 0xff): save the file as UTF-8"},
		{"bad date", "---\ntitle: T\nupdated: soon\n---\n", `x.md:3:1: updated must be a date such as 2026-01-31, not the string "soon": write updated: 2026-01-31`},
		{"yaml int past 64 bits", "---\ntitle: T\nn: -9223372036854775809\n---\n", "x.md:3:4: YAML front matter: the whole number -9223372036854775809 is out of range (an integer holds 64 bits) and would be rounded: write a smaller number, or quote it to keep it as text"},
		{"one-line json", "{\"title\": \"A\", \"summary\": \"S\"}\n\nBody\n", `x.md:1:1: JSON front matter must open with { on a line of its own and close with } on a line of its own, then a blank line: write {, then "title": "...", and the other fields, one a line, then }`},
		{"yaml quote open on its line", "---\ntitle: \"Data Scientist\nsummary: Finds \"patterns\" in data.\n---\n", "x.md:2:8: YAML front matter does not parse: the quote opened here is not closed on its line, so YAML reads on to the next quote and fails at line 3 (did not find expected key): close it on this line"},
		{"crlf error line", "---\r\ntitle: T\r\norder: x\r\n---\r\n", `x.md:3:1: order must be a whole number, not the string "x": write order: 3`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse("x.md", []byte(tc.src))
			got := diags.Error()
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestKeyItemPos: a qualified mapping's keys are found as keys, in every
// format, not where the same word stands as a value or inside a note.
func TestKeyItemPos(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []Pos // of keys low, high
	}{
		{"yaml flow", "---\ntitle: T\nskills: {high: low, low: high}\n---\n", []Pos{{3, 21}, {3, 10}}},
		{"yaml block", "---\ntitle: T\nskills:\n  high: low is a note\n  \"low\": x\n---\n", []Pos{{5, 4}, {4, 3}}},
		{"toml table", "+++\ntitle = 'T'\n[skills]\nhigh = \"low\"\nlow = \"x\"\n+++\n", []Pos{{5, 1}, {4, 1}}},
		{"json", "{\n\"title\": \"T\",\n\"skills\": {\"high\": \"low\", \"low\" : \"x\"}\n}\n", []Pos{{3, 28}, {3, 13}}},
		{"missing", "---\ntitle: T\nskills: {high: x}\n---\n", []Pos{{3, 1}, {3, 10}}},
	} {
		p, diags := Parse("x.md", []byte(tc.src))
		if len(diags) > 0 {
			t.Fatalf("%s: %v", tc.name, diags)
		}
		if got := p.KeyItemPos("skills", []string{"low", "high"}); !slices.Equal(got, tc.want) {
			t.Errorf("%s: KeyItemPos = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestTOMLArrayOfTables: [[name]] gives the list of mappings the same
// list gives inline, at the header's position, and the keys inside the
// tables are not taken for top-level fields.
func TestTOMLArrayOfTables(t *testing.T) {
	src := "+++\ntitle = 'T'\n[[matrices]]\nrows = 'a'\n[[matrices]]\nrows = 'b'\n+++\n"
	p, diags := Parse("x.md", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	inline, _ := Parse("x.md", []byte("+++\ntitle = 'T'\nmatrices = [{rows = 'a'}, {rows = 'b'}]\n+++\n"))
	if got, want := fmt.Sprint(p.Params["matrices"]), fmt.Sprint(inline.Params["matrices"]); got != want || Describe(p.Params["matrices"]) != "a list holding a mapping" {
		t.Errorf("matrices = %s (%s), inline %s", got, Describe(p.Params["matrices"]), want)
	}
	if got := p.KeyPos("matrices"); got != (Pos{3, 3}) {
		t.Errorf("KeyPos = %v, want 3:3", got)
	}
	if got := p.KeyPos("rows"); got != (Pos{1, 1}) {
		t.Errorf("rows, a key inside a table, located at %v", got)
	}
}
