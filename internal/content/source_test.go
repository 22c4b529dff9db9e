package content

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLongLineSource keeps the source line of a diagnostic short when the
// line is long, around the column, and valid UTF-8.
func TestLongLineSource(t *testing.T) {
	line := strings.Repeat("é", 1000) + "[x](#nope)" + strings.Repeat("ü", 1000)
	p, _ := Parse("x.md", []byte("---\ntitle: T\n---\n"+line+"\n"))
	col := strings.Index(line, "[x]") + 1
	d := p.Diag(Pos{Line: 4, Col: col}, "m")
	if len(d.Source) > maxSource+2*len("…")+4 || !strings.Contains(d.Source, "[x](#nope)") ||
		!strings.HasPrefix(d.Source, "…") || !strings.HasSuffix(d.Source, "…") || !utf8.ValidString(d.Source) {
		t.Errorf("source = %q (%d bytes)", d.Source, len(d.Source))
	}
	for _, col := range []int{1, len(line), len(line) + 5} {
		d := p.Diag(Pos{Line: 4, Col: col}, "m")
		if len(d.Source) > maxSource+2*len("…")+4 || !utf8.ValidString(d.Source) {
			t.Errorf("col %d: source = %q", col, d.Source)
		}
	}
	if d := p.Diag(Pos{Line: 2, Col: 1}, "m"); d.Source != "title: T" {
		t.Errorf("short line source = %q", d.Source)
	}
}
