package textpos

import (
	"regexp"
	"testing"
	"unicode/utf16"

	"github.com/rolesite/rolesite/internal/content"
)

func TestOffsetAndPositionOf(t *testing.T) {
	// "é" is two bytes and one UTF-16 unit; "𝔸" four bytes and two units.
	text := []byte("ab\r\né𝔸x\nlast")
	cases := []struct {
		pos Position
		off int
	}{
		{Position{0, 0}, 0},
		{Position{0, 2}, 2},
		{Position{0, 9}, 2}, // past the line end: before the CRLF
		{Position{1, 0}, 4},
		{Position{1, 1}, 6},  // after é
		{Position{1, 3}, 10}, // after 𝔸
		{Position{1, 2}, 6},  // inside the surrogate pair: its start
		{Position{1, 4}, 11},
		{Position{2, 4}, 16},
		{Position{7, 0}, 16}, // past the last line: the end
	}
	for _, c := range cases {
		if got := Offset(text, c.pos); got != c.off {
			t.Errorf("Offset(%v) = %d, want %d", c.pos, got, c.off)
		}
	}
	for _, c := range []struct {
		off int
		pos Position
	}{{0, Position{0, 0}}, {2, Position{0, 2}}, {3, Position{0, 2}}, {4, Position{1, 0}}, {6, Position{1, 1}}, {7, Position{1, 1}}, {10, Position{1, 3}}, {16, Position{2, 4}}} {
		if got := PositionOf(text, c.off); got != c.pos {
			t.Errorf("PositionOf(%d) = %v, want %v", c.off, got, c.pos)
		}
	}
}

func TestContentPos(t *testing.T) {
	text := []byte("\xEF\xBB\xBF---\r\ntitle: Ünïcode\r\n---\r\n")
	if got := FromPos(text, content.Pos{Line: 1, Col: 1}); got != 3 {
		t.Errorf("line 1 col 1 after a BOM = %d, want 3", got)
	}
	off := FromPos(text, content.Pos{Line: 2, Col: 8})
	if string(text[off:off+2]) != "Ü" {
		t.Errorf("line 2 col 8 = offset %d (%q), want the Ü", off, text[off:])
	}
	if p := ToPos(text, off); p != (content.Pos{Line: 2, Col: 8}) {
		t.Errorf("ToPos(%d) = %v, want 2:8", off, p)
	}
	if p := ToPos(text, 3); p != (content.Pos{Line: 1, Col: 1}) {
		t.Errorf("ToPos after the BOM = %v, want 1:1", p)
	}
}

// FuzzRoundTrip checks that every offset at a character boundary survives
// PositionOf then Offset, and that the UTF-16 count matches Go's encoder.
func FuzzRoundTrip(f *testing.F) {
	f.Add("a\r\nb\n𝔸é\r\n", 5)
	f.Add("", 0)
	f.Add("a\rb\r\nc\rd", 6)
	f.Fuzz(func(t *testing.T, s string, off int) {
		text := []byte(s)
		if off < 0 || off > len(text) {
			return
		}
		p := PositionOf(text, off)
		back := Offset(text, p)
		if back > off {
			t.Fatalf("Offset(PositionOf(%d)) = %d, past the offset", off, back)
		}
		// The reference: split at every line break, count in UTF-16.
		lines := regexp.MustCompile("\r\n|\r|\n").Split(string(text[:back]), -1)
		if len(lines)-1 != p.Line {
			t.Fatalf("offset %d of %q: line %d, position says %d", off, text, len(lines)-1, p.Line)
		}
		prefix := lines[len(lines)-1]
		if n := len(utf16.Encode([]rune(prefix))); n != p.Char {
			t.Fatalf("%q: %d UTF-16 units, position says %d", prefix, n, p.Char)
		}
		if pos := ToPos(text, back); pos.Line != p.Line+1 {
			t.Fatalf("ToPos(%d) line %d, PositionOf line %d", back, pos.Line, p.Line)
		}
	})
}
