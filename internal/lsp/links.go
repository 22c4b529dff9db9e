package lsp

import (
	"path"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/site"
)

// linkItems completes a body link's destination after "](": the .md path
// of every page relative to the file, or after "#" the target's heading
// IDs.
func (s *Server) linkItems(pl place, ln line) []protocol.CompletionItem {
	before := string(pl.text[ln.start:pl.off])
	open := strings.LastIndex(before, "](")
	if open < 0 || strings.ContainsAny(before[open+2:], ") \t") {
		return nil
	}
	typed := before[open+2:]
	at := func(off int) protocol.Range {
		return protocol.Range{Start: lspPosition(positionOf(pl.text, off)), End: lspPosition(positionOf(pl.text, pl.off))}
	}
	dir := path.Dir(pl.name)
	if hash := strings.IndexByte(typed, '#'); hash >= 0 {
		target := pl.name
		if typed[:hash] != "" {
			target = path.Join(dir, typed[:hash])
		}
		edit := at(pl.off - len(typed) + hash + 1)
		var items []protocol.CompletionItem
		for _, h := range pl.snap.Headings(target) {
			items = append(items, item(h.ID, h.Text, "", protocol.CompletionItemKindReference, edit))
		}
		return items
	}
	edit := at(pl.off - len(typed))
	var items []protocol.CompletionItem
	for _, name := range pl.snap.Files() {
		if name == pl.name {
			continue
		}
		title, summary := "", ""
		if p := pl.snap.Page(name); p != nil {
			title, summary = p.Title(), p.Summary()
		}
		items = append(items, item(site.Relative(dir, name), title, summary, protocol.CompletionItemKindFile, edit))
	}
	return items
}
