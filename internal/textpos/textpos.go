package textpos

import (
	"bytes"
	"unicode/utf8"

	"github.com/rolesite/rolesite/internal/content"
)

// bom is the UTF-8 byte-order mark content drops from a file's start.
var bom = []byte{0xEF, 0xBB, 0xBF}

// A Position is an LSP position: a 0-based line and a UTF-16 character.
type Position struct{ Line, Char int }

// LineEnd returns where the line that starts at start ends (before its
// line break) and where the next line starts, -1 when there is none. A
// line break is "\r\n", "\n" or "\r", as package content and the protocol
// both read them.
func LineEnd(text []byte, start int) (end, next int) {
	i := bytes.IndexAny(text[start:], "\r\n")
	if i < 0 {
		return len(text), -1
	}
	end = start + i
	if text[end] == '\r' && end+1 < len(text) && text[end+1] == '\n' {
		return end, end + 2
	}
	return end, end + 1
}

// lineBounds returns the offsets of the start and end of the 0-based line
// n; ok is false when the file has no line n, and start and end are then
// both the end of the file.
func lineBounds(text []byte, n int) (start, end int, ok bool) {
	for i := 0; i < n; i++ {
		_, next := LineEnd(text, start)
		if next < 0 {
			return len(text), len(text), false
		}
		start = next
	}
	end, _ = LineEnd(text, start)
	return start, end, true
}

// lineOf returns the 0-based line holding the offset, where it starts and
// ends; an offset inside a "\r\n" belongs to the line it ends.
func lineOf(text []byte, off int) (line, start, end int) {
	for {
		end, next := LineEnd(text, start)
		if next < 0 || off < next {
			return line, start, end
		}
		line, start = line+1, next
	}
}

// Offset returns the byte offset of an LSP position in text.
func Offset(text []byte, p Position) int {
	start, end, _ := lineBounds(text, max(p.Line, 0))
	units := 0
	for i := start; i < end; {
		if units >= p.Char {
			return i
		}
		r, size := utf8.DecodeRune(text[i:end])
		n := utf16Len(r)
		if units+n > p.Char {
			return i // inside a surrogate pair: the start of the pair
		}
		units += n
		i += size
	}
	return end
}

// PositionOf returns the LSP position of a byte offset in text. An offset
// inside a UTF-8 sequence counts from the start of the sequence, one
// inside a line break from the line's end.
func PositionOf(text []byte, off int) Position {
	off = min(max(off, 0), len(text))
	line, start, end := lineOf(text, off)
	units := 0
	for i := start; i < min(off, end); {
		r, size := utf8.DecodeRune(text[i:end])
		if i+size > off {
			break
		}
		units += utf16Len(r)
		i += size
	}
	return Position{Line: line, Char: units}
}

// FromPos returns the byte offset in the raw text of a content.Pos, which
// counts from after a byte-order mark. Column 0 (unknown) is the line start.
func FromPos(text []byte, p content.Pos) int {
	start, end, _ := lineBounds(text, max(p.Line-1, 0))
	col := max(p.Col-1, 0)
	if p.Line <= 1 && bytes.HasPrefix(text, bom) {
		col += len(bom)
	}
	return min(start+col, end)
}

// ToPos returns the content.Pos of a byte offset of the raw text.
func ToPos(text []byte, off int) content.Pos {
	off = min(max(off, 0), len(text))
	line, start, end := lineOf(text, off)
	col := min(off, end) - start + 1
	if line == 0 && bytes.HasPrefix(text, bom) {
		col = max(col-len(bom), 1)
	}
	return content.Pos{Line: line + 1, Col: col}
}

// utf16Len is the number of UTF-16 code units of r; an invalid byte, which
// the editor shows as U+FFFD, is one.
func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
