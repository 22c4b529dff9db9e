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
