package serve

import (
	"strings"
	"testing"
)

func TestInsertTag(t *testing.T) {
	const tag = "<T>"
	tests := []struct{ page, want string }{
		{"<html><body><p>x</p></body></html>", "<html><body><p>x</p><T></body></html>"},
		{"<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x<T></BODY></HTML>"},
		{"<body><pre>&lt;/body&gt; </body> in text</pre></body>", "<body><pre>&lt;/body&gt; </body> in text</pre><T></body>"},
		{"<head><title>x</title></head><p>no body end", "<head><title>x</title><T></head><p>no body end"},
		{"<p>a fragment", "<p>a fragment<T>"},
		{"", "<T>"},
	}
	for _, tt := range tests {
		if got := string(insertTag([]byte(tt.page), []byte(tag))); got != tt.want {
			t.Errorf("insertTag(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

func TestInjectedIntoHTMLOnlyAndOnce(t *testing.T) {
	site := testSite()
	original := map[string]string{}
	for name, f := range site {
		original[name] = string(f.Data)
	}
	s := New(Options{})
	s.Publish(site, nil)
	for _, target := range []string{"/", "/index.html", "/roles/", "/roles/data-scientist/", "/missing"} {
		resp := get(t, s.Handler(), "GET", target)
		b := body(t, resp)
		if n := len(tagPattern.FindAllString(b, -1)); n != 1 {
			t.Errorf("GET %s: %d script tags, want 1: %q", target, n, b)
		}
		if i, j := strings.Index(b, "live.js"), strings.LastIndex(b, "</body>"); i < 0 || i > j {
			t.Errorf("GET %s: script not before </body>: %q", target, b)
		}
	}
	for _, target := range []string{"/css/site.css", "/js/search.js", "/graph.json", "/sitemap.xml", "/lifecycle.svg", "/robots.txt"} {
		resp := get(t, s.Handler(), "GET", target)
		if b := body(t, resp); strings.Contains(b, "live.js") {
			t.Errorf("GET %s: script injected into a non-HTML response: %q", target, b)
		}
	}
	// The published files themselves are never changed.
	for name, f := range site {
		if string(f.Data) != original[name] {
			t.Errorf("%s was modified in the published site", name)
		}
	}
}

func TestInjectedTokenNamesTheServedSite(t *testing.T) {
	s := New(Options{})
	s.Publish(testSite(), nil)
	first := tagPattern.FindString(body(t, get(t, s.Handler(), "GET", "/")))
	s.Publish(testSite(), nil)
	second := tagPattern.FindString(body(t, get(t, s.Handler(), "GET", "/")))
	if first == "" || first == second {
		t.Errorf("tags %q and %q: each Publish must give pages a new token", first, second)
	}
	if !strings.Contains(second, `data-token="`+s.live.current().token+`"`) {
		t.Errorf("tag %q does not carry the current token %q", second, s.live.current().token)
	}
}
