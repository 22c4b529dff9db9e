package lsp

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"sync/atomic"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/watch"
	"github.com/rolesite/rolesite/internal/workspace"
)

// Options set up a Server.
type Options struct {
	Root   string // the site folder, absolute and with symbolic links resolved
	Site   fs.FS  // the site folder's files
	Drafts bool   // analyse with draft pages kept, as build --drafts
	// Watch, when set, watches content/ under Root so that files changed
	// on disk behind the editor's back (a git checkout) are read again.
	Watch bool
	Log   io.Writer // the server's own troubles; nil discards them
}

// A Server serves one connection for one site folder.
type Server struct {
	opts    Options
	version string
	docs    *documents
	disk    *disk
	handler protocol.Handler

	gen atomic.Uint64 // bumped by every change of a buffer or a file on disk

	pmu     sync.Mutex      // guards pending
	pending map[string]bool // what changed since the last analysis; nil: everything

	amu      sync.Mutex // guards what follows: one analysis at a time
	analyzer *workspace.Analyzer
	snap     *workspace.Snapshot
	snapGen  uint64
	shown    map[string]string // what was last published, by site path

	kick         chan struct{} // a diagnostics pass is wanted
	shutdown     atomic.Bool
	renamesFiles atomic.Bool // the client applies file renames in workspace edits
}

// Serve serves the protocol on in and out until the client exits, the
// stream ends or ctx is done. It returns nil after an orderly shutdown and
// exit, an error otherwise.
func Serve(ctx context.Context, in io.Reader, out io.Writer, version string, opts Options) error {
	s := newServer(version, opts)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream := jsonrpc2.NewBufferedStream(pipe{in, out}, jsonrpc2.VSCodeObjectCodec{})
	conn := jsonrpc2.NewConn(ctx, stream, jsonrpc2.HandlerWithError(s.handle))
	var wg sync.WaitGroup
	wg.Go(func() { s.diagnostics(ctx, conn) })
	if opts.Watch {
		w, err := watch.New(opts.Root, []string{"content"}, watch.Options{})
		if err != nil {
			s.logf("rolesite lsp: files changed on disk will not be seen until they are opened: %v", err)
		} else {
			defer w.Close()
			wg.Go(func() { s.follow(ctx, w) })
		}
	}
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	cancel()
	wg.Wait()
	if !s.shutdown.Load() {
		return fmt.Errorf("the client left without a shutdown request")
	}
	return nil
}

func newServer(version string, opts Options) *Server {
	s := &Server{
		opts:     opts,
		version:  version,
		docs:     newDocuments(),
		disk:     newDisk(opts.Site),
		analyzer: workspace.New(workspace.Options{Drafts: opts.Drafts}),
		shown:    map[string]string{},
		pending:  nil, // the first analysis reads everything
		kick:     make(chan struct{}, 1),
	}
	s.handler = s.protocolHandler()
	return s
}

// follow reads again the files the watcher says changed.
func (s *Server) follow(ctx context.Context, w *watch.Watcher) {
	for {
		select {
		case <-ctx.Done():
			return
		case batch := <-w.Batches():
			names := make([]string, len(batch))
			for i, c := range batch {
				names[i] = c.Path
			}
			s.disk.forget(names)
			s.changed(names...)
		case err := <-w.Errors():
			s.logf("rolesite lsp: watching %s: %v", s.opts.Root, err)
		}
	}
}

// changedAll notes that anything may have changed.
func (s *Server) changedAll() {
	s.pmu.Lock()
	s.pending = nil
	s.pmu.Unlock()
	s.changed()
}

// changed notes that the named files changed (in a buffer or on disk:
// the caller has updated both already) and asks for a diagnostics pass.
func (s *Server) changed(names ...string) {
	s.pmu.Lock()
	if s.pending != nil {
		for _, n := range names {
			s.pending[n] = true
		}
	}
	s.pmu.Unlock()
	s.gen.Add(1) // after pending: see snapshot
	select {
	case s.kick <- struct{}{}:
	default: // one is pending already
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, format+"\n", args...)
	}
}

// pipe is the connection's byte stream.
type pipe struct {
	io.Reader
	io.Writer
}

// Close closes both ends that can be closed, so a blocked read returns.
func (p pipe) Close() error {
	if c, ok := p.Reader.(io.Closer); ok {
		c.Close()
	}
	if c, ok := p.Writer.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
