package cli

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/lsp/lsptest"
)

// TestLSPCommand runs `rolesite lsp --src DIR` on pipes standing for its
// standard input and output: a page opened with a bad slug gets check's
// problem, and an orderly shutdown exits 0.
func TestLSPCommand(t *testing.T) {
	dir := lsptest.Site(t, `
-- content/_index.md --
---
title: Site
---
-- content/roles/a.md --
---
title: A
tools: [python]
---
-- content/tools/python.md --
---
title: Python
---
`)
	clientIn, serverOut := io.Pipe()
	serverIn, clientOut := io.Pipe()
	var stderr strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- Main(context.Background(), []string{"lsp", "--src", dir}, serverIn, serverOut, &stderr)
	}()
	c := lsptest.New(t, clientIn, clientOut)
	res := c.Initialize(lsptest.URI(dir, ""))
	if res.ServerInfo == nil || res.ServerInfo.Name != "rolesite" {
		t.Errorf("server info = %+v", res.ServerInfo)
	}
	uri := lsptest.URI(dir, "content/roles/a.md")
	c.Notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: "markdown", Version: 1, Text: "---\ntitle: A\ntools: [pyton]\n---\n",
	}})
	d := c.Diagnostics(uri, func(d []protocol.Diagnostic) bool { return len(d) > 0 })
	if want := `tools: no page "pyton" in section tools (did you mean python?)`; d[0].Message != want {
		t.Errorf("message = %q, want %q", d[0].Message, want)
	}
	c.Shutdown()
	serverOut.Close()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("exit %d after shutdown; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(lsptest.Timeout):
		t.Fatal("rolesite lsp did not exit")
	}
}
