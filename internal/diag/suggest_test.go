package diag

import "testing"

func TestNearest(t *testing.T) {
	cands := []string{"python", "pytorch", "r", "sql", "data-scientist", "data-engineer"}
	for _, tc := range []struct{ word, want string }{
		{"pyhton", "python"}, // transposition
		{"pytohn", "python"}, // one transposition
		{"data-scientst", "data-scientist"},
		{"data-enginer", "data-engineer"},
		{"sq", "sql"},
		{"kubernetes", ""}, // nothing close
		{"python", ""},     // exact match is not a suggestion
		{"x", "r"},         // one edit on a one-letter word
	} {
		if got := Nearest(tc.word, cands); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestSortedDedupes(t *testing.T) {
	l := List{
		{Path: "b.md", Line: 1, Col: 1, Message: "x"},
		{Path: "a.md", Line: 2, Col: 1, Message: "y"},
		{Path: "a.md", Line: 1, Col: 5, Message: "z"},
		{Path: "a.md", Line: 2, Col: 1, Message: "y"},
	}
	got := l.Sorted().Error()
	want := "a.md:1:5: z\na.md:2:1: y\nb.md:1:1: x"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if s := (Diagnostic{Path: "content", Message: "missing"}).String(); s != "content: missing" {
		t.Errorf("no position: %q", s)
	}
}
