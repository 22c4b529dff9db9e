package lsptest

import (
	"context"
	"encoding/json"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Timeout bounds every wait of a Client: generous, for a loaded machine
// running the race detector; a passing test waits far less.
const Timeout = 60 * time.Second

// A Client talks to one server.
type Client struct {
	t    testing.TB
	conn *jsonrpc2.Conn

	mu      sync.Mutex
	diags   map[string][]protocol.Diagnostic // the last published, by URI
	updated chan struct{}                    // closed and replaced on every publication
}

// New connects to a server reading from r what it writes, and writing to
// w what it reads. Close the Client (Shutdown does) when done.
func New(t testing.TB, r io.Reader, w io.WriteCloser) *Client {
	c := &Client{t: t, diags: map[string][]protocol.Diagnostic{}, updated: make(chan struct{})}
	stream := jsonrpc2.NewBufferedStream(rw{r, w}, jsonrpc2.VSCodeObjectCodec{})
	c.conn = jsonrpc2.NewConn(context.Background(), stream, jsonrpc2.HandlerWithError(c.handle))
	return c
}

type rw struct {
	io.Reader
	io.WriteCloser
}

func (c *Client) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	if req.Method != protocol.ServerTextDocumentPublishDiagnostics || req.Params == nil {
		return nil, nil
	}
	var p protocol.PublishDiagnosticsParams
	if err := json.Unmarshal(*req.Params, &p); err != nil {
		c.t.Errorf("publishDiagnostics: %v", err)
		return nil, nil
	}
	c.mu.Lock()
	c.diags[p.URI] = p.Diagnostics
	close(c.updated)
	c.updated = make(chan struct{})
	c.mu.Unlock()
	return nil, nil
}

// Call sends a request and decodes its result into result.
func (c *Client) Call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

// MustCall is Call failing the test on an error.
func (c *Client) MustCall(method string, params, result any) {
	c.t.Helper()
	if err := c.Call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// Initialize performs the handshake as a client that applies text edits
// and file renames in workspace edits.
func (c *Client) Initialize(rootURI string) protocol.InitializeResult {
	c.t.Helper()
	return c.InitializeWith(rootURI, map[string]any{
		"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true, "resourceOperations": []string{"rename"}}},
	})
}

// InitializeWith performs the handshake with the client capabilities given.
func (c *Client) InitializeWith(rootURI string, capabilities map[string]any) protocol.InitializeResult {
	c.t.Helper()
	var res protocol.InitializeResult
	c.MustCall(protocol.MethodInitialize, map[string]any{"rootUri": rootURI, "capabilities": capabilities}, &res)
	c.Notify(protocol.MethodInitialized, protocol.InitializedParams{})
	return res
}

// Shutdown asks the server to shut down and exit, and closes the
// connection.
func (c *Client) Shutdown() {
	c.t.Helper()
	c.MustCall(protocol.MethodShutdown, nil, nil)
	c.conn.Notify(context.Background(), protocol.MethodExit, nil)
	c.conn.Close()
}

// Diagnostics waits until the diagnostics last published for uri satisfy
// ok, and returns them; it fails the test after Timeout.
func (c *Client) Diagnostics(uri string, ok func([]protocol.Diagnostic) bool) []protocol.Diagnostic {
	c.t.Helper()
	deadline := time.After(Timeout)
	for {
		c.mu.Lock()
		d, seen := c.diags[uri]
		updated := c.updated
		c.mu.Unlock()
		if seen && ok(d) {
			return d
		}
		select {
		case <-updated:
		case <-deadline:
			c.t.Fatalf("diagnostics for %s: still %v after %v", uri, d, Timeout)
			return nil
		}
	}
}

// Published returns what was last published for every URI.
func (c *Client) Published() map[string][]protocol.Diagnostic {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string][]protocol.Diagnostic, len(c.diags))
	for k, v := range c.diags {
		out[k] = v
	}
	return out
}
