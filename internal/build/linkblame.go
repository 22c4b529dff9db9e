package build

import (
	"context"
	"net/url"
	"path"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/linkcheck"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/site"
)

// linkProblems returns the broken links of the built files. One that a
// page's body wrote (see markdown.Ref) is reported where the body has it,
// as a path:line:col of the page's file; any other at the built file and
// line, as a template's or static file's.
func (b *Builder) linkProblems(ctx context.Context, s *site.Site, links *linkcheck.Checker, files *output.Files) diag.List {
	b.out.feedLinks(ctx, links, files)
	if ctx.Err() != nil {
		return nil
	}
	broken := links.Broken()
	if len(broken) == 0 {
		return nil
	}
	bl := blamer{s: s}
	bl.bySrc, bl.byURL = pagesBySource(s)
	var diags diag.List
	seen := map[diag.Diagnostic]bool{} // in case a body is on more than one built page
	for _, bk := range broken {
		if blamed := bl.blame(bl.bySrc[files.Origin(bk.File)], bk); len(blamed) > 0 {
			for _, d := range blamed {
				key := d
				key.Source = ""
				if !seen[key] {
					seen[key] = true
					diags = append(diags, d)
				}
			}
			continue
		}
		diags = append(diags, diag.Diagnostic{Path: "output:" + bk.File, Line: bk.Line,
			Message: "in the built site: " + bk.Message + " (a template or static file makes this link)"})
	}
	return diags
}

// pagesBySource maps the path of every page's file to its page, and
// every page's URL (relative to the base) to its page.
func pagesBySource(s *site.Site) (bySrc, byURL map[string]*site.Page) {
	bySrc, byURL = map[string]*site.Page{}, map[string]*site.Page{}
	add := func(p *site.Page) {
		if p != nil {
			bySrc[p.Src.Path], byURL[p.URL] = p, p
		}
	}
	add(s.Home)
	for _, sec := range s.Sections {
		add(sec.Index)
	}
	for _, p := range s.Pages {
		add(p)
	}
	return bySrc, byURL
}

// A blamer finds the bodies that wrote broken references.
type blamer struct {
	s            *site.Site
	bySrc, byURL map[string]*site.Page
}

// blame returns the broken reference as a problem at each place the body
// of the page p wrote its URL; none when the body has no such reference.
func (bl blamer) blame(p *site.Page, bk linkcheck.Broken) []diag.Diagnostic {
	if p == nil {
		return nil
	}
	body := bl.s.Body(p)
	var out []diag.Diagnostic
	for i, r := range body.Doc.Refs {
		if r.URL != bk.URL || i >= len(body.RefPos) {
			continue
		}
		msg := "in the built page: " + bk.Message + ": " + bl.hint(p, r.URL)
		out = append(out, body.Src.Diag(body.RefPos[i], msg))
	}
	return out
}

// hint says what to write instead of a broken reference of page p: the
// .md file of the page it seems to mean, when there is one.
func (bl blamer) hint(p *site.Page, ref string) string {
	if q := bl.meant(p, ref); q != nil && q != p {
		file := site.Relative(path.Dir(p.Src.Path), q.Src.Path)
		if _, frag, ok := strings.Cut(ref, "#"); ok && frag != "" {
			file += "#" + frag
		}
		return "link the page by its file, " + file + ", and the build makes the URL"
	}
	return "link a page by its .md file, or a file under static/ by its URL from this page"
}

// meant is the page a reference of page p seems to name, or nil: a URL
// read as a path from p's file ("../tools/python/" from
// content/roles/a.md), from p's URL ("../python/" from tools/r/), or,
// site-absolute, from the base path or without it ("/tools/python/").
func (bl blamer) meant(p *site.Page, ref string) *site.Page {
	u, err := url.Parse(ref)
	if err != nil || u.Path == "" {
		return nil
	}
	dir := strings.TrimSuffix(strings.TrimSuffix(u.Path, "index.html"), ".html")
	dir = strings.TrimSuffix(dir, "/")
	if strings.HasPrefix(u.Path, "/") {
		if base := strings.TrimSuffix(bl.s.BasePath, "/"); dir == base || strings.HasPrefix(dir, base+"/") {
			dir = strings.TrimPrefix(dir, base)
		}
		return bl.byURL[urlKey(dir)]
	}
	stem := path.Join(path.Dir(p.Src.Path), dir)
	for _, name := range []string{stem + ".md", stem + "/_index.md"} {
		if q := bl.bySrc[name]; q != nil {
			return q
		}
	}
	return bl.byURL[urlKey(path.Join("/"+p.URL, dir))]
}

// urlKey is a page's URL as the site has it ("roles/a/", "" for the home
// page) for a slash path from the base ("/roles/a", "/").
func urlKey(p string) string {
	key := strings.TrimPrefix(path.Clean("/"+p), "/")
	if key != "" {
		key += "/"
	}
	return key
}
