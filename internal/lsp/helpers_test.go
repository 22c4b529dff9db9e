package lsp_test

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/lsp"
	"github.com/rolesite/rolesite/internal/lsp/lsptest"
	"github.com/rolesite/rolesite/internal/sitefs"
)

// session is a server running in the test on a copy of a txtar site,
// driven by a client over a pair of pipes; it is shut down when the test
// ends.
type session struct {
	*lsptest.Client
	dir string
}

func start(t *testing.T, archive string) *session {
	t.Helper()
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	return startIn(t, lsptest.Site(t, string(data)))
}

// setup changes how a session starts: watch has the server watch content/
// on disk; caps, when set, are the client's capabilities.
type setup struct {
	watch bool
	caps  map[string]any
}

// startIn starts a session on the site folder dir.
func startIn(t testing.TB, dir string, how ...setup) *session {
	t.Helper()
	fsys, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	clientIn, serverOut := io.Pipe()
	serverIn, clientOut := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- lsp.Serve(context.Background(), serverIn, serverOut, "test", lsp.Options{Root: dir, Site: fsys, Watch: len(how) > 0 && how[0].watch})
	}()
	c := lsptest.New(t, clientIn, clientOut)
	if len(how) > 0 && how[0].caps != nil {
		c.InitializeWith(lsptest.URI(dir, ""), how[0].caps)
	} else {
		c.Initialize(lsptest.URI(dir, ""))
	}
	t.Cleanup(func() {
		c.Shutdown()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("server: %v", err)
			}
		case <-time.After(lsptest.Timeout):
			t.Error("the server did not stop after exit")
		}
		fsys.Close()
	})
	return &session{Client: c, dir: dir}
}

func (s *session) uri(name string) string { return lsptest.URI(s.dir, name) }

// open opens a file of the site with its text on disk, or with text.
func (s *session) open(t testing.TB, name string, text ...string) string {
	t.Helper()
	body := strings.Join(text, "")
	if len(text) == 0 {
		data, err := os.ReadFile(s.dir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		body = string(data)
	}
	s.Notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: s.uri(name), LanguageID: "markdown", Version: 1, Text: body}})
	return body
}

// edit replaces the range with text.
func (s *session) edit(name string, version int32, r protocol.Range, text string) {
	s.Notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: s.uri(name)}, Version: version},
		ContentChanges: []any{protocol.TextDocumentContentChangeEvent{Range: &r, Text: text}},
	})
}

// replaceAll replaces the whole text.
func (s *session) replaceAll(name string, version int32, text string) {
	s.Notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: s.uri(name)}, Version: version},
		ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: text}},
	})
}

func pos(line, char int) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(char)}
}

func docPos(uri string, p protocol.Position) protocol.TextDocumentPositionParams {
	return protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}, Position: p}
}

func none(d []protocol.Diagnostic) bool { return len(d) == 0 }
func some(d []protocol.Diagnostic) bool { return len(d) > 0 }
func messages(d []protocol.Diagnostic) string {
	var out []string
	for _, x := range d {
		out = append(out, x.Message)
	}
	return strings.Join(out, "\n")
}
