package markdown

import (
	"strings"
	"testing"
)

func TestTableAlignmentIsAClass(t *testing.T) {
	body := "| none | left | centre | right |\n|------|:-----|:------:|------:|\n| a | b | c | d |\n\n" +
		"- in a list:\n\n  | x |\n  |--:|\n  | 1 |\n"
	got := string(New(Options{}).Convert([]byte(body)).HTML)
	if strings.Contains(got, "style=") {
		t.Errorf("a table cell has a style attribute, which the site's CSP blocks:\n%s", got)
	}
	for _, want := range []string{
		"<th>none</th>", `<th class="align-left">left</th>`, `<th class="align-center">centre</th>`, `<th class="align-right">right</th>`,
		"<td>a</td>", `<td class="align-left">b</td>`, `<td class="align-center">c</td>`, `<td class="align-right">d</td>`,
		`<th class="align-right">x</th>`, `<td class="align-right">1</td>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in:\n%s", want, got)
		}
	}
}
