package markdown

import (
	"strconv"
	"strings"
	"testing"
)

// TestManyEqualHeadings gives 20,000 headings with the same text their
// numbered IDs. Handing out each ID used to try every earlier suffix again,
// so that this took minutes; it must now take well under a second.
func TestManyEqualHeadings(t *testing.T) {
	const n = 20000
	res := New(Options{}).Convert([]byte(strings.Repeat("## Same\n\n", n) + "## Same-1\n## Same {#same-20000}\n## Same\n"))
	if len(res.Headings) != n+3 {
		t.Fatalf("%d headings", len(res.Headings))
	}
	for i, h := range res.Headings[:n] {
		want := "same"
		if i > 0 {
			want += "-" + strconv.Itoa(i)
		}
		if h.ID != want {
			t.Fatalf("heading %d: ID %q, want %q", i, h.ID, want)
		}
	}
	// "Same-1" slugs to same-1, taken: it becomes same-1-1. The explicit
	// same-20000 is kept, and the next "Same" skips it.
	var last []string
	for _, h := range res.Headings[n:] {
		last = append(last, h.ID)
	}
	if got := strings.Join(last, " "); got != "same-1-1 same-20000 same-20001" {
		t.Errorf("last IDs = %s", got)
	}
}

// An author's {#id} that is empty, holds a space, is reserved or repeats an
// earlier heading's ID is a Problem at its heading, and the heading gets
// an ID made from its text instead, unique on the page.
func TestHeadingIDProblems(t *testing.T) {
	c := New(Options{ReservedIDs: []string{"main", "search"}})
	for _, tc := range []struct {
		body, ids, problem string
		offset             int
	}{
		{"# A {#main}\n", "a", `"main" is the page's own`, 0},
		{"Text\n\n## A {#search}\n", "a", `"search" is the page's own`, 6},
		{"# A {#x}\n# B {#x}\n", "x b", `"x" is already that of an earlier heading`, 9},
		{"## a\n## a {#a}\n", "a a-1", `"a" is already that of an earlier heading`, 5},
		{"> quote\n>\n> ## Q {#}\n", "q", "{#id} is empty", 12},
		{"# {#}\n", "section", "{#id} is empty", 0},
		{"# x {id=\"\"}\n", "x", "{#id} is empty", 0},
		{"# x {id=\"a b\"}\n", "x", `"a b" has a space, which an ID cannot: write "a-b"`, 0},
		{"Setext {#main}\n===\n", "setext", `"main" is the page's own`, 0},
		{"# A {#a}\n## a\n", "a a-1", "", 0},
		{"## X {#fn:1}\n\nA note.[^1]\n\n[^1]: It.\n", "x", `"fn:1" is of the kind footnotes take`, 0},
		{"## X {#fnref2:1}\n", "x", `"fnref2:1" is of the kind footnotes take`, 0},
		{"## X {#fnord:1}\n", "fnord:1", "", 0},
	} {
		res := c.Convert([]byte(tc.body))
		var got []string
		for _, h := range res.Headings {
			got = append(got, h.ID)
		}
		if strings.Join(got, " ") != tc.ids {
			t.Errorf("%q: ids %q, want %q", tc.body, got, tc.ids)
		}
		switch {
		case tc.problem == "" && len(res.Problems) > 0:
			t.Errorf("%q: problems %+v, want none", tc.body, res.Problems)
		case tc.problem != "" && (len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, tc.problem) || res.Problems[0].Offset != tc.offset):
			t.Errorf("%q: problems %+v, want one at %d saying %s", tc.body, res.Problems, tc.offset, tc.problem)
		}
		for _, id := range got {
			if !strings.Contains(string(res.HTML), ` id="`+id+`"`) {
				t.Errorf("%q: the HTML has no id %q: %s", tc.body, id, res.HTML)
			}
		}
	}
}
