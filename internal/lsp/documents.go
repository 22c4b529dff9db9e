package lsp

import (
	"maps"
	"slices"
	"sync"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/textpos"
)

// documents are the editor's open buffers under the site folder, by site
// path ("content/roles/x.md"). Each text is replaced, never written to.
type documents struct {
	mu   sync.Mutex
	open map[string]*document
}

type document struct {
	uri     string
	text    []byte
	version int32
}

func newDocuments() *documents { return &documents{open: map[string]*document{}} }

func (d *documents) put(name, uri string, text []byte, version int32) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.open[name] = &document{uri: uri, text: text, version: version}
}

func (d *documents) close(name string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.open, name)
}

// get returns an open document's text and version.
func (d *documents) get(name string) (text []byte, version int32, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.open[name]
	if !ok {
		return nil, 0, false
	}
	return doc.text, doc.version, true
}

// texts returns every open buffer's text, by site path.
func (d *documents) texts() map[string][]byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make(map[string][]byte, len(d.open))
	for name, doc := range d.open {
		out[name] = doc.text
	}
	return out
}

// names lists the open documents.
func (d *documents) names() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Sorted(maps.Keys(d.open))
}

// change applies a didChange's edits, in order, to an open document.
func (d *documents) change(name string, version int32, changes []any) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.open[name]
	if !ok {
		return false
	}
	text := doc.text
	for _, c := range changes {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			text = []byte(c.Text)
		case protocol.TextDocumentContentChangeEvent:
			start := textpos.Offset(text, position(c.Range.Start))
			end := max(start, textpos.Offset(text, position(c.Range.End)))
			next := make([]byte, 0, len(text)-(end-start)+len(c.Text))
			next = append(append(append(next, text[:start]...), c.Text...), text[end:]...)
			text = next
		}
	}
	d.open[name] = &document{uri: doc.uri, text: text, version: version}
	return true
}

func position(p protocol.Position) textpos.Position {
	return textpos.Position{Line: int(p.Line), Char: int(p.Character)}
}

func lspPosition(p textpos.Position) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(p.Line), Character: protocol.UInteger(p.Char)}
}

// lspRange returns the protocol range of the bytes [start, end) of text.
func lspRange(text []byte, start, end int) protocol.Range {
	return protocol.Range{Start: lspPosition(textpos.PositionOf(text, start)), End: lspPosition(textpos.PositionOf(text, end))}
}

func positionOf(text []byte, off int) textpos.Position { return textpos.PositionOf(text, off) }
