package e2e

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The crawler needs three things of a page: its ids, the URLs it refers
// to, and anything a strict CSP would block. golang.org/x/net/html's
// tokenizer reads the page (the Nu Html Checker proves it well-formed);
// what the tokenizer would read past, a tag, comment or raw text cut off by
// the end of the page, is an error.

// An htmlPage is what the tokenizer finds in an HTML document.
type htmlPage struct {
	ids    map[string]bool
	refs   []ref
	inline []string // what script-src 'self'; style-src 'self' would block
}

// A ref is one URL in an attribute.
type ref struct {
	tag, attr, url string
	line           int
}

func (r ref) String() string { return fmt.Sprintf("line %d: %s", r.line, r.tagAttr()) }

// tagAttr describes the reference without its line, the same on every page
// a template writes it to.
func (r ref) tagAttr() string { return fmt.Sprintf("<%s %s=%q>", r.tag, r.attr, r.url) }

// urlAttrs are the attributes that hold one URL.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "xlink:href": true, "poster": true, "data": true, "formaction": true, "cite": true}

// parseHTML tokenizes src.
func parseHTML(src string) (*htmlPage, error) {
	p := &htmlPage{ids: map[string]bool{}}
	z := html.NewTokenizer(strings.NewReader(src))
	line := 1
	open := "" // the raw text element whose end tag must come
	for {
		tt := z.Next()
		raw := string(z.Raw())
		switch tt {
		case html.ErrorToken:
			switch {
			case z.Err() != io.EOF:
				return nil, z.Err()
			case raw != "":
				return nil, fmt.Errorf("line %d: %q is not closed", line, raw)
			case open != "":
				return nil, fmt.Errorf("<%s> is not closed", open)
			}
			return p, nil
		case html.CommentToken, html.DoctypeToken:
			if !strings.HasSuffix(raw, ">") {
				return nil, fmt.Errorf("line %d: unterminated markup", line)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, attrs := tag(z)
			p.element(name, attrs, line)
			switch name {
			case "script", "style", "title", "textarea":
				open = name
				if name == "script" && !slices.ContainsFunc(attrs, func(a [2]string) bool { return a[0] == "src" }) {
					p.inline = append(p.inline, fmt.Sprintf("line %d: inline <script>", line))
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == open {
				open = ""
			}
		}
		line += strings.Count(raw, "\n")
	}
}

// tag returns the name and attributes (names lower-cased, values
// unescaped) of the start tag z has just read.
func tag(z *html.Tokenizer) (string, [][2]string) {
	name, more := z.TagName()
	var attrs [][2]string
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		attrs = append(attrs, [2]string{string(k), string(v)})
	}
	return string(name), attrs
}

// element records an element's ids, URLs and inline code.
func (p *htmlPage) element(name string, attrs [][2]string, line int) {
	if name == "style" {
		p.inline = append(p.inline, fmt.Sprintf("line %d: <style> element", line))
	}
	for _, a := range attrs {
		k, v := a[0], a[1]
		switch {
		case k == "id" || (k == "name" && name == "a"):
			p.ids[v] = true
		case urlAttrs[k]:
			p.refs = append(p.refs, ref{tag: name, attr: k, url: strings.TrimSpace(v), line: line})
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "javascript:") {
				p.inline = append(p.inline, fmt.Sprintf("line %d: javascript: URL", line))
			}
		case k == "srcset":
			for c := range strings.SplitSeq(v, ",") {
				if f := strings.Fields(c); len(f) > 0 {
					p.refs = append(p.refs, ref{tag: name, attr: k, url: f[0], line: line})
				}
			}
		case k == "content" && name == "meta" && slices.Contains(attrs, [2]string{"http-equiv", "refresh"}):
			if _, u, ok := strings.Cut(v, "url="); ok {
				p.refs = append(p.refs, ref{tag: name, attr: "http-equiv=refresh", url: strings.TrimSpace(u), line: line})
			}
		case k == "style":
			p.inline = append(p.inline, fmt.Sprintf("line %d: style attribute on <%s>", line, name))
		case strings.HasPrefix(k, "on"):
			p.inline = append(p.inline, fmt.Sprintf("line %d: event handler %s on <%s>", line, k, name))
		}
	}
}

// The tokenizer is a test tool; its own test makes sure it sees what the
// crawler relies on, and nothing inside comments or raw text.
func TestParseHTML(t *testing.T) {
	src := `<!DOCTYPE html>
<!-- <a href="/in-comment/" id="no"> -->
<html lang=en><head><title>a <b href="/in-title/"></title>
<script src="/js/a.js" defer></script>
<script>var s = "<a href='/in-script/'>";</script>
<style>a[href="/in-style/"] { color: red }</style>
</head><BODY>
<A HREF='/one/?a=1&amp;b=2#frag' ID=top>one</A>
<p id="x" data-x="1 > 0">text < more</p>
<svg><a xlink:href="#x"><text id="svg-id">s</text></a><use href="#svg-id"/></svg>
<img src=/img.png srcset="/a.png 1x, /b.png 2x" alt="">
<form action="/search/"><input name=q disabled></form>
<div style="color: red" onclick="go()"><a href="javascript:void(0)">j</a></div>
<meta http-equiv="refresh" content="0; url=/moved/">
</BODY></html>`
	p, err := parseHTML(src)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, r := range p.refs {
		urls = append(urls, r.url)
	}
	want := []string{"/js/a.js", "/one/?a=1&b=2#frag", "#x", "#svg-id", "/img.png", "/a.png", "/b.png", "/search/", "javascript:void(0)", "/moved/"}
	if !slices.Equal(urls, want) {
		t.Errorf("refs:\n got %q\nwant %q", urls, want)
	}
	for _, id := range []string{"top", "x", "svg-id"} {
		if !p.ids[id] {
			t.Errorf("id %q not found", id)
		}
	}
	if p.ids["no"] {
		t.Error("an id inside a comment was found")
	}
	if len(p.inline) != 5 {
		t.Errorf("inline: got %d problems, want 5 (script, style, style attribute, onclick, javascript:):\n%s", len(p.inline), strings.Join(p.inline, "\n"))
	}
	for _, bad := range []string{`<a href="x`, `<p`, `<!-- x`, `<script>x`} {
		if _, err := parseHTML(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
