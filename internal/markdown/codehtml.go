package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark/util"
)

// writeCode writes a block's tokens as chroma's HTML formatter does with
// the options codeRenderer would give it (CSS classes, no prefix, an empty
// style, a <pre> a keyboard can focus and scroll, no line numbers and no
// highlighted lines):
//
//	<pre tabindex="0" class="chroma"><code><span class="line"><span class="cl"><span class="k">def</span> …
//	</span></span>…</code></pre>
//
// one line span for each line of the code, the newline inside it, each
// token in a span of its type's class (none for a type without one), its
// text escaped as html.EscapeString does, an empty token as an empty span.
// chroma's formatter splits the tokens into a slice of lines and formats
// every span with fmt: a fifth of a block's highlighting cost for a few
// bytes of markup. writeCode streams the same bytes, and FuzzWriteCode
// holds it to chroma's formatter.
func writeCode(w util.BufWriter, tokens []chroma.Token) {
	const lineStart, lineEnd = `<span class="line"><span class="cl">`, `</span></span>`
	_, _ = w.WriteString(`<pre tabindex="0" class="chroma"><code>`)
	open := false
	for i, t := range tokens {
		v, class := t.Value, tokenClass(t.Type)
		for nl := strings.IndexByte(v, '\n'); nl >= 0; nl = strings.IndexByte(v, '\n') {
			if !open {
				_, _ = w.WriteString(lineStart)
			}
			writeToken(w, class, v[:nl+1])
			_, _ = w.WriteString(lineEnd)
			open, v = false, v[nl+1:]
			if v == "" {
				break
			}
		}
		if v == "" && t.Value != "" {
			continue // a token ending in a newline leaves no empty tail
		}
		if !open {
			if v == "" && i == len(tokens)-1 {
				break // chroma drops a last line of one empty token
			}
			_, _ = w.WriteString(lineStart)
			open = true
		}
		writeToken(w, class, v)
	}
	if open {
		_, _ = w.WriteString(lineEnd)
	}
	_, _ = w.WriteString(`</code></pre>`)
}

// writeToken writes text escaped, in a span of class unless class is "".
func writeToken(w util.BufWriter, class, text string) {
	if class != "" {
		_, _ = w.WriteString(`<span class="`)
		_, _ = w.WriteString(class)
		_, _ = w.WriteString(`">`)
	}
	last := 0
	for i := 0; i < len(text); i++ {
		var esc string
		switch text[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		_, _ = w.WriteString(text[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.WriteString(text[last:])
	if class != "" {
		_, _ = w.WriteString(`</span>`)
	}
}

// tokenClass is the CSS class chroma gives a token type: its own in
// chroma.StandardTypes, else its nearest parent's ("" is a class too: no
// span).
func tokenClass(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if class, ok := chroma.StandardTypes[t]; ok {
			return class
		}
	}
	return chroma.StandardTypes[0]
}
