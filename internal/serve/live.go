package serve

import (
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/rolesite/rolesite/internal/diag"
)

// clientBuffer is how many events a live-reload connection may fall behind
// before it is dropped. Its memory is fixed: a few pointers to shared,
// already-encoded events.
const clientBuffer = 8

// A state is one immutable moment of the server: the site being served and
// the problems being shown. It is replaced, never changed.
type state struct {
	site     fs.FS             // nil until the first Publish
	problems []diag.Diagnostic // non-empty while the latest build failed
	token    string            // names the site version; changes on Publish
}

// live holds the current state and the connections watching it. Requests read
// the state without locking; a change to the state and the event telling
// every connection about it happen under one lock, as does a new connection
// being told the current state, so no connection misses an event or gets one
// twice.
type live struct {
	cur atomic.Pointer[state]

	mu      sync.Mutex
	clients map[*client]struct{}
	closed  bool
	logf    func(format string, args ...any)
}

// A client is one live-reload connection.
type client struct {
	events chan []byte   // encoded server-sent events
	gone   chan struct{} // closed when the server drops the client
	page   string        // the site file of the page it is on, "" if unknown
}

func newLive(initial *state, logf func(string, ...any)) *live {
	l := &live{clients: make(map[*client]struct{}), logf: logf}
	l.cur.Store(initial)
	return l
}

// current returns the state to serve a request from.
func (l *live) current() *state { return l.cur.Load() }

// update replaces the state with next(current) and sends the event next
// returns to every connection. A connection whose buffer is full is dropped.
func (l *live) update(next func(prev *state) (*state, []byte)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st, ev := next(l.cur.Load())
	l.cur.Store(st)
	for c := range l.clients {
		l.send(c, ev)
	}
}

// tell sends the event ev makes to the connections of the pages on the
// site file page, with the state unchanged. ev is called only when there
// is such a connection, and once.
func (l *live) tell(page string, ev func() []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var e []byte
	for c := range l.clients {
		if c.page == page {
			if e == nil {
				e = ev()
			}
			l.send(c, e)
		}
	}
}

// send queues ev for c, or drops c when its buffer is full. l.mu must be
// held.
func (l *live) send(c *client, ev []byte) {
	select {
	case c.events <- ev:
	default:
		l.drop(c)
		l.logf("live reload: dropped a client that fell %d events behind", clientBuffer)
	}
}

// pages returns the site files of the pages open now, each once, sorted.
func (l *live) pages() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for c := range l.clients {
		if c.page != "" && !slices.Contains(out, c.page) {
			out = append(out, c.page)
		}
	}
	slices.Sort(out)
	return out
}

// subscribe adds a connection of a page on the site file page ("" when
// not known) and queues the events greet returns for the
// current state. It returns false once the server is closed.
func (l *live) subscribe(page string, greet func(*state) [][]byte) (*client, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, false
	}
	c := &client{events: make(chan []byte, clientBuffer), gone: make(chan struct{}), page: page}
	for _, ev := range greet(l.cur.Load()) {
		c.events <- ev // fits: greet returns fewer events than the buffer holds
	}
	l.clients[c] = struct{}{}
	return c, true
}

// unsubscribe removes a connection that has ended.
func (l *live) unsubscribe(c *client) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.clients[c]; ok {
		l.drop(c)
	}
}

// drop removes c and tells its handler to stop. l.mu must be held.
func (l *live) drop(c *client) {
	delete(l.clients, c)
	close(c.gone)
}

// close drops every connection and refuses new ones.
func (l *live) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	for c := range l.clients {
		l.drop(c)
	}
}

// count returns the number of open connections.
func (l *live) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.clients)
}
