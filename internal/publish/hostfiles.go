package publish

import (
	"fmt"
	"net/url"
	"strings"
)

// A Redirect is an old path that moved to a new one, both URL paths.
type Redirect struct{ From, To string }

// Redirects returns a _redirects file (Netlify, Cloudflare Pages): one
// permanent redirect per line. Redirect pages are written as well, for hosts
// that read no such file.
func Redirects(list []Redirect) []byte {
	var b strings.Builder
	b.WriteString("# Written by rolesite: old addresses (aliases) and where they moved.\n")
	// The format is whitespace-separated: paths are written %-escaped, so
	// an alias with a space cannot add a field.
	esc := func(p string) string { return (&url.URL{Path: p}).EscapedPath() }
	for _, r := range list {
		fmt.Fprintf(&b, "%s %s 301\n", esc(r.From), esc(r.To))
	}
	return []byte(b.String())
}

// HeaderRules describe the _headers file.
type HeaderRules struct {
	BasePath  string   // "/" or "/atlas/"
	Security  []string // "Name: value" headers for every path
	Immutable []string // URL paths of fingerprinted files, cached for ever
}

// Headers returns a _headers file (Netlify, Cloudflare Pages): the security
// headers for every page, and a year of immutable caching for each
// fingerprinted file. HTML is left to revalidate, so a new deploy shows at
// once.
func Headers(r HeaderRules) []byte {
	var b strings.Builder
	b.WriteString("# Written by rolesite.\n")
	fmt.Fprintf(&b, "%s*\n", r.BasePath)
	for _, h := range r.Security {
		fmt.Fprintf(&b, "  %s\n", h)
	}
	for _, p := range r.Immutable {
		fmt.Fprintf(&b, "%s\n  Cache-Control: public, max-age=31536000, immutable\n", p)
	}
	return []byte(b.String())
}
