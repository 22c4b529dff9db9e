package markdown

import (
	"net/url"

	"github.com/yuin/goldmark/util"
)

// A Ref is a reference in the body that the site does not resolve itself,
// as it does a link to a markdown file or a relative image: a link by a
// URL of the site ("/downloads/x.pdf", "../tools/python/"), an image by a
// site-absolute URL, or, when raw HTML is kept, a URL of a tag's href or
// src. The build checks it in the page's HTML, as it checks what
// templates write, and reports a broken one here, where the author wrote
// it.
type Ref struct {
	URL    string // as the page's HTML gives it, character references decoded
	Offset int    // byte offset in the body of the link, image or tag
}

// siteURL reports whether a URL is one the site's link check checks: it
// has no scheme and no host, or is not a URL at all. An empty one is the
// page itself.
func siteURL(u []byte) bool {
	if len(u) == 0 {
		return false
	}
	p, err := url.Parse(string(u))
	return err != nil || p.Scheme == "" && p.Host == "" && p.Opaque == ""
}

// addRef records a link's or image's destination, as goldmark writes it,
// when it names something of the site.
func addRef(res *Result, dest []byte, off int) {
	addEscapedRef(res, util.URLEscape(dest, true), off)
}

// addEscapedRef records a URL as the HTML has it, when it names something
// of the site.
func addEscapedRef(res *Result, u []byte, off int) {
	if siteURL(u) {
		res.Refs = append(res.Refs, Ref{URL: string(u), Offset: off})
	}
}
