package site

import (
	"testing"

	"github.com/rolesite/rolesite/internal/content"
)

func TestOutputPath(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"/roles/dl-engineer/", "roles/dl-engineer/index.html", ""},
		{"roles/old", "roles/old/index.html", ""},
		{"/old/page.html", "old/page.html", ""},
		{"/caf%C3%A9/", "café/index.html", ""},
		{"../../x", "", "may not contain empty, . or .. segments"},
		{"/a/../../x", "", "may not contain empty, . or .. segments"},
		{"%2e%2e/x", "", "may not contain empty, . or .. segments"},
		{"%252e%252e/x", "", "may not contain empty, . or .. segments"},
		{"a//b", "", "may not contain empty, . or .. segments"},
		{`a\..\b`, "", "may not contain control characters or backslashes"},
		{"a%00b", "", "may not contain control characters or backslashes"},
		{"https://evil.example/", "", "must be a path on this site such as /old/name/, not a URL"},
		{"//evil.example/x", "", "must be a path on this site such as /old/name/, not a URL"},
		{"C:/x", "", "must be a path on this site such as /old/name/, not a URL"},
		{"/x?y", "", "must be a path without ? or #"},
		{"/", "", "cannot be the home page"},
		{"  ", "", "empty path"},
		{"%zz", "", "has a malformed %-escape"},
	} {
		got, err := OutputPath(tc.in)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tc.want || msg != tc.err {
			t.Errorf("OutputPath(%q) = %q, %q; want %q, %q", tc.in, got, msg, tc.want, tc.err)
		}
	}
}

func TestParseBase(t *testing.T) {
	for _, tc := range []struct{ in, abs, path string }{
		{"", "", "/"},
		{"https://example.org", "https://example.org/", "/"},
		{"https://example.org/atlas", "https://example.org/atlas/", "/atlas/"},
		{"http://localhost:1313/a/b/", "http://localhost:1313/a/b/", "/a/b/"},
		{"/atlas/", "", "/atlas/"},
		{"atlas", "", "/atlas/"},
		{"/a b/", "", "/a%20b/"},
		{"https://example.org/ätlas/", "https://example.org/%C3%A4tlas/", "/%C3%A4tlas/"},
	} {
		abs, path, err := ParseBase(tc.in)
		if err != nil || abs != tc.abs || path != tc.path {
			t.Errorf("ParseBase(%q) = %q, %q, %v", tc.in, abs, path, err)
		}
	}
	for _, bad := range []string{"ftp://x/", "https://x/a?b", "https://x/#f", "https://u@x/", "https:///x", "https://x/../y/", "mailto:a@b", "example.org/atlas/", "example.org", "https://x/a%2Fb/"} {
		if _, _, err := ParseBase(bad); err == nil {
			t.Errorf("ParseBase(%q) accepted", bad)
		}
	}
}

// A page's permalink, URL and output path are pieces of one string:
// each must read as made alone, under any base path, for the home page,
// a section and a page.
func TestPagePaths(t *testing.T) {
	var inputs []Input
	for _, f := range []string{"content/_index.md", "content/roles/_index.md", "content/roles/data-scientist.md"} {
		p, diags := content.Parse(f, []byte("---\ntitle: T\n---\n"))
		if p == nil {
			t.Fatalf("%s: %v", f, diags)
		}
		inputs = append(inputs, Input{Page: p})
	}
	for _, base := range []string{"", "https://example.org/atlas/"} {
		s, diags := Resolve(inputs, Options{BaseURL: base})
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		for _, p := range append([]*Page{s.Home, s.Sections[0].Index}, s.Pages...) {
			if got, want := s.Permalink(p), s.BasePath+p.URL; got != want {
				t.Errorf("base %q: Permalink %q, want %q", base, got, want)
			}
			if got, want := p.OutPath(), p.URL+"index.html"; got != want {
				t.Errorf("base %q: OutPath %q, want %q", base, got, want)
			}
		}
		if got := s.Permalink(s.Pages[0]); got != s.BasePath+"roles/data-scientist/" {
			t.Errorf("base %q: the page's permalink is %q", base, got)
		}
	}
}
