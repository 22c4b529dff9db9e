package publish

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestFingerprint(t *testing.T) {
	a := Fingerprint("css/site.css", []byte("a"))
	b := Fingerprint("css/site.css", []byte("b"))
	if a == b || !strings.HasPrefix(a, "css/site.") || !strings.HasSuffix(a, ".css") || len(a) != len("css/site..css")+12 {
		t.Errorf("fingerprints %q %q", a, b)
	}
	if Fingerprint("css/site.css", []byte("a")) != a {
		t.Error("not deterministic")
	}
}

func TestCompressionRoundTripsAndIsDeterministic(t *testing.T) {
	data := []byte(strings.Repeat("<p>rolesite</p>\n", 500))
	if !bytes.Equal(Gzip(data), Gzip(data)) || !bytes.Equal(Brotli(data), Brotli(data)) {
		t.Fatal("compression is not deterministic")
	}
	zr, err := gzip.NewReader(bytes.NewReader(Gzip(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(zr); !bytes.Equal(got, data) {
		t.Error("gzip does not round-trip")
	}
	if zr.Header.Name != "" || !zr.Header.ModTime.IsZero() {
		t.Error("gzip header carries a name or time")
	}
	if got, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(Brotli(data)))); !bytes.Equal(got, data) {
		t.Error("brotli does not round-trip")
	}
}

func TestMinify(t *testing.T) {
	m := NewMinifier()
	got, err := m.Minify("a.html", []byte("<!doctype html>\n<html lang=\"en\">\n  <body>\n    <p class=\"x\">  Hi  </p>\n  </body>\n</html>\n"))
	if err != nil || string(got) != `<!doctype html><html lang="en"><body><p class="x">Hi</p></body></html>` {
		t.Errorf("html: %q %v", got, err)
	}
	if got, _ := m.Minify("a.css", []byte("p { color: #ff0000; }")); string(got) != "p{color:red}" {
		t.Errorf("css: %q", got)
	}
	if got, _ := m.Minify("a.png", []byte("  binary  ")); string(got) != "  binary  " {
		t.Errorf("png changed: %q", got)
	}
}

func TestRedirectsEscapePaths(t *testing.T) {
	got := string(Redirects([]Redirect{{From: "/a /b/ 302", To: "/roles/x/"}, {From: "/café/", To: "/roles/y/"}}))
	want := "# Written by rolesite: old addresses (aliases) and where they moved.\n/a%20/b/%20302 /roles/x/ 301\n/caf%C3%A9/ /roles/y/ 301\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestMinifyTemplate(t *testing.T) {
	m := NewMinifier()
	for _, c := range []struct{ in, want string }{
		// Markup between actions is minified; the actions stay as written.
		{"<ul>\n  {{range .X}}\n  <li class=\"a\">  {{.}}  </li>\n{{end}}\n</ul>\n", "<ul>{{range .X}}<li class=\"a\">{{.}}</li>{{end}}</ul>"},
		// Whitespace beside a block tag goes, whatever the action writes.
		{"<head>{{range .CSS}}\n<link rel=\"stylesheet\" href=\"{{.}}\">{{end}}\n</head>", "<head>{{range .CSS}}<link rel=\"stylesheet\" href=\"{{.}}\">{{end}}</head>"},
		// Beside inline markup it may matter: it stays.
		{"<p><b>{{.A}}</b> {{.B}} <i>x</i></p>", "<p><b>{{.A}}</b> {{.B}} <i>x</i></p>"},
		// So does every space of preformatted text.
		{"<pre>  {{.Code}}\n  </pre>", "<pre>  {{.Code}}\n  </pre>"},
		{"<div>{{if .A}} <pre> {{.A}} </pre> {{end}}</div>", "<div>{{if .A}}<pre> {{.A}} </pre>{{end}}</div>"},
	} {
		got, err := m.MinifyTemplate("t.html", []byte(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want {
			t.Errorf("MinifyTemplate(%q)\n = %q\nwant %q", c.in, got, c.want)
		}
	}
}
