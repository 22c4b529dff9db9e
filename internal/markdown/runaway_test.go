package markdown

import (
	"strings"
	"testing"
)

// TestRunawayLinks: a body of link openers that nothing closes, enough to
// keep goldmark busy for minutes, is refused at once with a problem at its
// paragraph; the same openers closed, or fewer of them, convert.
func TestRunawayLinks(t *testing.T) {
	c := New(Options{})
	for _, bad := range []string{strings.Repeat("[a](", 250_000), strings.Repeat("[a](", 250_000) + " (closed)", strings.Repeat("[a](<b", 200_000)} {
		res := c.Convert([]byte("Intro.\n\n" + bad))
		if len(res.Problems) != 1 || res.Problems[0].Offset != len("Intro.\n\n") || !strings.Contains(res.Problems[0].Message, "links with ]( that no ) closes") {
			t.Fatalf("%.20q...: problems = %+v", bad, res.Problems)
		}
	}
	for _, ok := range []string{
		strings.Repeat("[a](b) ", 50_000),   // closed
		strings.Repeat("[a](", 2_000),       // few
		strings.Repeat("[a](\n\n", 100_000), // one a paragraph
	} {
		if res := c.Convert([]byte(ok)); len(res.Problems) != 0 {
			t.Errorf("%.20q...: problems %+v", ok, res.Problems)
		}
	}
}
