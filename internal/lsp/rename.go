package lsp

import (
	"context"
	"fmt"
	"io/fs"
	"path"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/overlayfs"
	"github.com/rolesite/rolesite/internal/rename"
	"github.com/rolesite/rolesite/internal/workspace"
)

// prepareRename tells the editor what a rename at the position renames:
// the slug or link under the cursor, or anywhere else in a page's file,
// the page itself.
func (s *Server) prepareRename(_ *glsp.Context, p *protocol.PrepareRenameParams) (any, error) {
	pl, page, ref, ok := s.named(p.TextDocumentPositionParams, true)
	if !ok {
		return nil, nil
	}
	start, end := pl.off, pl.off
	if ref.HasRange() {
		start, end = ref.Start, ref.End
	}
	return struct {
		Range       protocol.Range `json:"range"`
		Placeholder string         `json:"placeholder"`
	}{lspRange(pl.text, start, end), page.Src.Slug}, nil
}

// rename renames the page named at the position to the slug NewName: a
// workspace edit that changes every file naming it, then renames its
// file. It fails, changing nothing, when the rename cannot be made safely.
func (s *Server) rename(_ *glsp.Context, p *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	pl, page, _, ok := s.named(p.TextDocumentPositionParams, true)
	if !ok {
		return nil, nil
	}
	if !s.renamesFiles.Load() {
		// Edits without the file's rename would leave every link broken.
		return nil, fmt.Errorf("%s: this editor does not say it can rename files in a workspace edit: run rolesite mv %s/%s %s/%s in the site folder instead",
			page.Src.Path, page.Section.Name, page.Src.Slug, page.Section.Name, p.NewName)
	}
	site := overlayfs.New(s.disk, s.docs.texts())
	// Drafts are renamed in too: analyse with them when the server leaves
	// them out.
	snap, opts := pl.snap, workspace.Options{Drafts: true}
	if !s.opts.Drafts {
		if snap = workspace.New(opts).Analyze(context.Background(), site); snap == nil || snap.Page(page.Src.Path) == nil {
			return nil, fmt.Errorf("%s: the site changed while renaming: try again", page.Src.Path)
		}
		page = snap.Page(page.Src.Path)
	}
	exists := func(name string) bool { _, err := fs.Stat(site, name); return err == nil }
	plan, err := rename.Page(snap, page, p.NewName, exists)
	if err != nil {
		return nil, err
	}
	if err := rename.Check(context.Background(), snap, plan, opts); err != nil {
		return nil, err
	}
	var changes []any
	for _, f := range plan.Files {
		text, _ := snap.Text(f.Path)
		doc := protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: s.siteURI(f.Path)}}
		if _, version, open := s.docs.get(f.Path); open {
			doc.Version = &version
		}
		edits := make([]any, len(f.Edits))
		for i, e := range f.Edits {
			edits[i] = protocol.TextEdit{Range: lspRange(text, e.Start, e.End), NewText: e.Text}
		}
		changes = append(changes, protocol.TextDocumentEdit{TextDocument: doc, Edits: edits})
	}
	changes = append(changes, protocol.RenameFile{Kind: "rename", OldURI: s.siteURI(plan.From), NewURI: s.siteURI(path.Clean(plan.To))})
	return &protocol.WorkspaceEdit{DocumentChanges: changes}, nil
}
