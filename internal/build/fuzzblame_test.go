package build_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// FuzzBodyLinksBlamed builds a small site whose one page has a body the
// fuzzer writes, with raw HTML shown as text or kept, and the link check
// on. The theme's own links all resolve, so every broken link of the
// output is one the body wrote: none may be reported at a built file
// ("output:..."), each must be at a line and column of the page's file
// (checkProblems), and the build must end without a panic.
func FuzzBodyLinksBlamed(f *testing.F) {
	for _, s := range []string{
		"[a](/files/a.pdf) [b](../tools/python/) ![c](/img/c.png) [d](?q=1) [e](x.html#y)",
		"<a href=\"/raw/\">r</a>\n\n<div>\n<img alt=\"\" src=\"../i.png\">\n</div>\n\n> <a\n> href=\"#gone\">q</a>",
		"[%](%) [sp](</a b/>) [amp](/x?a=1&amp;b=2) [u](/é/) [t](<\t/tab/>)",
		"[a](b.md) [c](#top) [p](page/2/) [r](../../../../etc/passwd)",
		"<img src=\"/a.png\" srcset=\"/b.png 2x, /c.png 3x\"><a href=\" /sp/ \">s</a><form action=\"/f/\"></form>",
		"<svg><a xlink:href=\"/svg/\"></a></svg><style>x{background:url(/bg.png)}</style>",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, body string, unsafe bool) {
		home := "---\ntitle: Site\n---\n"
		if unsafe {
			home = "---\ntitle: Site\nunsafe_html: true\n---\n"
		}
		src := fstest.MapFS{
			"content/_index.md":       {Data: []byte(home)},
			"content/roles/_index.md": {Data: []byte("---\ntitle: Roles\n---\n")},
			"content/roles/a.md":      {Data: []byte("---\ntitle: A\n---\n" + body)},
			"content/tools/python.md": {Data: []byte("---\ntitle: Python\n---\n## Use\n")},
		}
		res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{CheckLinks: true})
		checkProblems(t, src, res.Diagnostics)
		for _, d := range res.Diagnostics {
			if strings.HasPrefix(d.Path, "output:") {
				t.Errorf("a broken link of the body reported at the built file: %s", d.String())
			}
		}
	})
}
