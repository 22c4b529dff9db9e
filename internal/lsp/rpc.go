package lsp

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// handle hands one message to the protocol handler and turns its answer
// into a JSON-RPC response, as glsp's own server does; exit closes the
// connection.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		// A bug must not take the editor's server down with it.
		if r := recover(); r != nil {
			s.logf("rolesite lsp: %s: panic: %v\n%s", req.Method, r, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("rolesite lsp failed on %s (%v): please report it, with the file open", req.Method, r)}
		}
	}()
	if req.Method == protocol.MethodExit {
		conn.Close()
		return nil, nil
	}
	gctx := &glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) {
			if err := conn.Notify(ctx, method, params); err != nil {
				s.logf("rolesite lsp: %s: %v", method, err)
			}
		},
		Call: func(method string, params, result any) {
			if err := conn.Call(ctx, method, params, result); err != nil {
				s.logf("rolesite lsp: %s: %v", method, err)
			}
		},
	}
	if req.Params != nil {
		gctx.Params = *req.Params
	}
	r, validMethod, validParams, err := s.handler.Handle(gctx)
	switch {
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: fmt.Sprintf("method not supported: %s", req.Method)}
	case !validParams:
		msg := "invalid parameters"
		if err != nil {
			msg = err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

// protocolHandler lists the methods the server answers.
func (s *Server) protocolHandler() protocol.Handler {
	return protocol.Handler{
		Initialize:                     s.initialize,
		Initialized:                    func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:                       func(*glsp.Context) error { s.shutdown.Store(true); return nil },
		SetTrace:                       func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidSave:            s.didSave,
		TextDocumentDidClose:           s.didClose,
		WorkspaceDidChangeWatchedFiles: s.didChangeWatchedFiles,
		TextDocumentHover:              s.hover,
		TextDocumentDefinition:         s.definition,
		TextDocumentReferences:         s.references,
		TextDocumentCompletion:         s.completion,
		TextDocumentPrepareRename:      s.prepareRename,
		TextDocumentRename:             s.rename,
	}
}

func (s *Server) initialize(_ *glsp.Context, p *protocol.InitializeParams) (any, error) {
	// Resource operations exist only in documentChanges: a client that can
	// rename a file there reads them (Neovim says the one, not the other).
	if w := p.Capabilities.Workspace; w != nil && w.WorkspaceEdit != nil {
		s.renamesFiles.Store(slices.Contains(w.WorkspaceEdit.ResourceOperations, protocol.ResourceOperationKindRename))
	}
	sync := protocol.TextDocumentSyncKindIncremental
	yes := true
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: &yes,
				Change:    &sync,
				Save:      true,
			},
			HoverProvider:      true,
			DefinitionProvider: true,
			ReferencesProvider: true,
			CompletionProvider: &protocol.CompletionOptions{TriggerCharacters: []string{"[", ",", " ", "(", "/", "#", "\"", "-"}},
			RenameProvider:     protocol.RenameOptions{PrepareProvider: &yes},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "rolesite", Version: &s.version},
	}, nil
}
