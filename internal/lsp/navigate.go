package lsp

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/textpos"
	"github.com/rolesite/rolesite/internal/workspace"
)

// place is where a request points: the file, its text as analysed, and
// the byte offset of the position.
type place struct {
	snap *workspace.Snapshot
	name string
	text []byte
	off  int
}

// at resolves a request's document and position against the current
// snapshot; ok is false for a file the site does not read.
func (s *Server) at(p protocol.TextDocumentPositionParams) (place, bool) {
	name, ok := s.sitePath(p.TextDocument.URI)
	if !ok {
		return place{}, false
	}
	snap := s.snapshot(context.Background())
	if snap == nil {
		return place{}, false
	}
	text, ok := snap.Text(name)
	if !ok {
		return place{}, false
	}
	return place{snap: snap, name: name, text: text, off: textpos.Offset(text, position(p.Position))}, true
}

// named resolves a request's position to the page it names: a
// reference's target there, or else (when self is set) the file's own page.
func (s *Server) named(p protocol.TextDocumentPositionParams, self bool) (place, *site.Page, workspace.Ref, bool) {
	pl, ok := s.at(p)
	if !ok {
		return place{}, nil, workspace.Ref{}, false
	}
	page, ref, ok := pl.target(self)
	return pl, page, ref, ok
}

// target is the page a place names: a reference's target there, or else
// (when self is set) the file's own page.
func (pl place) target(self bool) (*site.Page, workspace.Ref, bool) {
	if r, ok := pl.snap.RefAt(pl.name, pl.off); ok {
		return r.Target, r, r.Target != nil
	}
	if p := pl.snap.Page(pl.name); self && p != nil && p.Kind == site.KindPage {
		return p, workspace.Ref{Start: -1, End: -1}, true
	}
	return nil, workspace.Ref{}, false
}

func (s *Server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	pl, page, ref, ok := s.named(p.TextDocumentPositionParams, false)
	if !ok {
		return nil, nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", page.Title())
	if page.Section != nil {
		fmt.Fprintf(&b, " · %s", page.Section.Title)
	}
	if page.Summary() != "" {
		fmt.Fprintf(&b, "\n\n%s", page.Summary())
	}
	for _, h := range pl.snap.Headings(page.Src.Path) {
		if ref.Fragment != "" && h.ID == ref.Fragment {
			fmt.Fprintf(&b, "\n\n§ %s", h.Text)
		}
	}
	fmt.Fprintf(&b, "\n\n`%s`", page.Src.Path)
	rng := lspRange(pl.text, ref.Start, ref.End)
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: b.String()}, Range: &rng}, nil
}

func (s *Server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	pl, page, ref, ok := s.named(p.TextDocumentPositionParams, false)
	if !ok {
		return nil, nil
	}
	text, _ := pl.snap.Text(page.Src.Path)
	at := 0
	if ref.Fragment != "" {
		at = headingOffset(text, pl.snap, page.Src.Path, ref.Fragment)
	}
	return protocol.Location{URI: s.siteURI(page.Src.Path), Range: lspRange(text, at, at)}, nil
}

// headingOffset finds the line of the heading with the ID, or 0.
func headingOffset(text []byte, snap *workspace.Snapshot, name, id string) int {
	for _, h := range snap.Headings(name) {
		if h.ID != id {
			continue
		}
		for off := 0; off < len(text); {
			end := bytes.IndexByte(text[off:], '\n')
			if end < 0 {
				end = len(text) - off
			}
			line := strings.TrimSpace(string(text[off : off+end]))
			if strings.HasPrefix(line, "#") && strings.Contains(line, h.Text) {
				return off
			}
			off += end + 1
		}
	}
	return 0
}

func (s *Server) references(_ *glsp.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	pl, page, _, ok := s.named(p.TextDocumentPositionParams, true)
	if !ok {
		return nil, nil
	}
	var out []protocol.Location
	if p.Context.IncludeDeclaration {
		out = append(out, protocol.Location{URI: s.siteURI(page.Src.Path)})
	}
	for _, r := range pl.snap.References(page) {
		if !r.HasRange() {
			continue
		}
		text, _ := pl.snap.Text(r.From)
		out = append(out, protocol.Location{URI: s.siteURI(r.From), Range: lspRange(text, r.Start, r.End)})
	}
	return out, nil
}
