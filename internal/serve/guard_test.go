package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// logLines collects what a Server logs.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logLines) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

// hostGet sends a GET to the test server with the given Host and headers
// (pairs), and returns the status and at most 4 KiB of the body. An event
// stream is not read to its end: the request is cancelled.
func hostGet(t *testing.T, ts *httptest.Server, host, path string, header ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return resp.StatusCode, ""
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	return resp.StatusCode, string(b)
}

// TestRebindingHostIsRefused serves over a real socket on 127.0.0.1 and
// asks for a page, an asset, the server's script and the event stream by
// names a DNS rebinding attack would use, and by the server's own names.
func TestRebindingHostIsRefused(t *testing.T) {
	var log logLines
	s := New(Options{Logf: log.logf, AllowedHosts: []string{"docs.example.test"}})
	s.Publish(testSite(), nil)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	defer s.Close()
	port := ts.Listener.Addr().(*net.TCPAddr).Port
	paths := []string{"/", "/roles/", "/css/site.css", "/__rolesite/live.js", "/__rolesite/events", "/missing"}

	for _, host := range []string{"evil.com", "evil.com:" + fmt.Sprint(port), "localhost.evil.com:1313", "127.0.0.1.example.com", "EVIL.com."} {
		for _, p := range paths {
			code, body := hostGet(t, ts, host, p)
			if code != http.StatusForbidden || !strings.HasPrefix(body, "403 forbidden") || strings.Contains(body, "<") {
				t.Errorf("Host %s, GET %s: %d %q, want 403 with a short plain-text body", host, p, code, body)
			}
		}
	}
	for _, host := range []string{ts.Listener.Addr().String(), "localhost:" + fmt.Sprint(port), "LocalHost.", "app.localhost:1", "[::1]:" + fmt.Sprint(port), "docs.example.test:443"} {
		for _, p := range paths {
			want := http.StatusOK
			if p == "/missing" {
				want = http.StatusNotFound
			}
			if code, body := hostGet(t, ts, host, p); code != want {
				t.Errorf("Host %s, GET %s: %d %q, want %d", host, p, code, body, want)
			}
		}
	}

	// One line per refused name, however often it is asked for, saying how
	// to allow it.
	lines := log.all()
	var evil []string
	for _, l := range lines {
		if strings.Contains(l, `"evil.com:`) {
			evil = append(evil, l)
		}
	}
	if len(evil) != 1 || !strings.Contains(evil[0], "--allowed-host evil.com") {
		t.Errorf("log for evil.com:%d: %q, want one line naming --allowed-host evil.com", port, evil)
	}
	if len(lines) != 5 {
		t.Errorf("%d log lines for 5 refused names:\n%s", len(lines), strings.Join(lines, "\n"))
	}
}

// TestForeignOriginIsRefusedOnOwnPaths checks the Origin of requests for
// the event stream and the server's other paths, and of other methods,
// while pages and assets fetched with an allowed Host keep working.
func TestForeignOriginIsRefusedOnOwnPaths(t *testing.T) {
	var log logLines
	s := New(Options{Logf: log.logf})
	s.Publish(testSite(), nil)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	defer s.Close()
	host := ts.Listener.Addr().String()

	for _, origin := range []string{"http://evil.com", "null", "http://localhost.evil.com:1313"} {
		for _, p := range []string{"/__rolesite/events", "/__rolesite/live.js"} {
			if code, body := hostGet(t, ts, host, p, "Origin", origin); code != http.StatusForbidden {
				t.Errorf("Origin %s, GET %s: %d %q, want 403", origin, p, code, body)
			}
		}
		for _, p := range []string{"/", "/css/site.css"} {
			if code, body := hostGet(t, ts, host, p, "Origin", origin); code != http.StatusOK {
				t.Errorf("Origin %s, GET page %s: %d %q, want 200", origin, p, code, body)
			}
		}
		req := localRequest("POST", "/")
		req.Header.Set("Origin", origin)
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden {
			t.Errorf("Origin %s, POST /: %d, want 403", origin, rec.Code)
		}
	}
	for _, origin := range []string{"http://" + host, "http://localhost:1313", "https://app.localhost"} {
		if code, body := hostGet(t, ts, host, "/__rolesite/events", "Origin", origin); code != http.StatusOK {
			t.Errorf("Origin %s, GET events: %d %q, want 200", origin, code, body)
		}
	}
	if lines := log.all(); len(lines) == 0 || !strings.Contains(lines[0], `Origin "http://evil.com"`) {
		t.Errorf("log: %q", lines)
	}
}

// TestRequestWithoutHostIsRefused sends an HTTP/1.0 request with no Host
// header: nothing shows which site it is for, so it is refused.
func TestRequestWithoutHostIsRefused(t *testing.T) {
	var log logLines
	s := New(Options{Logf: log.logf})
	s.Publish(testSite(), nil)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for _, request := range []string{"GET / HTTP/1.0\r\n\r\n", "GET /__rolesite/events HTTP/1.0\r\n\r\n"} {
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(waitLimit))
		if _, err := conn.Write([]byte(request)); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%q: %d, want 403", request, resp.StatusCode)
		}
	}
	if lines := log.all(); len(lines) != 1 || !strings.Contains(lines[0], "HTTP/1.0") {
		t.Errorf("log: %q, want one line about the missing Host", lines)
	}
}
