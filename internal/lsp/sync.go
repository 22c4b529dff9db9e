package lsp

import (
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// The text synchronisation notifications: each changes what the site is
// and asks for a diagnostics pass. A document outside the site folder is
// left alone.

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	if name, ok := s.sitePath(p.TextDocument.URI); ok {
		s.docs.put(name, p.TextDocument.URI, []byte(p.TextDocument.Text), p.TextDocument.Version)
		s.changed(name)
	}
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	if name, ok := s.sitePath(p.TextDocument.URI); ok && s.docs.change(name, p.TextDocument.Version, p.ContentChanges) {
		s.changed(name)
	}
	return nil
}

// didSave reads the file again from disk on its next use: what the
// buffer held is now what the disk holds.
func (s *Server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	if name, ok := s.sitePath(p.TextDocument.URI); ok {
		s.disk.forget([]string{name})
		s.changed(name)
	}
	return nil
}

// didClose goes back to the file on disk, which may differ from the
// buffer when the editor closed it without saving.
func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	if name, ok := s.sitePath(p.TextDocument.URI); ok {
		s.docs.close(name)
		s.disk.forget([]string{name})
		s.changed(name)
	}
	return nil
}

func (s *Server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	var names []string
	for _, c := range p.Changes {
		if name, ok := s.sitePath(c.URI); ok {
			names = append(names, name)
			if !strings.HasSuffix(name, ".md") {
				// A folder, perhaps, and what it held: read everything again.
				s.disk.forget(nil)
				s.changedAll()
				return nil
			}
		}
	}
	s.disk.forget(names)
	s.changed(names...)
	return nil
}
