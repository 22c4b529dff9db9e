package site

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
)

// Resolve builds the site from every parsed file under content/. inputs may
// come in any order; the result does not depend on it.
func Resolve(inputs []Input, opts Options) (*Site, diag.List) { return resolve(nil, inputs, opts) }

// ResolveAfter is Resolve for the files of a site that was prev, a site
// Resolve, ResolveAfter or Rebody returned without problems. It gives what
// Resolve gives, but takes from prev, for each page whose file is the one
// prev had, its outgoing relations and its resolved body links when they
// cannot have changed (see keptRelations and unchangedLinks).
func ResolveAfter(prev *Site, inputs []Input, opts Options) (*Site, diag.List) {
	return resolve(prev, inputs, opts)
}

func resolve(prev *Site, inputs []Input, opts Options) (*Site, diag.List) {
	r := &resolver{
		site:      &Site{},
		byPath:    make(map[string]*Page, len(inputs)),
		bySection: map[string]*Section{},
		slugs:     map[string]map[string]slugged{},
		left:      map[string]*content.Page{},
		linkPos:   make(map[*Page][]content.Pos, len(inputs)),
	}
	inputs = slices.Clone(inputs)
	slices.SortFunc(inputs, func(a, b Input) int { return strings.Compare(a.Page.Path, b.Page.Path) })
	r.site.bodies = make([]Body, 0, len(inputs)+1) // and one for a home page made up
	r.pages(inputs, opts)
	r.site.Sections = sortSections(r.site.Sections)
	r.home(opts)
	for _, p := range r.all() {
		// One string holds all three (see Page.permalink): a build keeps
		// every page's to its end.
		p.permalink = r.site.BasePath + p.URL + "index.html"
		p.URL = p.permalink[len(r.site.BasePath) : len(p.permalink)-len("index.html")]
	}
	for _, sec := range r.site.Sections {
		r.declarations(sec)
		r.schema(sec)
		r.sectionOptions(sec)
	}
	for _, sec := range r.site.Sections {
		r.implied(sec)
	}
	kept := r.keptRelations(prev)
	r.each(r.site.Pages, func(w *resolver, p *Page) {
		if q := kept.of(p); q != nil {
			w.keep(kept, p, q)
			w.keptOut++
			return
		}
		w.relations(p)
		w.checkSchema(p)
	})
	r.site.Warnings = append(r.draftLinks(), r.nearMisses()...)
	// Which body links are as they were is found beside the inverses and
	// views, which read and write no body.
	resolved := make(chan map[*content.Page][]string, 1)
	go func() { resolved <- r.unchangedLinks(prev) }()
	r.inverses()
	r.views()
	r.resolved = <-resolved
	r.each(r.all(), func(w *resolver, p *Page) {
		w.aliases(p)
		w.links(p)
	})
	r.linkPos = nil // what resolving needed of the inputs goes with them
	r.site.byPath, r.site.left, r.site.keptOut, r.site.keptLinks = r.byPath, r.left, r.keptOut, len(r.resolved)
	return r.site, r.diags.Sorted()
}

type resolver struct {
	site      *Site
	diags     diag.List
	byPath    map[string]*Page              // "content/roles/x.md" -> page (sections' and home's index too)
	bySection map[string]*Section           // "roles" -> section
	slugs     map[string]map[string]slugged // section -> lower(slug) -> page
	left      map[string]*content.Page      // drafts left out, by path
	linkPos   map[*Page][]content.Pos       // Input.LinkPos, while resolving
	unknown   map[string]string             // list fields that name no section, with the nearest one (see nearSection)
	idSets    map[*Page]map[string]bool     // heading IDs of long pages (see hasID)
	slabs     slabs                         // this worker's (see slab)
	resolved  map[*content.Page][]string    // body links resolved as before (see unchangedLinks)
	keptOut   int                           // pages whose relations were kept (see keptRelations)
}

func (r *resolver) report(p *content.Page, pos content.Pos, format string, args ...any) {
	r.diags = append(r.diags, p.Diag(pos, fmt.Sprintf(format, args...)))
}

// all returns the home page, then every section's index and pages.
func (r *resolver) all() []*Page {
	var out []*Page
	if r.site.Home != nil {
		out = append(out, r.site.Home)
	}
	for _, s := range r.site.Sections {
		if s.Index != nil {
			out = append(out, s.Index)
		}
		out = append(out, s.Pages...)
	}
	return out
}

// pages sorts the inputs into the home page, sections and regular pages.
func (r *resolver) pages(inputs []Input, opts Options) {
	for i, in := range inputs {
		cp := in.Page
		if cp.Draft && !opts.Drafts {
			r.left[nfc(cp.Path)] = cp
			continue
		}
		if strings.Contains(cp.Section, "/") {
			r.report(cp, content.Pos{Line: 1, Col: 1}, "sections are one folder deep: move this file to content/%s/ or make %s a section of its own",
				strings.SplitN(cp.Section, "/", 2)[0], cp.Section)
			continue
		}
		if msg := checkName(cp.Slug, ".md"); msg != "" && !cp.IsIndex() {
			r.report(cp, content.Pos{Line: 1, Col: 1}, "file name %q cannot be a slug: %s", cp.Slug+".md", msg)
			continue
		}
		if msg := checkName(cp.Section, ""); msg != "" && cp.Section != "" {
			r.report(cp, content.Pos{Line: 1, Col: 1}, "folder name %q cannot be a section: %s", cp.Section, msg)
			continue
		}
		p := &Page{Src: cp, body: len(r.site.bodies)}
		r.site.bodies = append(r.site.bodies, Body{Src: cp, Doc: in.Doc, ImagePos: in.ImagePos, RefPos: in.RefPos})
		if in.LinkPos != nil {
			r.linkPos[p] = in.LinkPos
		}
		r.byPath[nfc(cp.Path)] = p
		if cp.Section == "" {
			if cp.IsIndex() {
				p.Kind = KindHome
				r.site.Home = p
			} else {
				r.report(cp, content.Pos{Line: 1, Col: 1}, "pages live in section folders: move %s.md into a folder under content/, such as content/pages/", cp.Slug)
			}
			continue
		}
		sec := r.section(cp.Section, inputs[i:])
		p.Section = sec
		if cp.IsIndex() {
			p.Kind = KindSection
			p.URL = sec.Name + "/"
			sec.Index = p
			continue
		}
		p.Kind = KindPage
		p.URL = sec.Name + "/" + cp.Slug + "/"
		key := strings.ToLower(cp.Slug)
		if dup, ok := r.slugs[sec.Name][key]; ok {
			prev := dup.page
			how := "on case-insensitive hosts"
			if nfc(prev.Src.Path) == nfc(cp.Path) {
				how = "the same name spelled in two Unicode forms, NFC and NFD"
			}
			r.report(cp, content.Pos{Line: 1, Col: 1}, "duplicate slug: %s and %s both make the page /%s/%s/ (%s); rename one of them",
				prev.Src.Path, cp.Path, sec.Name, key, how)
			continue
		}
		r.slugs[sec.Name][key] = slugged{page: p, lower: key == cp.Slug}
		sec.Pages = append(sec.Pages, p)
	}
	for _, sec := range r.site.Sections {
		if sec.Index != nil {
			sec.Title, sec.Summary = sec.Index.Src.Title, sec.Index.Src.Summary
			sec.weight, sec.weighed = sec.Index.Src.Weight, sec.Index.Src.Weighed
		} else {
			sec.Title = humanize(sec.Name)
		}
		sortPages(sec.Pages)
	}
}

// section returns the section of that name, made on the first page of it:
// the first of rest, the inputs from there on, sorted by path, so that
// the section's pages follow it (their count sizes its tables).
func (r *resolver) section(name string, rest []Input) *Section {
	if s, ok := r.bySection[name]; ok {
		return s
	}
	n := 0
	for n < len(rest) && rest[n].Page.Section == name {
		n++
	}
	s := &Section{Name: name, Pages: make([]*Page, 0, n)}
	r.bySection[name] = s
	r.slugs[name] = make(map[string]slugged, n)
	r.site.Sections = append(r.site.Sections, s)
	return s
}

// sortPages puts a section's pages in order: by weight (pages without one
// last), then by title regardless of case, then by slug. Each title is
// lowered once, not at every comparison.
func sortPages(pages []*Page) {
	type keyed struct {
		p     *Page
		title string
	}
	keys := make([]keyed, len(pages))
	for i, p := range pages {
		keys[i] = keyed{p, strings.ToLower(p.Src.Title)}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		return cmp.Or(
			compareWeight(a.p.Src.Weighed, b.p.Src.Weighed, a.p.Src.Weight, b.p.Src.Weight),
			strings.Compare(a.title, b.title),
			strings.Compare(a.p.Src.Slug, b.p.Src.Slug),
		)
	})
	for i, k := range keys {
		pages[i], k.p.order = k.p, i
	}
}

func compareWeight(wa, wb bool, a, b int) int {
	switch {
	case wa && wb:
		return cmp.Compare(a, b)
	case wa:
		return -1
	case wb:
		return 1
	}
	return 0
}

func sortSections(secs []*Section) []*Section {
	slices.SortFunc(secs, func(a, b *Section) int {
		return cmp.Or(
			compareWeight(a.weighed, b.weighed, a.weight, b.weight),
			strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)),
			strings.Compare(a.Name, b.Name),
		)
	})
	for i, s := range secs {
		s.order = i
	}
	return secs
}

// home reads the site-wide settings from content/_index.md.
func (r *resolver) home(opts Options) {
	for _, s := range r.site.Sections {
		for _, p := range s.Pages {
			p.index = len(r.site.Pages)
			r.site.Pages = append(r.site.Pages, p)
		}
	}
	h := r.site.Home
	if h == nil {
		r.diags = append(r.diags, diag.Diagnostic{Path: "content/_index.md",
			Message: "missing: the site needs content/_index.md with its title (and the home page text)"})
		r.site.Title = "Untitled"
		r.site.BasePath = "/"
		h = &Page{Src: &content.Page{Path: "content/_index.md", Slug: "_index", Title: "Untitled", Params: map[string]any{}}, Kind: KindHome, body: len(r.site.bodies)}
		r.site.bodies = append(r.site.bodies, Body{Src: h.Src})
		r.site.Home = h
		r.byPath[h.Src.Path] = h
	}
	src := h.Src
	r.site.Title = src.Title
	str := func(field string) string {
		v, ok := src.Params[field]
		if !ok {
			return ""
		}
		s, ok := v.(string)
		if !ok {
			r.report(src, src.KeyPos(field), "%s must be a string, not %s", field, content.Describe(v))
		}
		return strings.TrimSpace(s)
	}
	r.site.Description = cmp.Or(str("description"), src.Summary)
	if v, ok := src.Params["unsafe_html"]; ok {
		b, ok := v.(bool)
		if !ok {
			r.report(src, src.KeyPos("unsafe_html"), "unsafe_html must be true or false, not %s", content.Describe(v))
		}
		r.site.UnsafeHTML = b
	}
	r.site.EditURL = r.editURL(src, str("edit_url"))
	base := str("base_url")
	where := "base_url in content/_index.md"
	if opts.BaseURL != "" {
		base, where = opts.BaseURL, "--base-url"
	}
	abs, path, err := ParseBase(base)
	if err != nil {
		if opts.BaseURL != "" {
			r.diags = append(r.diags, diag.Diagnostic{Path: "--base-url", Message: err.Error()})
		} else {
			r.report(src, src.ValuePos("base_url", base), "%s: %v", where, err)
		}
	}
	r.site.BaseURL, r.site.BasePath = abs, path
}

// ParseBase checks a base URL and returns it normalised (ending in "/") and
// its path. An empty base gives "" and "/". A base may be an absolute http(s)
// URL or just a path ("/atlas/").
func ParseBase(base string) (abs, path string, err error) {
	if base == "" {
		return "", "/", nil
	}
	u, err := url.Parse(base)
	if err != nil || u.Opaque != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil ||
		(u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme == "") != (u.Host == "") {
		return "", "/", fmt.Errorf("%q is not a base URL: give an absolute http(s) URL such as https://example.org/atlas/ or a path such as /atlas/", base)
	}
	if first, _, _ := strings.Cut(base, "/"); u.Scheme == "" && strings.Contains(first, ".") {
		// example.org/atlas/ is a host without its scheme, more likely
		// than a path whose first folder has a dot (atlas/ is /atlas/).
		return "", "/", fmt.Errorf("%q looks like a host without its scheme: write https://%s, or /%s if it is a path", base, base, base)
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if p != "/" {
		for _, seg := range strings.Split(p[1:len(p)-1], "/") {
			// A browser reads %2e%2e as "..", and an empty segment makes
			// "//roles/" a URL of another host.
			d, err := url.PathUnescape(seg)
			if err != nil || seg == "" || d == "." || d == ".." || strings.ContainsAny(d, "/\\") {
				return "", "/", fmt.Errorf("%q is not a base URL: its path may not contain empty, . or .. segments, or an escaped slash or backslash", base)
			}
		}
	}
	if u.Host == "" {
		return "", p, nil
	}
	return u.Scheme + "://" + u.Host + p, p, nil
}

// editURL checks the site's edit_url: an absolute http(s) URL, which may
// hold {path} where a page's source path goes.
func (r *resolver) editURL(src *content.Page, pattern string) string {
	if pattern == "" {
		return ""
	}
	u, err := url.Parse(strings.ReplaceAll(pattern, "{path}", "content/x.md"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.report(src, src.ValuePos("edit_url", pattern), "edit_url %q is not an absolute http(s) URL: write one such as https://example.org/repo/edit/main/{path}, where {path} stands for a page's file", pattern)
		return ""
	}
	return pattern
}

// EditLink is where page p's source can be edited, or "" when the site
// gives no edit_url.
func (s *Site) EditLink(p *Page) string {
	if s.EditURL == "" || p.Src == nil {
		return ""
	}
	if strings.Contains(s.EditURL, "{path}") {
		return strings.ReplaceAll(s.EditURL, "{path}", p.Src.Path)
	}
	return strings.TrimSuffix(s.EditURL, "/") + "/" + p.Src.Path
}
