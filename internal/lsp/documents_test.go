package lsp

import (
	"bytes"
	"testing"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/textpos"
)

// FuzzIncrementalEdits applies random edits to an open document as a
// client sends them — UTF-16 ranges — and checks the text is the bytes
// spliced at the same places, still valid UTF-8, CRLF pairs unbroken.
func FuzzIncrementalEdits(f *testing.F) {
	f.Add("---\r\ntitle: «𝔸» é\r\ntools: [a, b]\r\n---\r\nbody 中文\n", uint16(7), uint16(3), "ü𝔸\r\n")
	f.Add("", uint16(0), uint16(0), "x")
	f.Add("a\nb\nc", uint16(2), uint16(9), "")
	f.Fuzz(func(t *testing.T, text string, at, n uint16, insert string) {
		if !utf8.ValidString(text) || !utf8.ValidString(insert) {
			return
		}
		data := []byte(text)
		start := boundary(data, int(at)%(len(data)+1))
		end := boundary(data, min(start+int(n), len(data)))
		r := protocol.Range{Start: lspPosition(textpos.PositionOf(data, start)), End: lspPosition(textpos.PositionOf(data, end))}
		// PositionOf puts an offset between "\r" and "\n" before the "\r".
		start, end = textpos.Offset(data, position(r.Start)), textpos.Offset(data, position(r.End))
		docs := newDocuments()
		docs.put("content/a.md", "file:///a.md", data, 1)
		docs.change("content/a.md", 2, []any{protocol.TextDocumentContentChangeEvent{Range: &r, Text: insert}})
		got, version, _ := docs.get("content/a.md")
		want := append(append(append([]byte{}, data[:start]...), insert...), data[max(start, end):]...)
		if !bytes.Equal(got, want) || version != 2 {
			t.Fatalf("edit %v with %q:\n got %q\nwant %q", r, insert, got, want)
		}
		if !utf8.Valid(got) {
			t.Fatalf("not UTF-8 after the edit: %q", got)
		}
		if !bytes.Equal(data, []byte(text)) {
			t.Fatal("the edit wrote into the old text")
		}
	})
}

// boundary moves off back to the start of its UTF-8 sequence.
func boundary(b []byte, off int) int {
	for off > 0 && off < len(b) && !utf8.RuneStart(b[off]) {
		off--
	}
	return off
}
