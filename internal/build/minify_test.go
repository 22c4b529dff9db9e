package build_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/publish"
)

// A minified build executes templates minified in advance, with bodies and
// the lifecycle drawing minified once each, instead of minifying every
// page it writes. That must be the same as minifying every page: for each
// page, minifying what the build wrote gives what minifying the page of an
// unminified build gives; and what it wrote is already within a few bytes
// of that (only whitespace next to template actions, which the template
// minifier cannot judge, is left).
func TestMinifiedTemplatesMinifyPages(t *testing.T) {
	gen, err := benchgen.MapFS(200)
	if err != nil {
		t.Fatal(err)
	}
	quirks := siteFS(map[string]string{
		"content/_index.md": "---\ntitle: Quirks\nunsafe_html: true\n---\n<div   class=\"x\">  raw   <b>html</b> </div>\n\n<pre>  keep\n   this  </pre>\n",
		"content/roles/a.md": "---\ntitle: \"  Spaced   title  \"\nsummary: \"a  <b>summary</b> & more\"\ntools: [x]\n---\n" +
			"Text  with   spaces and `code  span`.\n\n```\nfenced   block\n  indented\n```\n\n- [x](../tools/x.md)\n- item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"content/tools/x.md": "---\ntitle: X\n---\n<!-- a comment -->\nBody.\n",
	})
	m := publish.NewMinifier()
	for name, src := range map[string]fstest.MapFS{"atlas": memSite(t, os.DirFS("../..")), "generated": gen, "quirks": quirks} {
		small := build.Build(context.Background(), src, rolesite.Theme(), build.Options{Minify: true})
		plain := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
		if !small.OK() || !plain.OK() {
			t.Fatalf("%s: %v %v", name, small.Diagnostics, plain.Diagnostics)
		}
		pages, extra, total := 0, 0, 0
		for _, n := range plain.Files.Names() {
			if !strings.HasSuffix(n, ".html") {
				continue
			}
			a, _ := small.Files.Get(n)
			b, _ := plain.Files.Get(n)
			ma, err1 := m.Minify(n, a)
			mb, err2 := m.Minify(n, b)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: %v %v", n, err1, err2)
			}
			if string(ma) != string(mb) {
				t.Errorf("%s %s: minified build differs from the minified page:\n%s", name, n, firstDiff(string(ma), string(mb)))
				continue
			}
			pages++
			extra += len(a) - len(ma)
			total += len(ma)
		}
		if pages == 0 {
			t.Fatalf("%s: no pages compared", name)
		}
		t.Logf("%s: %d pages; %d bytes (%.2f%%) above minifying each page", name, pages, extra, 100*float64(extra)/float64(total))
		if extra*100 > total {
			t.Errorf("%s: pages are %d bytes (%.2f%%) larger than minified ones: more than 1%%", name, extra, 100*float64(extra)/float64(total))
		}
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("build: …%s…\n page: …%s…", a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

// A template that fails when executed is reported where its author wrote
// the failing action, though pages execute its minified form.
func TestMinifiedTemplateErrorsNameTheSource(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":   "---\ntitle: S\n---\n",
		"content/roles/a.md":  "---\ntitle: A\n---\n## One\n",
		"templates/page.html": "{{define \"main\"}}\n<article>\n  <h1>{{.Title}}</h1>\n\n    <p>{{index .Headings 99}}</p>\n</article>\n{{end}}\n",
	})
	var got []string
	for _, minify := range []bool{false, true} {
		res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{Minify: minify})
		if len(res.Diagnostics) != 1 {
			t.Fatalf("minify %v: %v, want one problem", minify, res.Diagnostics)
		}
		got = append(got, res.Diagnostics[0].String())
	}
	if got[0] != got[1] || !strings.HasPrefix(got[0], "templates/page.html:5:") {
		t.Errorf("unminified: %s\n  minified: %s\nwant both at templates/page.html:5", got[0], got[1])
	}
}
