package site

import (
	"io/fs"
	"net/url"
	"path"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzOutputPath feeds arbitrary alias paths to OutputPath. Whatever it
// accepts must name an HTML file inside the output folder: a valid io/fs
// path (relative, UTF-8, no "." or ".." or empty segments), no backslash or
// control character, and no segment that a server or file system would read
// as ".." after one more round of %-decoding.
func FuzzOutputPath(f *testing.F) {
	for _, s := range []string{
		"/roles/dl-engineer/", "roles/old", "/old/page.html", "/caf%C3%A9/", "../../x", "/a/../../x",
		"%2e%2e/x", "%252e%252e/x", "%25252e%25252e/x", ".%2e/x", "a//b", `a\..\b`, "a%5c..%5cb", "a%00b",
		"https://evil.example/", "//evil.example/x", "C:/x", "/x?y", "/", "  ", "%zz", "/./x", "/x/.",
		"/\u202e/", "/a/b/index.html", "/%2F/", "/a%2fb/", "\t/x/\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, err := OutputPath(in)
		if err != nil {
			if out != "" {
				t.Fatalf("OutputPath(%q) = %q with error %v", in, out, err)
			}
			return
		}
		if !fs.ValidPath(out) || out == "." || strings.HasPrefix(out, "/") {
			t.Fatalf("OutputPath(%q) = %q: not a valid relative path", in, out)
		}
		if strings.ContainsAny(out, `\`) || strings.ContainsFunc(out, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Fatalf("OutputPath(%q) = %q: holds a backslash or a control character", in, out)
		}
		if path.Base(out) != "index.html" && path.Ext(out) != ".html" {
			t.Fatalf("OutputPath(%q) = %q: not an HTML file", in, out)
		}
		for _, seg := range strings.Split(out, "/") {
			if d, err := url.PathUnescape(seg); err == nil && (d == "." || d == ".." || strings.ContainsAny(d, `/\`)) {
				t.Fatalf("OutputPath(%q) = %q: segment %q decodes to %q", in, out, seg, d)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("OutputPath(%q) = %q: invalid UTF-8", in, out)
		}
	})
}

// FuzzParseBase feeds arbitrary base URLs to ParseBase. What it accepts
// must be usable as the prefix of every URL on the site: a path starting
// and ending with "/", without "." or ".." or empty segments (in any
// encoding), query or fragment, and, for an
// absolute base, an http(s) URL ending with that same path.
func FuzzParseBase(f *testing.F) {
	for _, s := range []string{
		"", "https://example.org", "https://example.org/atlas", "http://localhost:1313/a/b/", "/atlas/", "atlas",
		"ftp://x/", "https://x/a?b", "https://x/#f", "https://u@x/", "https:///x", "https://x/../y/", "mailto:a@b",
		"https://x/%2e%2e/", "javascript:alert(1)//", "//evil.example/", "https://x/a b/", "https://x/\"><script>/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		abs, p, err := ParseBase(in)
		if err != nil {
			if abs != "" || p != "/" {
				t.Fatalf("ParseBase(%q) = %q, %q with error %v", in, abs, p, err)
			}
			return
		}
		if !strings.HasPrefix(p, "/") || !strings.HasSuffix(p, "/") || strings.ContainsAny(p, "?#\\\"<> \t\n") {
			t.Fatalf("ParseBase(%q) path = %q", in, p)
		}
		for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("ParseBase(%q) path %q has segment %q", in, p, seg)
			}
		}
		// A browser reads %2e%2e as "..", and an empty segment would make
		// every link "//roles/x/", a URL of another host.
		for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
			if d, err := url.PathUnescape(seg); err == nil && (d == "." || d == "..") {
				t.Fatalf("ParseBase(%q) keeps %q, which a browser reads as %q", in, seg, d)
			}
		}
		if strings.Contains(p, "//") {
			t.Fatalf("ParseBase(%q) gives the path %q, with an empty segment", in, p)
		}
		if abs != "" {
			u, err := url.Parse(abs)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !strings.HasSuffix(abs, p) || u.User != nil {
				t.Fatalf("ParseBase(%q) = %q, %q: not an http(s) URL ending in its path", in, abs, p)
			}
		}
	})
}

// FuzzCheckName feeds arbitrary file and folder names to checkName. A name
// it accepts becomes one segment of a URL and of an output path, so it must
// be a single valid path element that is neither "." nor "..", with no
// separator, and must stay the same under %-decoding.
func FuzzCheckName(f *testing.F) {
	for _, s := range []string{"data-scientist", "ml_ops", "v1.2", "", ".", "..", ".hidden", "-x", "a/b", `a\b`, "a b", "%2e%2e", "é", "ǅ", "a\x00b", "a:b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if checkName(name, ".md") != "" {
			return
		}
		if !fs.ValidPath(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\%?#:`) || !utf8.ValidString(name) {
			t.Fatalf("checkName accepted %q", name)
		}
		if d, err := url.PathUnescape(name); err != nil || d != name {
			t.Fatalf("checkName accepted %q, which %%-decodes to %q", name, d)
		}
	})
}
