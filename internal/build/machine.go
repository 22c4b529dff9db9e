package build

import (
	"slices"
	"strings"
	"time"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// aliasRoom adds a redirect page for every alias of every page, and hands
// on the redirects for _redirects.
func aliasRoom(r *renderRun) diag.List {
	c, s := r.c, r.s
	var diags diag.List
	for _, p := range allPages(s) {
		for i, a := range p.Aliases {
			page := render.Alias(p.Title(), render.Absolute(s, s.Permalink(p)), s.BaseURL != "")
			if c.minify != nil {
				page, _ = c.minify.Minify(a, page)
			}
			if err := r.add(a, page, p.Src.Path); err != nil {
				d := p.Src.Diag(p.AliasPos(i), "aliases: "+err.Error()+"; remove the alias or rename the page")
				diags = append(diags, d)
				continue
			}
			r.redirects = append(r.redirects, publish.Redirect{From: s.BasePath + strings.TrimSuffix(a, "index.html"), To: s.Permalink(p)})
		}
	}
	return diags
}

// updated is when a page last changed: its updated field, else what
// Options.Updated says of its file.
func (c *renderCache) updated(p *site.Page) time.Time {
	if !p.Src.Updated.IsZero() || c.opts.Updated == nil {
		return p.Src.Updated
	}
	return c.opts.Updated(p.Src.Path)
}

// headerRules are the security headers for every page and immutable
// caching for the fingerprinted stylesheets and scripts.
func (c *renderCache) headerRules(s *site.Site) publish.HeaderRules {
	r := publish.HeaderRules{BasePath: s.BasePath, Security: []string{
		"Content-Security-Policy: " + publish.ContentSecurityPolicy,
		"X-Content-Type-Options: nosniff",
		"Referrer-Policy: strict-origin-when-cross-origin",
	}}
	if c.opts.Fingerprint {
		for _, a := range slices.Concat(c.assets.CSS, c.assets.HeadJS, c.assets.JS) {
			r.Immutable = append(r.Immutable, s.BasePath+a)
		}
	}
	return r
}
