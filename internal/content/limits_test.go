package content

import (
	"fmt"
	"strings"
	"testing"
)

// nest returns n openings, inner, and n closings.
func nest(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

// TestLimits holds each limit of content/limits.go to its value, per
// format: a file just within the limit parses without a problem, one just
// past it is refused at the construct that crosses it.
func TestLimits(t *testing.T) {
	deep := func(format string, line, col int) string {
		return fmt.Sprintf("x.md:%d:%d: %s front matter nests more than 32 levels deep here (the limit of front matter): flatten the value, or keep such data outside the page", line, col, format)
	}
	// Levels: the front matter itself is 1, so a value may open 31 more.
	for _, tc := range []struct{ name, src, want string }{
		{"toml arrays within", "+++\ntitle = 'T'\nx = " + nest("[", "", "]", 31) + "\n+++\n", ""},
		{"toml arrays past", "+++\ntitle = 'T'\nx = " + nest("[", "", "]", 32) + "\n+++\n", deep("TOML", 3, 36)},
		{"toml inline tables within", "+++\ntitle = 'T'\nx = " + nest("{a = ", "1", "}", 31) + "\n+++\n", ""},
		{"toml inline tables past", "+++\ntitle = 'T'\nx = " + nest("{a = ", "1", "}", 32) + "\n+++\n", deep("TOML", 3, 160)},
		{"toml dotted key within", "+++\ntitle = 'T'\nx" + strings.Repeat(".a", 31) + " = 1\n+++\n", ""},
		{"toml dotted key past", "+++\ntitle = 'T'\nx" + strings.Repeat(".a", 32) + " = 1\n+++\n", deep("TOML", 3, 63)},
		{"toml dotted key then array past", "+++\ntitle = 'T'\nx" + strings.Repeat(".a", 30) + " = [[1]]\n+++\n", deep("TOML", 3, 66)},
		{"toml table within", "+++\ntitle = 'T'\n[x" + strings.Repeat(".a", 30) + "]\n+++\n", ""},
		{"toml table past", "+++\ntitle = 'T'\n[x" + strings.Repeat(" . a", 31) + "]\n+++\n", deep("TOML", 3, 126)},
		{"toml array of tables past", "+++\ntitle = 'T'\n[[x" + strings.Repeat(".a", 30) + "]]\n+++\n", deep("TOML", 3, 63)},
		{"toml key in table past", "+++\ntitle = 'T'\n[x" + strings.Repeat(".a", 29) + "]\nb = {c = 1}\nd = {c = []}\n+++\n", deep("TOML", 5, 10)},
		{"toml brackets in strings and comments", "+++\ntitle = \"[[\"\ns = '" + strings.Repeat("[", 40) + "' # " + strings.Repeat("{", 40) +
			"\nm = \"\"\"\n" + strings.Repeat("[", 40) + "\\\"\"\"\"\nl = '''\n" + strings.Repeat("{", 40) + "'''''\n[\"a.b[\".'c[']\nq = [\"]\", '[', \"\\\"[\"]\n+++\n", ""},
		{"yaml flow within", "---\ntitle: T\nx: " + nest("[", "", "]", 31) + "\n---\n", ""},
		{"yaml flow past", "---\ntitle: T\nx: " + nest("[", "", "]", 32) + "\n---\n", deep("YAML", 3, 35)},
		{"yaml flow mapping past", "---\ntitle: T\nx: " + nest("{a: ", "1", "}", 32) + "\n---\n", deep("YAML", 3, 128)},
		{"yaml block within", "---\ntitle: T\nx:\n" + strings.Repeat("- ", 31) + "1\n---\n", ""},
		{"yaml block past", "---\ntitle: T\nx:\n" + strings.Repeat("- ", 32) + "1\n---\n", deep("YAML", 4, 63)},
		{"yaml block mapping within", "---\ntitle: T\n" + blockMaps(31) + "---\n", ""},
		{"yaml block mapping past", "---\ntitle: T\n" + blockMaps(32) + "---\n", deep("YAML", 35, 33)},
		{"yaml alias past", "---\ntitle: T\nbase: &b " + nest("[", "", "]", 20) + "\nx: " + nest("[", "*b", "]", 12) + "\n---\n", deep("YAML", 4, 16)},
		{"yaml merge within", "---\ntitle: T\nbase: &b " + nest("{a: ", "1", "}", 30) + "\nx:\n  <<: *b\n---\n", ""},
		{"yaml brackets in strings", "---\ntitle: \"[[[\"\ns: '" + strings.Repeat("[", 40) + "' # [[[[\nb: |\n  " + strings.Repeat("{", 40) + "\n---\n", ""},
		{"json within", "{\n\"title\": \"T\", \"x\": " + nest("[", "", "]", 31) + "\n}\n\n", ""},
		{"json past", "{\n\"title\": \"T\", \"x\": " + nest("[", "", "]", 32) + "\n}\n\n", deep("JSON", 2, 51)},
		{"json objects past", "{\n\"title\": \"T\", \"x\": " + nest(`{"a": `, "1", "}", 32) + "\n}\n\n", deep("JSON", 2, 206)},
		{"json brackets in strings", "{\n\"title\": \"[[[\\\"[[\", \"x\": \"" + strings.Repeat("[", 40) + "\"\n}\n\n", ""},
		// Sizes.
		{"title within", "---\ntitle: " + strings.Repeat("t", MaxTitleBytes) + "\n---\n", ""},
		{"title past", "---\ntitle: " + strings.Repeat("t", MaxTitleBytes+1) + "\n---\n",
			"x.md:2:1032: title is 1025 bytes, more than the limit of a title, 1 KiB (1024 bytes); this is the first byte past it: shorten it, and say more in the summary or the body"},
		{"summary within", "+++\ntitle = 'T'\nsummary = '" + strings.Repeat("s", MaxSummaryBytes) + "'\n+++\n", ""},
		{"summary past", "+++\ntitle = 'T'\nsummary = '" + strings.Repeat("s", MaxSummaryBytes+1) + "'\n+++\n",
			"x.md:3:4108: summary is 4097 bytes, more than the limit of a summary, 4 KiB (4096 bytes); this is the first byte past it: shorten it, and move the rest into the body"},
		{"string within", "{\n\"title\": \"T\", \"notes\": [\"" + strings.Repeat("n", MaxStringBytes) + "\"]\n}\n\n", ""},
		{"string past", "{\n\"title\": \"T\", \"notes\": [\"" + strings.Repeat("n", MaxStringBytes+1) + "\"]\n}\n\n",
			"x.md:2:65562: notes: a string of 65537 bytes, more than the limit of one front matter value, 64 KiB (65536 bytes); this is the first byte past it: move long text into the page body"},
		{"string past in a block scalar", "---\ntitle: T\nnotes:\n  more: |\n    " + strings.Repeat("n", MaxStringBytes) + "\n---\n",
			"x.md:5:65541: notes: a string of 65537 bytes, more than the limit of one front matter value, 64 KiB (65536 bytes); this is the first byte past it: move long text into the page body"},
		{"front matter within", "---\n" + frontMatterOf(MaxFrontMatterBytes) + "---\n", ""},
		{"front matter past", "---\n" + frontMatterOf(MaxFrontMatterBytes+1) + "---\n", fmt.Sprintf(
			"x.md:%d:%d: front matter is 1048577 bytes, more than its limit of 1 MiB (1048576 bytes); this is the first byte past it: move long text into the page body",
			4+(MaxFrontMatterBytes-12)/4, 1)}, // "---", title, x, the list, then the byte past
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse("x.md", []byte(tc.src))
			if got := diags.Error(); got != tc.want {
				t.Errorf("got  %.400q\nwant %q", got, tc.want)
			}
		})
	}
}

// frontMatterOf returns YAML front matter of exactly n bytes: a title and
// lines of a list.
func frontMatterOf(n int) string {
	var b strings.Builder
	b.WriteString("title: T\nx:\n")
	for b.Len()+4 <= n {
		b.WriteString("- y\n")
	}
	b.WriteString(strings.Repeat("\n", n-b.Len()))
	return b.String()
}

// blockMaps returns n YAML block mappings, each inside the one before.
func blockMaps(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sa:\n", strings.Repeat(" ", i))
	}
	fmt.Fprintf(&b, "%sa: 1\n", strings.Repeat(" ", n))
	return b.String()
}

// TestPageLimit refuses a file longer than MaxPageBytes at its first byte
// past the limit, and takes one of exactly that length.
func TestPageLimit(t *testing.T) {
	head := "---\ntitle: T\n---\n"
	line := strings.Repeat("x", 1023) + "\n"
	body := strings.Repeat(line, (MaxPageBytes-len(head))/len(line))
	body += strings.Repeat("y", MaxPageBytes-len(head)-len(body))
	if _, diags := Parse("x.md", []byte(head+body)); len(diags) > 0 {
		t.Fatalf("a file of exactly the limit: %v", diags)
	}
	p, diags := Parse("x.md", []byte(head+body+"z"))
	want := fmt.Sprintf("x.md:%d:%d: file is longer than the limit of a page, 64 MiB (67108864 bytes); this is the first byte past it: split the page into several",
		3+strings.Count(body, "\n")+1, len(body)-strings.LastIndexByte(body, '\n'))
	if p != nil || diags.Error() != want {
		t.Errorf("got %v, %q\nwant %q", p, diags.Error(), want)
	}
}

// TestJSONDuplicateKeys refuses a key given twice in one JSON object, at
// any depth, at the second, as YAML and TOML do; keys are compared as
// decoded, so that "ti\u0074le" is "title".
func TestJSONDuplicateKeys(t *testing.T) {
	dup := func(line, col int, key string, first int) string {
		return fmt.Sprintf("x.md:%d:%d: JSON front matter: duplicate key %q (first at line %d): a key may appear once in an object; remove one", line, col, key, first)
	}
	for _, tc := range []struct{ name, src, want string }{
		{"top level", "{\n  \"title\": \"First\",\n  \"title\": \"Second\"\n}\n\n", dup(3, 3, "title", 2)},
		{"escaped", "{\n  \"title\": \"First\",\n  \"ti\\u0074le\": \"Second\"\n}\n\n", dup(3, 3, "title", 2)},
		{"three times", "{\n\"title\": \"A\",\n\"title\": \"B\",\n\"title\": \"C\"\n}\n\n", ""},
		{"nested object", "{\n  \"title\": \"T\",\n  \"relations\": {\"a\": \"roles\",\n    \"a\": \"tools\"}\n}\n\n", dup(4, 5, "a", 3)},
		{"objects in an array", "{\n  \"title\": \"T\",\n  \"x\": [{\"a\": 1}, {\"a\": 2, \"b\": {}, \"b\": []}]\n}\n\n", dup(3, 37, "b", 3)},
		{"same key in sibling objects", "{\n  \"title\": \"T\",\n  \"x\": {\"a\": 1}, \"y\": {\"a\": 1, \"x\": 2}\n}\n\n", ""},
		{"---json", "---json\n{\"title\": \"T\", \"x\": {\"title\": 1, \"title\": 2}}\n---\n", dup(2, 34, "title", 2)},
		{"number out of range", "{\n  \"title\": \"T\",\n  \"x\": [1, 1e400]\n}\n\n",
			"x.md:3:12: JSON front matter: the number 1e400 is out of range (a 64-bit float holds about 1.8e308 at most): write a smaller number, or quote it to keep it as text"},
		{"large number in range", "{\n  \"title\": \"T\",\n  \"x\": [1e300, 123456789012345678901234567890]\n}\n\n", ""},
		{"syntax error after a duplicate", "{\n  \"title\": \"T\",\n  \"title\": \"T\"\n  \"x\": 1\n}\n\n", dup(3, 3, "title", 2)},
	} {
		if tc.name == "three times" {
			tc.want = dup(3, 1, "title", 2) + "\n" + dup(4, 1, "title", 2)
		}
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse("x.md", []byte(tc.src))
			if got := diags.Error(); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
