package serve

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/rolesite/rolesite/internal/diag"
)

const (
	// heartbeat is how often an idle event stream gets a comment line, so
	// a dead connection is noticed and proxies keep it open.
	heartbeat = 30 * time.Second
	// writeWait bounds each write to an event stream.
	writeWait = 10 * time.Second
	// retryMillis is the reconnection delay the browser is asked to use.
	retryMillis = 500
)

// event encodes one server-sent event. data must not hold a newline.
func event(name, data string) []byte {
	var b strings.Builder
	b.WriteString("event: ")
	b.WriteString(name)
	b.WriteString("\ndata: ")
	b.WriteString(data)
	b.WriteString("\n\n")
	return []byte(b.String())
}

// problem is a diagnostic as the client script reads it.
type problem struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	Source  string `json:"source"`
}

// problemsEvent encodes the "problems" event: a JSON array on one line.
func problemsEvent(ds []diag.Diagnostic) []byte {
	ps := make([]problem, len(ds))
	for i, d := range ds {
		line, col := d.Place() // as the terminal shows it
		ps[i] = problem{Path: d.Path, Line: line, Col: col, Message: d.Message, Source: d.Source}
	}
	data, err := json.Marshal(ps)
	if err != nil { // cannot happen: strings and ints only
		data = []byte("[]")
	}
	return event("problems", string(data))
}

// greeting is what a new connection is told: the current site's token, and
// the problems if the latest build failed.
func greeting(st *state) [][]byte {
	evs := [][]byte{event("hello", st.token)}
	if len(st.problems) > 0 {
		evs = append(evs, problemsEvent(st.problems))
	}
	return evs
}

// serveEvents streams live-reload events to one page until the page goes
// away, the client falls too far behind, or the server closes.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	c, ok := s.live.subscribe(s.pageOf(r.URL.Query().Get("page")), greeting)
	if !ok {
		http.Error(w, "server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.live.unsubscribe(c)

	// The stream outlives the server's read and write timeouts: it sets a
	// write deadline before each write, and clears the read deadline (there
	// is no body to read; net/http lifts it itself for HTTP/1, this covers
	// other transports). Errors mean the writer cannot do this (a test
	// recorder); the stream works regardless.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{})
	send := func(b []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(writeWait))
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if !send([]byte("retry: " + strconv.Itoa(retryMillis) + "\n\n")) {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case ev := <-c.events:
			if !send(ev) {
				return
			}
		case <-tick.C:
			if !send([]byte(": ping\n\n")) {
				return
			}
		case <-c.gone:
			return
		case <-r.Context().Done():
			return
		}
	}
}
