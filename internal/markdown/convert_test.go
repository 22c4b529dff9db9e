package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestLinksAndFill(t *testing.T) {
	c := New(Options{})
	body := "Intro [a](../tools/a.md) and [b **bold**](b.md#frag) and [self](#x).\n\n" +
		"[ext](https://example.org/x.md) [abs](/x.md) [img](pic.png) [ref][r]\n\n[r]: other.md\n"
	res := c.Convert([]byte(body))
	want := []Link{
		{Path: "../tools/a.md", Offset: strings.Index(body, "[a]")},
		{Path: "b.md", Fragment: "frag", Offset: strings.Index(body, "[b ")},
		{Fragment: "x", Offset: strings.Index(body, "[self]")},
		{Path: "other.md", Offset: strings.Index(body, "[ref]")},
	}
	if len(res.Links) != len(want) {
		t.Fatalf("links = %+v", res.Links)
	}
	for i := range want {
		if res.Links[i] != want[i] {
			t.Errorf("link %d = %+v, want %+v", i, res.Links[i], want[i])
		}
	}
	urls := []string{"/tools/a/", "/roles/b/#frag", "", "/o/?q=\"x\""}
	out := Fill(res.HTML, urls)
	for _, s := range []string{`href="/tools/a/"`, `href="/roles/b/#frag"`, `href="#x"`, `href="https://example.org/x.md"`, `href="/o/?q=&#34;x&#34;"`} {
		if !strings.Contains(out, s) {
			t.Errorf("missing %s in\n%s", s, out)
		}
	}
	if strings.Contains(out, Placeholder) {
		t.Errorf("placeholder left in output:\n%s", out)
	}
}

func TestHeadingIDs(t *testing.T) {
	c := New(Options{ReservedIDs: []string{"main"}})
	res := c.Convert([]byte("# Main\n## What it is: ML & AI!\n## Same\n## Same\n## Ünïcode Straße\n## Set {#custom}\n## 😀\n"))
	var got []string
	for _, h := range res.Headings {
		got = append(got, h.ID)
	}
	want := "main-1 what-it-is-ml--ai same same-1 ünïcode-straße custom section"
	if strings.Join(got, " ") != want {
		t.Errorf("ids = %v, want %s", got, want)
	}
}

func TestRawHTMLEscapedByDefault(t *testing.T) {
	src := []byte("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> [x](javascript:alert(1))\n")
	safe := string(New(Options{}).Convert(src).HTML)
	for _, bad := range []string{"<script", "<img", "javascript:"} {
		if strings.Contains(safe, bad) {
			t.Errorf("escaped output contains %s:\n%s", bad, safe)
		}
	}
	if !strings.Contains(safe, "&lt;script&gt;") {
		t.Errorf("raw HTML not shown as text:\n%s", safe)
	}
	unsafe := string(New(Options{UnsafeHTML: true}).Convert(src).HTML)
	if !strings.Contains(unsafe, "<script>alert(1)</script>") {
		t.Errorf("opt-in raw HTML not passed through:\n%s", unsafe)
	}
}

func TestText(t *testing.T) {
	res := New(Options{}).Convert([]byte("# Title\n\nSome *emphasis* and `code`.\n\n- item one\n- item two\n"))
	for _, w := range []string{"Title", "Some emphasis and code.", "item one", "item two"} {
		if !strings.Contains(res.Text, w) {
			t.Errorf("text %q lacks %q", res.Text, w)
		}
	}
}

// TestConvertTo checks that ConvertTo hands over what Convert returns,
// and nothing else differs: the Result it returns lacks only the HTML and
// the text. Bodies alternate, so that a buffer the converter reused but
// did not reset would show.
func TestConvertTo(t *testing.T) {
	bodies := []string{
		"# Title\n\nIntro [a](../tools/a.md) and ![i](p.png) and `code`.\n\n```go\nfunc f() {}\n```\n",
		"plain words only",
		"",
		"> [!TIP]\n> tip with [x](x.md#frag)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[broken](\n",
		"## Same\n## Same\n<script>alert(1)</script>\n",
	}
	squeeze := func(dst *bytes.Buffer, html []byte) error {
		dst.Write(bytes.ReplaceAll(html, []byte("\n"), nil))
		return nil
	}
	for _, minify := range []func(*bytes.Buffer, []byte) error{nil, squeeze} {
		conv := New(Options{Minify: minify})
		for round := range 2 {
			for _, b := range bodies {
				want := conv.Convert([]byte(b))
				var html, text string
				calls := 0
				got := conv.ConvertTo([]byte(b), func(h, x []byte) { html, text, calls = string(h), string(x), calls+1 })
				if calls != 1 || html != string(want.HTML) || text != want.Text {
					t.Errorf("minify %t, round %d, %q: ConvertTo gave (%d calls) %q, %q; Convert %q, %q", minify != nil, round, b, calls, html, text, want.HTML, want.Text)
				}
				if got.HTML != nil || got.Text != "" {
					t.Errorf("%q: ConvertTo's Result holds the HTML or text", b)
				}
				want.HTML, want.Text = nil, ""
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%q: ConvertTo's Result %+v, Convert's %+v", b, got, want)
				}
			}
		}
	}
}
