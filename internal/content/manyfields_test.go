package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// manyFieldsPage makes a front matter block of n fields f0..f{n-1}, in that
// order, after a title, in the given format.
func manyFieldsPage(format string, n int) string {
	var b strings.Builder
	switch format {
	case "yaml":
		b.WriteString("---\ntitle: T\n")
		for i := range n {
			fmt.Fprintf(&b, "f%d: x\n", i)
		}
		b.WriteString("---\nBody.\n")
	case "toml":
		b.WriteString("+++\ntitle = 'T'\n")
		for i := range n {
			fmt.Fprintf(&b, "f%d = 'x'\n", i)
		}
		b.WriteString("+++\nBody.\n")
	}
	return b.String()
}

// A page with more fields than manyFields finds them through an index:
// positions and the file's order are those a page with few gives, field
// by field, and a repeated name in the text is found once.
func TestManyFieldsLocated(t *testing.T) {
	for _, format := range []string{"yaml", "toml"} {
		for _, n := range []int{manyFields - 2, manyFields + 5, 2000} {
			p, diags := Parse("content/roles/x.md", []byte(manyFieldsPage(format, n)))
			if len(diags) > 0 {
				t.Fatalf("%s %d: %v", format, n, diags)
			}
			if (p.index != nil) != (n+1 > manyFields) {
				t.Errorf("%s %d fields: index %v", format, n+1, p.index != nil)
			}
			want := []string{"title"}
			for i := range n {
				want = append(want, fmt.Sprintf("f%d", i))
			}
			shuffled := slices.Clone(want)
			slices.Reverse(shuffled)
			shuffled = append(shuffled, "absent-b", "absent-a")
			if got := p.Order(shuffled); !slices.Equal(got, append(want, "absent-a", "absent-b")) {
				t.Errorf("%s %d: Order gives %v...", format, n, got[:min(len(got), 5)])
			}
			for i, name := range want {
				if got := p.KeyPos(name); got != (Pos{Line: i + 2, Col: 1}) {
					t.Fatalf("%s %d: KeyPos(%s) = %v, want line %d", format, n, name, got, i+2)
				}
			}
			if got := p.KeyPos("absent"); got != (Pos{Line: 1, Col: 1}) {
				t.Errorf("%s %d: KeyPos of an absent field = %v", format, n, got)
			}
		}
	}
}

// BenchmarkManyFields parses a 1 MiB front matter of ~100,000 fields and
// orders them, as a page's facts do: linear, where looking each name up
// through the list was quadratic (minutes for one such page).
func BenchmarkManyFields(b *testing.B) {
	data := []byte(manyFieldsPage("yaml", 100000))
	for b.Loop() {
		p, _ := Parse("content/roles/x.md", data)
		names := make([]string, 0, len(p.Params))
		for k := range p.Params {
			names = append(names, k)
		}
		p.Order(names)
	}
}
