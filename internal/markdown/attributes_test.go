package markdown

import (
	"strings"
	"testing"
)

// TestHeadingAttributes keeps a heading's {#id} and {.class} and drops every
// other attribute, such as style, that would let content restyle the page,
// saying so in one Warning at the heading that names them.
func TestHeadingAttributes(t *testing.T) {
	res := New(Options{}).Convert([]byte(`## A {#custom .note style="position:fixed;inset:0" hidden=hidden tabindex="1" title="t" onclick="alert(1)"}` + "\n"))
	got := string(res.HTML)
	if want := `<h2 id="custom" class="note">A</h2>` + "\n"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(res.Headings) != 1 || res.Headings[0].ID != "custom" {
		t.Errorf("headings = %+v", res.Headings)
	}
	for _, bad := range []string{"style", "hidden", "tabindex", "title", "onclick"} {
		if strings.Contains(got, bad) {
			t.Errorf("%s kept", bad)
		}
	}
	want := "heading attributes style, hidden, tabindex, title, onclick are not kept"
	if len(res.Problems) != 1 || res.Problems[0].Offset != 0 || !strings.HasPrefix(res.Problems[0].Message, want) || !res.Problems[0].Warning {
		t.Errorf("problems = %+v, want a warning at 0 beginning %q", res.Problems, want)
	}
	if res := New(Options{}).Convert([]byte("Intro.\n\n## B {#b .x .y}\n")); len(res.Problems) != 0 {
		t.Errorf("{#id .class} alone: problems %+v", res.Problems)
	}
}
