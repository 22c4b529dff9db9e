package markdown

import (
	"strings"
	"testing"
)

// TestDroppedURLs: a link, autolink or image whose URL the page does not
// keep is a Warning at its start, and a kept one is none. Where raw HTML
// is kept, so are the URLs that could run script; a URL like the build's
// placeholders never is.
func TestDroppedURLs(t *testing.T) {
	for _, c := range []struct {
		body string
		want string // the problem's message begins so, at the body's "@"; "" for none
	}{
		{"See @[x](javascript:alert(1)).", "link to javascript:alert(1): a URL that could run script"},
		{"See @[x](JaVaScRiPt:alert(1)).", "link to JaVaScRiPt:alert(1): a URL that could run script"},
		{"See @[x](vbscript:msgbox).", "link to vbscript:msgbox: a URL"},
		{"See @[x](file:///etc/passwd).", "link to file:///etc/passwd: a URL"},
		{"See @[x](data:text/html,hi).", "link to data:text/html,hi: a URL"},
		{"See @<javascript:alert(1)>.", "link to javascript:alert(1): a URL"},
		{"See @![a chart](data:image/svg+xml,x).", "image data:image/svg+xml,x: a URL"},
		{"See @[x](rolesite-link:0).", `link to rolesite-link:0: a URL starting "rolesite-link:" is the build's own`},
		{"See @![x](ROLESITE-IMAGE:0).", `image ROLESITE-IMAGE:0: a URL starting "ROLESITE-IMAGE:" is the build's own`},
		{"See @[x](javascript:" + strings.Repeat("a", 100) + ").", "link to javascript:" + strings.Repeat("a", 49) + "…: a URL"},
		{"Kept, as a link's href fills no image: [x](rolesite-image:0).", ""},
		{"Kept: [x](https://example.org/) ![p](data:image/png;base64,AAAA) [m](mailto:a@b.c) [r](/x/).", ""},
	} {
		for _, unsafe := range []bool{false, true} {
			at := strings.Index(c.body, "@")
			body := strings.Replace(c.body, "@", "", 1)
			res := New(Options{UnsafeHTML: unsafe}).Convert([]byte(body))
			want := c.want
			if unsafe && !strings.Contains(want, "the build's own") {
				want = ""
			}
			switch {
			case want == "" && len(res.Problems) > 0:
				t.Errorf("%q (unsafe %v): unexpected %+v", body, unsafe, res.Problems)
			case want != "" && (len(res.Problems) != 1 || !strings.HasPrefix(res.Problems[0].Message, want) || res.Problems[0].Offset != at || !res.Problems[0].Warning):
				t.Errorf("%q (unsafe %v): got %+v, want a warning at %d beginning %q", body, unsafe, res.Problems, at, want)
			}
		}
	}
}
