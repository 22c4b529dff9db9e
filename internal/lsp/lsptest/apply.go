package lsptest

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/textpos"
)

// A WorkspaceEdit is a server's workspace edit as sent (glsp's own type
// reads a file rename as an empty text edit).
type WorkspaceEdit struct {
	DocumentChanges []json.RawMessage `json:"documentChanges"`
}

// Apply carries out a workspace edit on disk as an editor would: each
// text document edit's ranges (UTF-16 positions in the file as it was)
// are replaced, then files are renamed, in order.
func Apply(t testing.TB, edit WorkspaceEdit) {
	t.Helper()
	for _, raw := range edit.DocumentChanges {
		var probe struct {
			Kind   string `json:"kind"`
			OldURI string `json:"oldUri"`
			NewURI string `json:"newUri"`
		}
		json.Unmarshal(raw, &probe)
		if probe.Kind == "rename" {
			if err := os.Rename(filePath(t, probe.OldURI), filePath(t, probe.NewURI)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var doc struct {
			TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
			Edits        []protocol.TextEdit             `json:"edits"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		name := filePath(t, doc.TextDocument.URI)
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, ApplyText(text, doc.Edits), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ApplyText makes the edits, whose ranges are in text as given.
func ApplyText(text []byte, edits []protocol.TextEdit) []byte {
	type span struct {
		start, end int
		text       string
	}
	spans := make([]span, len(edits))
	for i, e := range edits {
		spans[i] = span{
			textpos.Offset(text, textpos.Position{Line: int(e.Range.Start.Line), Char: int(e.Range.Start.Character)}),
			textpos.Offset(text, textpos.Position{Line: int(e.Range.End.Line), Char: int(e.Range.End.Character)}),
			e.NewText,
		}
	}
	slices.SortStableFunc(spans, func(a, b span) int { return b.start - a.start })
	out := slices.Clone(text)
	for _, s := range spans {
		out = slices.Concat(out[:s.start], []byte(s.text), out[s.end:])
	}
	return out
}

func filePath(t testing.TB, uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.FromSlash(u.Path)
}
