package serve

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// traversalSite publishes an os.DirFS site whose parent folder holds a
// secret, so that any escape from the site would show.
func traversalSite(t *testing.T) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	siteDir := filepath.Join(dir, "site")
	for _, err := range []error{
		os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("TOP SECRET"), 0o644),
		os.MkdirAll(filepath.Join(siteDir, "a", "b"), 0o755),
		os.WriteFile(filepath.Join(siteDir, "index.html"), []byte("<p>home"), 0o644),
		os.WriteFile(filepath.Join(siteDir, "a", "b", "index.html"), []byte("<p>b"), 0o644),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	s := New(Options{})
	s.Publish(os.DirFS(siteDir), nil)
	return s, filepath.Join(dir, "secret.txt")
}

func traversalTargets(secretPath string) []string {
	return []string{
		"/../secret.txt",
		"/a/../../secret.txt",
		"/a/b/../../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/.%2e/secret.txt",
		"/%2e./secret.txt",
		"/..%2fsecret.txt",
		"/..%2Fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/a%2f..%2f..%2fsecret.txt",
		"/..%5csecret.txt",
		"/..%5Csecret.txt",
		`/..\secret.txt`,
		`/a\..\..\secret.txt`,
		"/%252e%252e/secret.txt",
		"/..%00/secret.txt",
		"/index.html%00.txt",
		"/%00",
		"//secret.txt",
		"/" + secretPath,
		"/" + filepath.ToSlash(secretPath),
		"/./index.html",
		"/a/./b/",
		"/a//b/",
		"/a/b/..",
		"/a/b/../",
	}
}

func TestTraversalIsRejected(t *testing.T) {
	s, secret := traversalSite(t)
	for _, target := range traversalTargets(secret) {
		resp := get(t, s.Handler(), "GET", target)
		b := body(t, resp)
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 400 or 404 (body %q)", target, resp.StatusCode, b)
		}
		if strings.Contains(b, "TOP SECRET") {
			t.Errorf("GET %s: leaked the secret", target)
		}
	}
}

// TestTraversalOverTheWire sends the request lines byte for byte, so that
// no client library cleans them first.
func TestTraversalOverTheWire(t *testing.T) {
	s, secret := traversalSite(t)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for _, target := range traversalTargets(secret) {
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		_, err = conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET %s: %v", target, err)
		}
		b := body(t, resp)
		conn.Close()
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 400 or 404", target, resp.StatusCode)
		}
		if strings.Contains(b, "TOP SECRET") {
			t.Errorf("GET %s: leaked the secret", target)
		}
	}
}

func TestSiteName(t *testing.T) {
	tests := []struct {
		rest string
		name string
		dir  bool
		ok   bool
	}{
		{"", ".", true, true},
		{"a", "a", false, true},
		{"a/", "a", true, true},
		{"a/b.css", "a/b.css", false, true},
		{"a b/c", "a b/c", false, true},
		{"..", "", false, false},
		{"../", "", false, false},
		{"a/..", "", false, false},
		{".", "", false, false},
		{"./", "", false, false},
		{"/a", "", false, false},
		{"a//b", "", false, false},
		{"a\\b", "", false, false},
		{"a\x00", "", false, false},
	}
	for _, tt := range tests {
		name, dir, ok := siteName(tt.rest)
		if name != tt.name || dir != tt.dir || ok != tt.ok {
			t.Errorf("siteName(%q) = %q, %v, %v; want %q, %v, %v", tt.rest, name, dir, ok, tt.name, tt.dir, tt.ok)
		}
	}
}
