package publish

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/markdown"
)

// viaMinifier is what the general minifier makes of html.
func viaMinifier(t testing.TB, m *Minifier, html []byte) (string, bool) {
	t.Helper()
	var out bytes.Buffer
	if err := m.MinifyTo(&out, ".html", bytes.Clone(html)); err != nil {
		return "", false
	}
	return out.String(), true
}

// checkFragment minifies html both ways and fails where the fast path
// accepts it and writes other bytes than the minifier. It reports whether
// the fast path accepted it.
func checkFragment(t testing.TB, m *Minifier, name string, html []byte) bool {
	t.Helper()
	in := bytes.Clone(html)
	var fast bytes.Buffer
	fast.WriteString("kept")
	ok := minifyFragment(&fast, in)
	if !bytes.Equal(in, html) {
		t.Fatalf("%s: the fast path changed its input", name)
	}
	if !ok {
		if fast.String() != "kept" {
			t.Fatalf("%s: declined, but left %q in the buffer", name, fast.String())
		}
		return false
	}
	want, minified := viaMinifier(t, m, html)
	if !minified {
		t.Fatalf("%s: the fast path accepted what the minifier rejects:\n%q", name, html)
	}
	if got := strings.TrimPrefix(fast.String(), "kept"); got != want {
		t.Fatalf("%s: the fast path differs from the minifier\ninput: %q\n fast: %q\n want: %q", name, html, got, want)
	}
	return true
}

// fragmentMarkdown are bodies covering what goldmark and the markdown
// package write: each must take the fast path.
var fragmentMarkdown = map[string]string{
	"soft breaks":   "A line\nand the next  one,\n\twith tabs.\n\nA second paragraph. \n",
	"hard break":    "One  \ntwo\\\nthree\n",
	"inline edges":  "*a* **b** `c  d` [e](/x) ~~f~~ and *g *\n\n_h_ x\n",
	"entities":      "a < b > c & d \"q\" & #1 &amp;x 'apostrophe'\n",
	"autolinks":     "<https://example.org/?a=1&b=2> and www.example.com and x@example.org\n",
	"lists":         "- one\n- two\n  - nested *em*\n\n1. first\n2. second\n\n3) loose\n\n4) list\n",
	"task list":     "- [x] done\n- [ ] open\n",
	"table":         "| a | b | c |\n|:--|:-:|--:|\n| *x* | `y` | z |\n",
	"code":          "```go\nfunc main() {\n\tx := \"<&>\"  // two  spaces\n}\n```\n\n    indented\n      code\n",
	"unknown code":  "```nosuchlang\na  <b>\n```\n",
	"callout":       "> [!NOTE]\n> A note with *emphasis*.\n\n> [!WARNING] Custom title\n> body\n",
	"quote":         "> quoted\n> text\n>\n> - list in quote\n",
	"headings":      "# One\n\n## Two {#custom .cls}\n\nSetext\n---\n\n### `code` in *heading*\n",
	"images":        "![alt text](/img/a.png \"Title\") ![](/b.png) ![x](https://example.org/c.png)\n",
	"footnotes":     "Text with a note.[^1]\n\n[^1]: The note, with *emphasis*.\n",
	"thematic":      "above\n\n***\n\nbelow\n",
	"raw html text": "<div>raw</div> and <span>inline</span>\n",
	"empty":         "",
	"only space":    "\n\n   \n",
}

// atlasBodies returns the markdown bodies of the atlas in this repository,
// without their front matter.
func atlasBodies(t testing.TB) map[string][]byte {
	t.Helper()
	root := os.DirFS("../..")
	bodies := map[string][]byte{}
	err := fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		if rest, ok := bytes.CutPrefix(data, []byte("---\n")); ok {
			if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
				data = rest[i+5:]
			}
		}
		bodies[p] = data
		return nil
	})
	if err != nil || len(bodies) < 50 {
		t.Fatalf("reading the atlas: %d bodies, %v", len(bodies), err)
	}
	return bodies
}

func TestFragmentMatchesMinifierOnMarkdown(t *testing.T) {
	m := NewMinifier()
	for _, unsafe := range []bool{false, true} {
		conv := markdown.New(markdown.Options{UnsafeHTML: unsafe})
		for name, body := range fragmentMarkdown {
			html := conv.Convert([]byte(body)).HTML
			accepted := checkFragment(t, m, name, html)
			if !accepted && !(unsafe && name == "raw html text") {
				t.Errorf("%s (unsafe %v): the fast path declined goldmark's output %q", name, unsafe, html)
			}
		}
	}
}

func TestFragmentTakesEveryAtlasBody(t *testing.T) {
	m := NewMinifier()
	conv := markdown.New(markdown.Options{})
	for name, body := range atlasBodies(t) {
		if !checkFragment(t, m, name, conv.Convert(body).HTML) {
			t.Errorf("%s: the fast path declined its body", name)
		}
	}
}

// fragmentHTML are fragments in the fast path's language, each at an edge
// of one of its rules.
var fragmentHTML = []string{
	"<p>a <em>b</em> </p>",
	"<p>a <em>b </em>c</p>",
	"<p>a <em>b </em> <strong>c</strong></p>",
	"<p> lead</p>\n\n<p>\ttab\f</p>",
	"<ul>\n<li>\n<p>x</p>\n</li>\n</ul>\n",
	"<p>x<span></span> y <code></code> z<span class=\"i\"></span> w</p>",
	"<p>x <img src=\"a.png\" alt=\"\"> y <wbr> z</p>",
	"<p>a<br>\nb <br> c</p>",
	"<pre><code>  a\n\n  b  &amp;x &quot; </code></pre>\n<p> after</p>",
	"<p>a</p><pre tabindex=\"0\">\n x </pre> <p>b</p>",
	"<p>&amp;x &amp; &amp;#1 &amp;</p><p>&lt; &gt; &quot;&amp;</p>",
	"<p>&#160; &#x21a9; &#xfe0e; &#8212; &#x2014;</p>",
	"<a href=\"/x?a=1&amp;b=2&amp;\" title=\"a &amp; b &lt;c&gt; &#x2014;\">l</a>",
	"<p class=\"a \n b  c\">x</p>",
	"<input checked=\"\" disabled=\"\" type=\"checkbox\"> <input type=\"radio\">",
	"<p id=\"\">x</p><p class=\"\">y</p><img alt=\"\" src=\"\" title=\"\">",
	"<table><tr><td class=\"align-left\">a</td><th class=\"align-right\"> b </th></tr></table>",
	"<div class=\"code\" data-lang=\"Go\" aria-label=\"x  y\n z\"><pre>q</pre></div>",
	"<p>a\r\nb\r c</p>",
	"<p>x</p>   ",
	"  <p>x</p>",
	"x <em>y</em>",
	"<em>a </em></p>",
	"<ol start=\"3\" type=\"a\" reversed=\"\"><li>x</li></ol>",
	"<a href=\"https://example.org/\">s</a> <a href=\"http:x\">h</a> <a href=\"httpx\">p</a>",
	"<details open=\"\"><summary> S </summary> body </details>",
	"<p><del>a</del> <ins>b</ins> <a href=\"#c\">c</a> d</p>",
	"<h2 id=\"x\" class=\"note\">A <code>b</code> </h2>",
	"<p>" + strings.Repeat("</em>", 70) + "</p>",
	"<p>x " + strings.Repeat("</em>", 60) + "</p>",
}

// fragmentDeclined are fragments the fast path must leave to the minifier:
// each holds something the minifier rewrites in a way the fast path does
// not model.
var fragmentDeclined = []string{
	"<p style=\"color: red\">x</p>",
	"<td style=\"text-align:left\">x</td>",
	"<script>var x = 1;</script>",
	"<p>a <!-- c --> b</p>",
	"<p onclick=\"x()\">x</p>",
	"<a name=\"x\" id=\"x\">x</a>",
	"<input type=\"text\">",
	"<img src=\"data:image/png;base64,AAAA\">",
	"<a href=\"HTTP://example.org/\">x</a>",
	"<p>&copy; &nbsp;</p>",
	"<p>&#65;&#x41;</p>",
	"<p>&#X2014;</p>",
	"<P>x</P>",
	"<p class='x'>x</p>",
	"<br/>",
	"<td colspan=\"1\">x</td>",
	"<svg><path d=\"M0 0\"/></svg>",
	"<p class=\" x\">x</p>",
	"<p>a\x00b</p>",
	"<p>a < b</p>",
	"<a href=\" /x\">x</a>",
	"<p >x</p>",
	"<p>x " + strings.Repeat("</em>", 200) + "</p>",
	"<select><option>a</option></select>",
}

func TestFragmentMatchesMinifierOnHTML(t *testing.T) {
	m := NewMinifier()
	for i, html := range fragmentHTML {
		if !checkFragment(t, m, "fragmentHTML["+strconv.Itoa(i)+"]", []byte(html)) {
			t.Errorf("fragmentHTML[%d]: declined %q", i, html)
		}
	}
	for i, html := range fragmentDeclined {
		if checkFragment(t, m, "fragmentDeclined["+strconv.Itoa(i)+"]", []byte(html)) {
			t.Errorf("fragmentDeclined[%d]: accepted %q", i, html)
		}
	}
}

func TestMinifyFragmentFallsBack(t *testing.T) {
	m := NewMinifier()
	for _, html := range append(fragmentDeclined[:3:3], fragmentHTML[:3]...) {
		var got bytes.Buffer
		if err := m.MinifyFragment(&got, []byte(html)); err != nil {
			t.Fatal(err)
		}
		if want, _ := viaMinifier(t, m, []byte(html)); got.String() != want {
			t.Errorf("MinifyFragment(%q) = %q, want the minifier's %q", html, got.String(), want)
		}
	}
}

func FuzzFragment(f *testing.F) {
	for _, html := range append(fragmentHTML, fragmentDeclined...) {
		f.Add([]byte(html))
	}
	m := NewMinifier()
	f.Fuzz(func(t *testing.T, html []byte) {
		checkFragment(t, m, "fuzzed", html)
	})
}

func FuzzFragmentMarkdown(f *testing.F) {
	for _, body := range fragmentMarkdown {
		f.Add(body, false)
	}
	f.Add("<div>raw <b>html</b></div>\n\n<p class=x>y</p>\n", true)
	m := NewMinifier()
	convs := map[bool]*markdown.Converter{false: markdown.New(markdown.Options{}), true: markdown.New(markdown.Options{UnsafeHTML: true})}
	f.Fuzz(func(t *testing.T, body string, unsafe bool) {
		checkFragment(t, m, "fuzzed", convs[unsafe].Convert([]byte(body)).HTML)
	})
}

// BenchmarkMinifyBody minifies the atlas's bodies, as the markdown
// converter writes them, by the minifier and by MinifyFragment.
func BenchmarkMinifyBody(b *testing.B) {
	m := NewMinifier()
	conv := markdown.New(markdown.Options{})
	var bodies [][]byte
	size := 0
	for _, body := range atlasBodies(b) {
		html := conv.Convert(body).HTML
		bodies = append(bodies, html)
		size += len(html)
	}
	for _, way := range []struct {
		name   string
		minify func(*bytes.Buffer, []byte) error
	}{
		{"minifier", func(out *bytes.Buffer, html []byte) error { return m.MinifyTo(out, ".html", html) }},
		{"fragment", m.MinifyFragment},
	} {
		b.Run(way.name, func(b *testing.B) {
			var out bytes.Buffer
			work := make([][]byte, len(bodies))
			b.SetBytes(int64(size))
			for b.Loop() {
				for i, html := range bodies {
					// The minifier rewrites its input in place.
					work[i] = append(work[i][:0], html...)
					out.Reset()
					if err := way.minify(&out, work[i]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
