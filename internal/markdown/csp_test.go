package markdown

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// blockedByCSP returns what in h the site's Content-Security-Policy
// (script-src 'self'; style-src 'self') would block, read the way a
// browser's tokenizer reads it: a style or on… attribute, a <script> or
// <style> element.
func blockedByCSP(h []byte) []string {
	var blocked []string
	z := html.NewTokenizer(bytes.NewReader(h))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				blocked = append(blocked, "unreadable HTML: "+z.Err().Error())
			}
			return blocked
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if tag := string(name); tag == "script" || tag == "style" {
				blocked = append(blocked, "<"+tag+">")
			}
			for more {
				var key []byte
				key, _, more = z.TagAttr()
				if k := string(key); k == "style" || strings.HasPrefix(k, "on") {
					blocked = append(blocked, "<"+string(name)+" "+k+">")
				}
			}
		}
	}
}

// With raw HTML off, no markdown writes anything the site's CSP blocks:
// a construct that did (an aligned table column's style attribute did)
// would lose its effect in every browser. FuzzConvert checks the same on
// fuzzed bodies.
func TestNothingTheCSPBlocks(t *testing.T) {
	body := strings.Join([]string{
		"# Title {#t .c}", "Text *em* **strong** ~~del~~ `code` <https://e.org> www.e.org x@e.org",
		"| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |",
		"- [x] done\n- [ ] open", "1. one\n2. two", "> quote", "> [!WARNING]\n> careful",
		"```go\nfunc main() {}\n```", "```\nplain\n```", "    indented",
		"![alt](a.png \"t\") [link](b.md#f)", "Note.[^1]\n\n[^1]: The note.", "***",
		"<script>alert(1)</script>", "<p style=\"color:red\" onclick=\"x()\">raw</p>", "<style>p{}</style>",
	}, "\n\n") + "\n"
	res := New(Options{}).Convert([]byte(body))
	if b := blockedByCSP(res.HTML); len(b) > 0 {
		t.Errorf("the CSP would block %q in:\n%s", b, res.HTML)
	}
}
