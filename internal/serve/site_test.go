package serve

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func testSite() fstest.MapFS {
	return mapFS(
		"index.html", "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>",
		"roles/index.html", "<html><body>Roles</body></html>",
		"roles/data-scientist/index.html", "<html><body>Data scientist</body></html>",
		"404.html", "<html><body>Custom not found</body></html>",
		"css/site.css", "body{color:red}",
		"js/search.js", "console.log(1)",
		"graph.json", "{}",
		"sitemap.xml", "<urlset/>",
		"lifecycle.svg", "<svg/>",
		"robots.txt", "User-agent: *",
		"fonts/inter.woff2", "wOF2",
		"img/logo.png", "\x89PNG",
		"favicon.ico", "ico",
		"assets/readme", "no extension",
		"noindex/file.txt", "a folder without index.html",
	)
}

func TestServeSite(t *testing.T) {
	tests := []struct {
		target   string
		status   int
		ctype    string
		contains string // in the body
		location string
	}{
		{"/", 200, "text/html; charset=utf-8", "<h1>Home</h1>", ""},
		{"/index.html", 200, "text/html; charset=utf-8", "<h1>Home</h1>", ""},
		{"/roles/", 200, "text/html; charset=utf-8", "Roles", ""},
		{"/roles", 302, "", "", "/roles/"},
		{"/roles?q=1", 302, "", "", "/roles/?q=1"},
		{"/roles/data-scientist/", 200, "text/html; charset=utf-8", "Data scientist", ""},
		{"/roles/data-scientist", 302, "", "", "/roles/data-scientist/"},
		{"/css/site.css", 200, "text/css; charset=utf-8", "color:red", ""},
		{"/js/search.js", 200, "text/javascript; charset=utf-8", "console.log", ""},
		{"/graph.json", 200, "application/json", "{}", ""},
		{"/sitemap.xml", 200, "application/xml; charset=utf-8", "urlset", ""},
		{"/lifecycle.svg", 200, "image/svg+xml", "<svg/>", ""},
		{"/robots.txt", 200, "text/plain; charset=utf-8", "User-agent", ""},
		{"/fonts/inter.woff2", 200, "font/woff2", "wOF2", ""},
		{"/img/logo.png", 200, "image/png", "PNG", ""},
		{"/favicon.ico", 200, "image/x-icon", "ico", ""},
		{"/assets/readme", 200, "application/octet-stream", "no extension", ""},
		// Missing files get the site's 404 page; folders are never listed.
		{"/missing", 404, "text/html; charset=utf-8", "Custom not found", ""},
		{"/missing/", 404, "text/html; charset=utf-8", "Custom not found", ""},
		{"/noindex/", 404, "text/html; charset=utf-8", "Custom not found", ""},
		{"/noindex", 404, "text/html; charset=utf-8", "Custom not found", ""},
		{"/css/", 404, "text/html; charset=utf-8", "Custom not found", ""},
		{"/css/site.css/", 404, "text/html; charset=utf-8", "Custom not found", ""},
		// The server's own paths.
		{"/__rolesite/live.js", 200, "text/javascript; charset=utf-8", "EventSource", ""},
		{"/__rolesite/overlay.css", 200, "text/css; charset=utf-8", ".rolesite-overlay", ""},
		{"/__rolesite/other", 404, "text/plain; charset=utf-8", "not found", ""},
	}
	s := New(Options{})
	s.Publish(testSite(), nil)
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			resp := get(t, s.Handler(), "GET", tt.target)
			b := body(t, resp)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body %q", resp.StatusCode, tt.status, b)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if !strings.Contains(b, tt.contains) {
				t.Errorf("body %q does not contain %q", b, tt.contains)
			}
			if got := resp.Header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if cl := resp.Header.Get("Content-Length"); resp.StatusCode != 302 && !strings.HasPrefix(tt.ctype, "text/plain") && cl != strconv.Itoa(len(b)) {
				t.Errorf("Content-Length %s, body has %d bytes", cl, len(b))
			}
		})
	}
}

func TestServeWithoutCustom404(t *testing.T) {
	s := New(Options{})
	s.Publish(mapFS("index.html", "<p>home"), nil)
	resp := get(t, s.Handler(), "GET", "/missing")
	if b := body(t, resp); resp.StatusCode != 404 || !strings.Contains(b, "not found") {
		t.Fatalf("got %d %q, want a plain 404", resp.StatusCode, b)
	}
}

func TestServeUnderBasePath(t *testing.T) {
	for _, base := range []string{"/atlas/", "/atlas", "atlas", "https://example.github.io/atlas/"} {
		t.Run(base, func(t *testing.T) {
			s := New(Options{BasePath: base})
			s.Publish(testSite(), nil)
			tests := []struct {
				target, location string
				status           int
			}{
				{"/", "/atlas/", 302},
				{"/?x=1", "/atlas/?x=1", 302},
				{"/atlas", "/atlas/", 302},
				{"/atlas/", "", 200},
				{"/atlas/roles", "/atlas/roles/", 302},
				{"/atlas/roles/", "", 200},
				{"/roles/", "", 404},
				{"/atlasx/", "", 404},
				{"/__rolesite/live.js", "", 404},
				{"/atlas/__rolesite/live.js", "", 200},
			}
			for _, tt := range tests {
				resp := get(t, s.Handler(), "GET", tt.target)
				b := body(t, resp)
				if resp.StatusCode != tt.status || resp.Header.Get("Location") != tt.location {
					t.Errorf("GET %s: %d Location %q, want %d %q", tt.target, resp.StatusCode, resp.Header.Get("Location"), tt.status, tt.location)
				}
				if tt.status == 200 && strings.Contains(b, "<html") && !strings.Contains(b, `src="/atlas/__rolesite/live.js"`) {
					t.Errorf("GET %s: page does not load live.js from under the base: %q", tt.target, b)
				}
			}
		})
	}
}

func TestEveryResponseIsUncacheable(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite(), nil)
	for _, target := range []string{"/", "/roles", "/css/site.css", "/missing", "/__rolesite/live.js", "/%2e%2e/x"} {
		// Validators a browser sends for a cached copy must not produce a 304.
		resp := get(t, s.Handler(), "GET", target,
			"If-Modified-Since", "Mon, 02 Jan 2040 15:04:05 GMT",
			"If-None-Match", `"x", *`)
		b := body(t, resp)
		if resp.StatusCode == http.StatusNotModified {
			t.Errorf("GET %s: 304", target)
		}
		h := resp.Header
		if h.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: Cache-Control %q", target, h.Get("Cache-Control"))
		}
		if h.Get("ETag") != "" || h.Get("Last-Modified") != "" {
			t.Errorf("GET %s: validators ETag %q Last-Modified %q", target, h.Get("ETag"), h.Get("Last-Modified"))
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", target)
		}
		if h.Get("Content-Security-Policy") != ContentSecurityPolicy {
			t.Errorf("GET %s: CSP %q", target, h.Get("Content-Security-Policy"))
		}
		if resp.StatusCode == 200 && b == "" {
			t.Errorf("GET %s: empty body", target)
		}
	}
}

func TestMethods(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite(), nil)
	resp := get(t, s.Handler(), "HEAD", "/css/site.css")
	if b := body(t, resp); resp.StatusCode != 200 || resp.Header.Get("Content-Length") != "15" {
		t.Errorf("HEAD: %d, Content-Length %q, body %q", resp.StatusCode, resp.Header.Get("Content-Length"), b)
	}
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
		resp := get(t, s.Handler(), m, "/")
		body(t, resp)
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d, Allow %q", m, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

func TestBuildingPageBeforeFirstPublish(t *testing.T) {
	s := New(Options{BasePath: "/atlas/"})
	resp := get(t, s.Handler(), "GET", "/atlas/roles/")
	b := body(t, resp)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(b, "Building") {
		t.Fatalf("got %d %q", resp.StatusCode, b)
	}
	if strings.Count(b, "/atlas/__rolesite/live.js") != 1 || !strings.Contains(b, `href="/atlas/__rolesite/overlay.css"`) {
		t.Errorf("the building page must load live.js once and overlay.css: %q", b)
	}
}

func TestSymlinksAreNotFollowed(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	siteDir := filepath.Join(dir, "site")
	for _, err := range []error{
		os.WriteFile(secret, []byte("TOP SECRET"), 0o644),
		os.MkdirAll(filepath.Join(siteDir, "static"), 0o755),
		os.WriteFile(filepath.Join(siteDir, "index.html"), []byte("<p>home"), 0o644),
		os.Symlink(secret, filepath.Join(siteDir, "static", "leak.txt")),
		os.Symlink(dir, filepath.Join(siteDir, "up")),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	s := New(Options{})
	s.Publish(os.DirFS(siteDir), nil)
	for _, target := range []string{"/static/leak.txt", "/up/secret.txt", "/up/site/index.html"} {
		resp := get(t, s.Handler(), "GET", target)
		if b := body(t, resp); resp.StatusCode != 404 || strings.Contains(b, "TOP SECRET") {
			t.Errorf("GET %s through a symlink: %d %q", target, resp.StatusCode, b)
		}
	}
	if resp := get(t, s.Handler(), "GET", "/"); resp.StatusCode != 200 {
		t.Errorf("GET / from os.DirFS: %d", resp.StatusCode)
	}
}

func TestEventsAreGetOnly(t *testing.T) {
	s := New(Options{})
	resp := get(t, s.Handler(), "HEAD", "/__rolesite/events")
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("HEAD events: %d, want 405", resp.StatusCode)
	}
	if n := s.live.count(); n != 0 {
		t.Errorf("%d streams open after a HEAD", n)
	}
}

func TestFingerprintedAssetsAreCached(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	s.Publish(mapFS("index.html", "<p>x</p>", "css/site.3f2a9c1d0b7e.css", "p{}", "css/site.css", "p{}", "js/a.0123456789ab.js", "", "css/x.3f2a9c1d0b7g.css", ""), nil)
	for target, want := range map[string]string{
		"/css/site.3f2a9c1d0b7e.css": "public, max-age=31536000, immutable",
		"/js/a.0123456789ab.js":      "public, max-age=31536000, immutable",
		"/css/site.css":              "no-store",
		"/css/x.3f2a9c1d0b7g.css":    "no-store", // not a hex hash
		"/":                          "no-store",
	} {
		resp := get(t, s.Handler(), "GET", target)
		body(t, resp)
		if got := resp.Header.Get("Cache-Control"); got != want {
			t.Errorf("GET %s: Cache-Control %q, want %q", target, got, want)
		}
	}
}

// TestServeUnderEscapedBasePath: a base path that must be escaped (as
// site.ParseBase gives it) serves the requests a browser makes for it.
func TestServeUnderEscapedBasePath(t *testing.T) {
	for _, base := range []string{"/a%20b/", "https://example.org/%C3%A4tlas/"} {
		s := New(Options{BasePath: base})
		s.Publish(testSite(), nil)
		u, _ := url.Parse(base)
		for target, status := range map[string]int{u.EscapedPath(): 200, u.EscapedPath() + "roles/": 200, "/roles/": 404} {
			if resp := get(t, s.Handler(), "GET", target); resp.StatusCode != status {
				t.Errorf("base %s: GET %s: %d, want %d", base, target, resp.StatusCode, status)
			}
		}
	}
}
