package serve

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// pipeListener is an in-memory net.Listener: each Dial makes a net.Pipe.
// Inside a synctest bubble its connections, and the deadlines on them, run on
// the bubble's fake clock.
type pipeListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error { l.once.Do(func() { close(l.done) }); return nil }

func (l *pipeListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }

func (l *pipeListener) Dial(ctx context.Context, _, _ string) (net.Conn, error) {
	server, client := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.done:
		return nil, net.ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// TestStreamOutlivesServerTimeouts keeps a live-reload stream open for ten
// minutes of (fake) time, far past NewHTTPServer's read, write and idle
// timeouts, and checks that it still delivers a Publish.
func TestStreamOutlivesServerTimeouts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := New(Options{})
		hs := NewHTTPServer("127.0.0.1:0", s.Handler())
		hs.RegisterOnShutdown(s.Close)
		ln := newPipeListener()
		served := make(chan error, 1)
		go func() { served <- hs.Serve(ln) }()

		transport := &http.Transport{DialContext: ln.Dial}
		client := &http.Client{Transport: transport}
		resp, err := client.Get("http://localhost:1313/__rolesite/events")
		if err != nil {
			t.Fatal(err)
		}
		events := make(chan string, 64)
		go func() {
			defer close(events)
			defer resp.Body.Close()
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
					events <- name
				}
			}
		}()
		synctest.Wait()
		if got := <-events; got != "hello" {
			t.Fatalf("first event %q, want hello", got)
		}

		time.Sleep(10 * time.Minute)
		s.Publish(testSite(), nil)
		synctest.Wait()
		select {
		case got, ok := <-events:
			if !ok || got != "reload" {
				t.Fatalf("after 10 minutes: event %q (stream open: %v), want reload", got, ok)
			}
		default:
			t.Fatal("after 10 minutes the stream delivered nothing")
		}

		// Shutdown ends the stream (through RegisterOnShutdown) instead of
		// waiting for it.
		if err := hs.Shutdown(context.Background()); err != nil {
			t.Fatalf("Shutdown: %v", err)
		}
		for range events {
		}
		if err := <-served; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
		transport.CloseIdleConnections()
	})
}

func TestHTTPServerLimits(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite(), nil)
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = NewHTTPServer("", s.Handler())
	ts.Start()
	defer ts.Close()

	hs := NewHTTPServer("", nil)
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 || hs.MaxHeaderBytes <= 0 {
		t.Errorf("NewHTTPServer leaves a limit unset: %+v", hs)
	}

	tests := []struct {
		name    string
		request string
		status  int
	}{
		{"normal", "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", 200},
		{"long URL", "GET /" + strings.Repeat("a", 16<<10) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", http.StatusRequestURITooLong},
		{"long query", "GET /?" + strings.Repeat("q=1&", 4<<10) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", http.StatusRequestURITooLong},
		{"absurd URL", "GET /" + strings.Repeat("a", 1<<20) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", http.StatusRequestHeaderFieldsTooLarge},
		{"huge header", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + strings.Repeat("b", 1<<20) + "\r\n\r\n", http.StatusRequestHeaderFieldsTooLarge},
		{"many headers", "GET / HTTP/1.1\r\nHost: localhost\r\n" + strings.Repeat("X-H: 0123456789abcdef\r\n", 8<<10) + "\r\n", http.StatusRequestHeaderFieldsTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", ts.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			// The server may answer and close before reading it all; a
			// failed write is then expected.
			go conn.Write([]byte(tt.request))
			conn.SetReadDeadline(time.Now().Add(waitLimit))
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
}
