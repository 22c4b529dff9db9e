package markdown

import (
	"strings"
	"testing"
	"time"
)

func TestHighlight(t *testing.T) {
	c := New(Options{})
	for _, tc := range []struct{ in, want string }{
		{"```go\nx := 1 // one\n```\n", `<div class="code" data-lang="Go"><pre tabindex="0" class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w"> </span><span class="o">:=</span><span class="w"> </span><span class="mi">1</span><span class="w"> </span><span class="c1">// one</span><span class="w">
</span></span></span></code></pre></div>
`},
		{"```\nplain <b>\n```\n", "<div class=\"code\"><pre tabindex=\"0\"><code>plain &lt;b&gt;\n</code></pre></div>\n"},
		{"```nosuchlang\"><x>\nplain\n```\n", "<div class=\"code\" data-lang=\"nosuchlang&#34;&gt;&lt;x&gt;\"><pre tabindex=\"0\"><code>plain\n</code></pre></div>\n"},
		{"    indented\n", "<pre><code>indented\n</code></pre>\n"},
	} {
		got := string(c.Convert([]byte(tc.in)).HTML)
		if got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestHighlightNoInlineStyle: whatever the info string asks for, no
// style attribute reaches the page (the Content-Security-Policy forbids
// them).
func TestHighlightNoInlineStyle(t *testing.T) {
	c := New(Options{})
	for _, info := range []string{"go {linenos=table}", "go {linenos=true,hl_lines=[1]}", `go {style="monokai"}`, "go {linenos=inline,linenostart=5}", "{nohl}"} {
		got := string(c.Convert([]byte("```" + info + "\nfunc f() {}\nvar x = 1\n```\n")).HTML)
		if strings.Contains(got, "style=") || !strings.Contains(got, "<pre") {
			t.Errorf("%s:\n%s", info, got)
		}
	}
}

func TestHighlightText(t *testing.T) {
	res := New(Options{}).Convert([]byte("```python\nprint('hi')\n```\n"))
	if !strings.Contains(res.Text, "print('hi')") {
		t.Errorf("text = %q", res.Text)
	}
}

// TestHighlightBudget: past a page's first maxHighlighted bytes of code,
// blocks stay plain, so a page of many blocks costs a build little; so
// does a block over maxBlockHighlighted. (On a starved machine a block
// within the budget may stay plain too: see codeRenderer.)
func TestHighlightBudget(t *testing.T) {
	block := "```go\n" + strings.Repeat("x := 1\n", 100) + "```\n\n"
	within := maxHighlighted / 700
	n := within + 5
	got := string(New(Options{}).Convert([]byte(strings.Repeat(block, n))).HTML)
	blocks := strings.Split(got, `<div class="code" data-lang="Go">`)[1:]
	if len(blocks) != n {
		t.Fatalf("%d blocks, want %d", len(blocks), n)
	}
	coloured := 0
	for i, b := range blocks {
		if strings.Contains(b, `class="chroma"`) {
			coloured++
			if i >= within {
				t.Errorf("block %d, past the budget, is highlighted", i)
			}
		}
	}
	if coloured < within/2 {
		t.Errorf("%d of the first %d blocks highlighted", coloured, within)
	}
	huge := "```go\n" + strings.Repeat("x := 1\n", maxBlockHighlighted/7+1) + "```\n"
	if got := string(New(Options{}).Convert([]byte(huge)).HTML); strings.Contains(got, "chroma") {
		t.Error("a block larger than maxBlockHighlighted was highlighted")
	}
}

// TestHighlightErrorToken: code the lexer cannot read gives the same Error
// tokens every time, and is highlighted with them.
func TestHighlightErrorToken(t *testing.T) {
	got := string(New(Options{}).Convert([]byte("```json\n{\"a\": ¤}\n```\n")).HTML)
	if !strings.Contains(got, `class="chroma"`) || !strings.Contains(got, `class="err"`) {
		t.Errorf("got %s", got)
	}
}

// TestHighlightNoProgress: a block on which chroma's lexer would match
// nothing forever (JSONata at an unterminated string, and any code like
// it) is written plain, and the conversion ends: at the top, and inside
// a block of another language that hands it to JSONata's lexer
// (markdown's fenced code, org's source blocks).
func TestHighlightNoProgress(t *testing.T) {
	c := New(Options{})
	fence := strings.Repeat("`", 3)
	for _, in := range []string{
		fence + "jsonata\n\"unterminated\n" + fence + "\n",
		fence + "jsonata\n$x := {\"a\": \"b}\n" + fence + "\n",
		fence + "jsonata\n'open\n" + fence + "\n",
		"````markdown\n# Title\n\n" + fence + "jsonata\n\"open\n" + fence + "\n````\n",
		"````md\n---\ntitle: x\n---\n" + fence + "jsonata\n\"open\n" + fence + "\n````\n",
		fence + "org\n* Notes\n#+BEGIN_SRC jsonata\n\"open\n#+END_SRC\n" + fence + "\n",
	} {
		done := make(chan string, 1)
		go func() { done <- string(c.Convert([]byte(in)).HTML) }()
		select {
		case got := <-done:
			if !strings.Contains(got, `<pre tabindex="0"><code>`) || strings.Contains(got, "chroma") {
				t.Errorf("%q:\n got %s\nwant the block plain", in, got)
			}
		case <-time.After(time.Minute):
			t.Fatalf("%q: the conversion did not end within a minute", in)
		}
	}
}
