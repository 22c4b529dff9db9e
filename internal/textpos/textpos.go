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

// lineBounds returns the offsets of the start of the 0-based line n and of
// its end (before "\r\n" or "\n"); ok is false when the file has no line
// n, and start and end are then both the end of the file.
func lineBounds(text []byte, n int) (start, end int, ok bool) {
	for i := 0; i < n; i++ {
		j := bytes.IndexByte(text[start:], '\n')
		if j < 0 {
			return len(text), len(text), false
		}
		start += j + 1
	}
	end = len(text)
	if j := bytes.IndexByte(text[start:], '\n'); j >= 0 {
		end = start + j
		if end > start && text[end-1] == '\r' {
			end-- // a "\r" only belongs to the line end before a "\n"
		}
	}
	return start, end, true
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
// inside a UTF-8 sequence counts from the start of the sequence.
func PositionOf(text []byte, off int) Position {
	off = min(max(off, 0), len(text))
	lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
	line := bytes.Count(text[:lineStart], []byte("\n"))
	units := 0
	for i := lineStart; i < off; {
		r, size := utf8.DecodeRune(text[i:])
		if i+size > off {
			break
		}
		if r == '\r' && i+1 < len(text) && text[i+1] == '\n' {
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
	lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
	line := 1 + bytes.Count(text[:lineStart], []byte("\n"))
	col := off - lineStart + 1
	if lineStart == 0 && bytes.HasPrefix(text, bom) {
		col = max(col-len(bom), 1)
	}
	return content.Pos{Line: line, Col: col}
}

// utf16Len is the number of UTF-16 code units of r; an invalid byte, which
// the editor shows as U+FFFD, is one.
func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
