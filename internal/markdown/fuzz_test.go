package markdown

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzConvert converts arbitrary markdown and fills its .md links the way
// a build does, then checks what a reader's browser would get:
//
//   - Convert and Fill never panic; every heading has a unique, non-empty ID
//     and every link offset lies inside the body;
//   - before Fill, each placeholder href is one of this body's .md links, at
//     most once, and nothing else looks like one;
//   - after Fill, no placeholder is left, and the hrefs are exactly those
//     before Fill with each placeholder replaced by the URL the resolver gave
//     for that link: no .md link points anywhere the resolver did not say;
//   - no href or src, read the way a browser reads it, has a scheme that
//     runs script or opens a document (javascript:, vbscript:, data:
//     other than an image, file:);
//   - nothing in the HTML is what the site's CSP blocks (a style or on…
//     attribute, a <script> or <style> element; see blockedByCSP);
//   - every reference of the HTML to a URL of the site, but placeholders
//     and fragments of the page, is one of the body's Refs, each at an
//     offset inside the body, with raw HTML shown as text and kept alike
//     (see checkRefs);
//   - where raw HTML is kept, a body with no "raw HTML:" Problem leaves
//     no tag, comment or raw-text element open at its end (see unclosed):
//     the page after it is read as the page;
//   - a body of up to 64 kB converts in under a second (a quadratic path in
//     the parser shows up as a failure, with the input saved).
//
// The seeds in testdata/fuzz/FuzzConvert run with every go test.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"Intro [a](../tools/a.md) and [b **bold**](b.md#frag) and [self](#x).\n\n[ref][r]\n\n[r]: other.md\n",
		"# Title\n## Same\n## Same\n## Set {#custom}\n",
		"<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>",
		"[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](<java\tscript:x>) <javascript:alert(1)>",
		"[d](data:text/html,<script>alert(1)</script>) ![i](data:image/png;base64,AAAA) [f](file:///etc/passwd)",
		"[e](javascript&#58;alert(1)) [e2](&#x6A;avascript:alert(1)) [v](vbscript:msgbox)",
		"- [a](a.md)\n  - [b](b.md \"title\")\n> [c](c.md#x)\n\n| [t](t.md) |\n|---|\n| x |\n",
		"[^1]\n\n[^1]: A note with [a link](n.md).\n",
		"![alt [inner](in.md)](pic.png) [![img](p.png)](wrap.md)",
		"![](a.png \"decorative\") ![](b.png) ![x](rolesite-image:0) > [!NOTEE]\n\n> [!TIP]\n> tip\n",
		"<https://example.org/x.md> www.example.org/y.md [abs](/x.md) [ext](https://e.org/x.md)",
		"[p](%2e%2e/%2e%2e/x.md) [q](a%20b.md) [r](<a b.md>) [s](a.md?x=1#y)",
		"| l | c | r |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n",
	} {
		f.Add([]byte(s))
	}
	conv := New(Options{ReservedIDs: []string{"main", "search"}})
	raw := New(Options{ReservedIDs: []string{"main", "search"}, UnsafeHTML: true})
	f.Fuzz(func(t *testing.T, body []byte) {
		res := convertInTime(t, conv, body)
		checkHeadingIDs(t, res)
		checkRefs(t, res, body)
		kept := convertInTime(t, raw, body)
		checkRefs(t, kept, body)
		checkLeftOpen(t, kept)
		for _, im := range res.Images {
			if im.Offset < 0 || im.Offset >= len(body) || body[im.Offset] != '!' && body[im.Offset] != '[' {
				t.Fatalf("image %+v: offset not at its '!'", im)
			}
		}
		for _, p := range res.Problems {
			if p.Offset < 0 || p.Offset >= len(body) {
				t.Fatalf("problem %+v: offset outside the body", p)
			}
		}
		urls := resolveLinks(t, res, body)
		before := attrs(res.HTML, "href")
		checkPlaceholders(t, res, before)
		filled := Fill(res.HTML, urls)
		after := attrs([]byte(filled), "href")
		checkFilled(t, before, after, urls)
		if b := blockedByCSP([]byte(filled)); len(b) > 0 {
			t.Fatalf("the CSP would block %q", b)
		}
		for _, u := range append(after, attrs([]byte(filled), "src")...) {
			if s := scheme(u); dangerous(s, u) {
				t.Fatalf("URL %q has scheme %s", u, s)
			}
		}
	})
}

// convertInTime converts body and fails if a body of up to 64 kB takes over
// a second.
func convertInTime(t *testing.T, conv *Converter, body []byte) Result {
	t.Helper()
	// A call that never returns would stall the fuzzer without a
	// report; crash the worker instead, so the input is saved.
	watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("still running after 10s on %q", body)) })
	start := time.Now()
	res := conv.Convert(body)
	watchdog.Stop()
	if d := time.Since(start); d > time.Second && len(body) <= 64<<10 {
		t.Fatalf("converting %d bytes took %v", len(body), d)
	}
	return res
}

// checkHeadingIDs requires every heading ID to be non-empty, unique and not
// reserved.
func checkHeadingIDs(t *testing.T, res Result) {
	t.Helper()
	seen := map[string]bool{}
	for _, h := range res.Headings {
		if h.ID == "" || seen[h.ID] || h.ID == "main" || h.ID == "search" {
			t.Fatalf("heading ID %q empty, repeated or reserved", h.ID)
		}
		seen[h.ID] = true
	}
}

// resolveLinks requires every link offset to lie inside the body and
// returns the URL a resolver gives each .md link: one that needs escaping.
func resolveLinks(t *testing.T, res Result, body []byte) []string {
	t.Helper()
	urls := make([]string, len(res.Links))
	for i, l := range res.Links {
		if l.Offset < 0 || l.Offset > len(body) {
			t.Fatalf("link %d offset %d outside the body of %d bytes", i, l.Offset, len(body))
		}
		if l.Path != "" {
			urls[i] = fmt.Sprintf(`/resolved/%d/?q="<&'>`, i)
		}
	}
	return urls
}

// checkPlaceholders requires each placeholder href before Fill to be one of
// the body's .md links, at most once, and no other href to look like one.
func checkPlaceholders(t *testing.T, res Result, before []string) {
	t.Helper()
	placed := map[int]bool{}
	for _, h := range before {
		rest, ok := strings.CutPrefix(h, Placeholder)
		if !ok {
			if strings.HasPrefix(strings.ToLower(h), Placeholder) {
				t.Fatalf("href %q looks like a placeholder", h)
			}
			continue
		}
		n, err := strconv.Atoi(rest)
		if err != nil || n < 0 || n >= len(res.Links) || res.Links[n].Path == "" || placed[n] {
			t.Fatalf("href %q is not one of this body's .md links (%d links), or comes twice", h, len(res.Links))
		}
		placed[n] = true
	}
}

// checkFilled requires the hrefs after Fill to be those before it with each
// placeholder replaced by its resolved URL.
func checkFilled(t *testing.T, before, after, urls []string) {
	t.Helper()
	if len(after) != len(before) {
		t.Fatalf("%d hrefs before Fill, %d after", len(before), len(after))
	}
	for i, h := range after {
		want := before[i]
		if rest, ok := strings.CutPrefix(want, Placeholder); ok {
			n, _ := strconv.Atoi(rest)
			want = urls[n]
		}
		if h != want {
			t.Fatalf("href %d is %q after Fill, want %q", i, h, want)
		}
	}
}

var attrRE = map[string]*regexp.Regexp{
	"href": regexp.MustCompile(`\shref="([^"]*)"`),
	"src":  regexp.MustCompile(`\ssrc="([^"]*)"`),
}

// attrs returns the values of every name="..." attribute in h, unescaped.
// Goldmark writes attributes with double quotes and escapes quotes inside
// them, and with raw HTML off no other text can hold name=".
func attrs(h []byte, name string) []string {
	var out []string
	for _, m := range attrRE[name].FindAllSubmatch(h, -1) {
		out = append(out, html.UnescapeString(string(m[1])))
	}
	return out
}

// scheme returns the lower-cased scheme of u as a browser parses it (WHATWG
// URL): leading and trailing C0 controls and spaces dropped, tabs and
// newlines removed anywhere; "" for a relative URL.
func scheme(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	i := strings.IndexByte(u, ':')
	if i <= 0 {
		return ""
	}
	s := strings.ToLower(u[:i])
	for j, c := range s {
		if !(c >= 'a' && c <= 'z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return ""
		}
	}
	return s
}

// dangerous reports whether a URL with scheme s may run script or open a
// local or inline document when followed.
func dangerous(s, u string) bool {
	switch s {
	case "javascript", "vbscript", "file":
		return true
	case "data":
		l := strings.ToLower(strings.TrimSpace(u))
		for _, ok := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
			if strings.HasPrefix(l, ok) {
				return false
			}
		}
		return true
	}
	return false
}

// checkLeftOpen requires HTML converted with raw HTML kept to end with
// nothing left open, unless the conversion said so in a Problem.
func checkLeftOpen(t *testing.T, res Result) {
	t.Helper()
	for _, p := range res.Problems {
		if strings.HasPrefix(p.Message, "raw HTML: ") {
			return
		}
	}
	if at, msg := unclosed(res.HTML); msg != "" {
		t.Fatalf("no problem, yet the HTML leaves something open at %d (%s): %q", at, msg, res.HTML)
	}
}
