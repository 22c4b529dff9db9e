package lsp

import (
	"context"
	"maps"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/overlayfs"
	"github.com/rolesite/rolesite/internal/textpos"
	"github.com/rolesite/rolesite/internal/workspace"
)

// snapshot returns the site as it is now, analysing it again if anything
// changed since the last analysis. It returns nil only when ctx is done.
//
// Order matters: a change updates the buffer or the disk cache, then
// pending, then the generation; snapshot reads the generation, then takes
// pending, then reads the buffers. So whatever a generation counts is in
// the files named and the text read, and a change caught half way is
// analysed again on the next call.
func (s *Server) snapshot(ctx context.Context) *workspace.Snapshot {
	s.amu.Lock()
	defer s.amu.Unlock()
	gen := s.gen.Load()
	if s.snap != nil && s.snapGen == gen {
		return s.snap
	}
	s.pmu.Lock()
	var changed []string // nil: read everything
	if s.pending != nil {
		changed = slices.Collect(maps.Keys(s.pending))
		if changed == nil {
			changed = []string{}
		}
	}
	s.pending = map[string]bool{}
	s.pmu.Unlock()
	snap := s.analyzer.Update(ctx, overlayfs.New(s.disk, s.docs.texts()), changed)
	if snap == nil {
		s.pmu.Lock()
		s.pending = nil // the analysis stopped half way: read everything next time
		s.pmu.Unlock()
		return nil
	}
	s.snap, s.snapGen = snap, gen
	return snap
}

// diagnostics publishes the site's problems after every change, until ctx
// is done. Changes that arrive while it works make one more pass.
func (s *Server) diagnostics(ctx context.Context, conn *jsonrpc2.Conn) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
		}
		if !s.pass(ctx, conn) {
			return
		}
	}
}

// pass makes one diagnostics pass; false when ctx is done. A bug in it is
// logged, and the next change makes another pass.
func (s *Server) pass(ctx context.Context, conn *jsonrpc2.Conn) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("rolesite lsp: finding problems: panic: %v\n%s", r, debug.Stack())
			ok = true
		}
	}()
	snap := s.snapshot(ctx)
	if snap == nil {
		return false
	}
	s.publish(ctx, conn, snap)
	return true
}

// publish sends the problems of every file whose problems changed since
// the last pass, an empty list for a file that has none left.
func (s *Server) publish(ctx context.Context, conn *jsonrpc2.Conn, snap *workspace.Snapshot) {
	byFile := map[string]diag.List{}
	for _, d := range snap.Diagnostics {
		byFile[d.Path] = append(byFile[d.Path], d)
	}
	s.amu.Lock()
	var send []string
	for name, l := range byFile {
		if key := l.Error(); s.shown[name] != key {
			s.shown[name] = key
			send = append(send, name)
		}
	}
	for name := range s.shown {
		if _, ok := byFile[name]; !ok {
			delete(s.shown, name)
			send = append(send, name)
		}
	}
	s.amu.Unlock()
	slices.Sort(send)
	for _, name := range send {
		text, _ := snap.Text(name)
		list := make([]protocol.Diagnostic, 0, len(byFile[name]))
		for _, d := range byFile[name] {
			list = append(list, lspDiagnostic(text, d))
		}
		params := protocol.PublishDiagnosticsParams{URI: s.siteURI(name), Diagnostics: list}
		if err := conn.Notify(ctx, protocol.ServerTextDocumentPublishDiagnostics, params); err != nil {
			return // the connection is gone
		}
	}
}

// lspDiagnostic places a problem in the text: from its position to the
// end of the word there, at least one character.
func lspDiagnostic(text []byte, d diag.Diagnostic) protocol.Diagnostic {
	severity := protocol.DiagnosticSeverityError
	if strings.HasPrefix(d.Message, "warning: ") {
		severity = protocol.DiagnosticSeverityWarning
	}
	source := "rolesite"
	out := protocol.Diagnostic{Severity: &severity, Source: &source, Message: d.Message}
	if d.Line == 0 || text == nil {
		return out
	}
	start := textpos.FromPos(text, content.Pos{Line: d.Line, Col: d.Col})
	end := wordEnd(text, start)
	out.Range = lspRange(text, start, end)
	return out
}

// wordEnd returns the end of the word that starts at off: a slug, a path
// or a key; one character when off is not at a word, none at a line end.
func wordEnd(text []byte, off int) int {
	end := off
	for end < len(text) && isWordByte(text[end]) {
		end++
	}
	if end == off && off < len(text) && !strings.ContainsRune("\r\n", rune(text[off])) {
		end++
		for end < len(text) && text[end]&0xC0 == 0x80 {
			end++ // the rest of a UTF-8 sequence
		}
	}
	return end
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c == '-' || c == '_' || c == '.' || c == '/' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
