package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a server writing while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// devServer runs "rolesite serve" on src until the test ends and returns
// its URL and its standard error.
func devServer(t testing.TB, src string, extra ...string) (string, *syncBuffer) {
	t.Helper()
	url, _, stderr := serveLogged(t, src, extra...)
	return url, stderr
}

// serveLogged is devServer that also returns the server's standard output,
// where it reports each rebuild.
func serveLogged(t testing.TB, src string, extra ...string) (url string, stdout, stderr *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr = new(syncBuffer), new(syncBuffer)
	done := make(chan int, 1)
	args := append([]string{"serve", "--src", src, "--port", "0"}, extra...)
	go func() { done <- Main(ctx, args, strings.NewReader(""), stdout, stderr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s of its context ending")
		}
	})
	re := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/\S*)`)
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(stdout.String()); m != nil {
			return m[1], stdout, stderr
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start: %s %s", stdout.String(), stderr.String())
	return "", nil, nil
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	// Long enough for a rebuild under -race on a busy machine: CI once
	// took more than 10 s to report three links added at once.
	if !within(30*time.Second, cond) {
		t.Fatalf("timed out waiting for %s", what)
	}
}

// within polls cond until it holds, and reports whether it did before d
// passed.
func within(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// TestServeRebuildsAndKeepsLastGoodSite edits, breaks and fixes a page
// through the real watcher and server.
func TestServeRebuildsAndKeepsLastGoodSite(t *testing.T) {
	src := writeSite(t, goodSite)
	url, stderr := devServer(t, src)
	page := url + "roles/analyst/"
	if code, body := get(t, page); code != 200 || !strings.Contains(body, "Analyst") || !strings.Contains(body, "__rolesite/live.js") {
		t.Fatalf("first page: %d %s", code, body)
	}
	file := filepath.Join(src, "content", "roles", "analyst.md")
	edit := strings.Replace(goodSite["content/roles/analyst.md"], "Uses [SQL]", "Now edited. Uses [SQL]", 1)
	if err := os.WriteFile(file, []byte(edit), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the edit to be served", func() bool { _, b := get(t, page); return strings.Contains(b, "Now edited.") })

	// A broken page: the last good site stays, the problem is printed once.
	if err := os.WriteFile(file, []byte("---\ntitle: [unclosed\n---\nBroken.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const problem = "YAML front matter does not parse"
	eventually(t, "the problem to be printed", func() bool { return strings.Contains(stderr.String(), problem) })
	if _, b := get(t, page); !strings.Contains(b, "Now edited.") || strings.Contains(b, "Broken.") {
		t.Errorf("the last good page is not served while the site is broken")
	}
	if n := strings.Count(stderr.String(), problem); n != 1 {
		t.Errorf("the problem was printed %d times", n)
	}
	// Fixed again: served.
	if err := os.WriteFile(file, []byte(strings.Replace(edit, "Now edited.", "Fixed.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the fix to be served", func() bool { _, b := get(t, page); return strings.Contains(b, "Fixed.") })
	// A new section folder is watched and served.
	if err := os.MkdirAll(filepath.Join(src, "content", "stages"), 0o755); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(filepath.Join(src, "content", "stages", "ingest.md"), []byte("---\ntitle: Ingest\n---\nIn.\n"), 0o644)
	eventually(t, "the new section to be served", func() bool { c, _ := get(t, url+"stages/ingest/"); return c == 200 })
}

func TestServeRefusesOtherAddresses(t *testing.T) {
	src := writeSite(t, goodSite)
	code, _, stderr := run(t, "serve", "--src", src, "--bind", "0.0.0.0", "--port", "0")
	if code != ExitUsage || !strings.Contains(stderr, "--expose") {
		t.Errorf("code %d, %s", code, stderr)
	}
}

func TestServeMovesOffATakenPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	src := writeSite(t, goodSite)
	url, stderr := devServer(t, src, "--port", fmt.Sprint(port))
	if strings.Contains(url, fmt.Sprintf(":%d/", port)) {
		t.Fatalf("served on the taken port: %s", url)
	}
	if !strings.Contains(stderr.String(), fmt.Sprintf("port %d is in use; using port", port)) {
		t.Errorf("no word about the taken port: %s", stderr.String())
	}
}
