package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/site"
)

// Link is a link to a page.
type Link struct {
	Title   string
	URL     string
	Summary string
	Note    string // a short remark shown beside the link, such as "3 in common"
	Current bool   // the link points at the page being rendered (or its section)
	// Qual is the relation's qualifier of the link: a level of its scale
	// or a short text; "" for none. Level is its place on the scale, from
	// 1 (lowest) to Levels, or 0 off a scale.
	Qual          string
	Level, Levels int
	// Compare is the page comparing the page being rendered with the
	// linked one, for a link within a section whose pages are compared
	// (a career move, say); "" otherwise.
	Compare string
}

// Group is a labelled list of links: one relation panel.
type Group struct {
	Label string
	Field string
	Links []Link
	// Total is how many pages the group stands for: more than its links
	// when they lead to the runs of a long list (see NewSearchView).
	Total int
}

// Heading is an entry of a page's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// PageView is what a page template receives.
type PageView struct {
	Site        *SiteView
	Kind        string // "home", "list", "page", "404"
	Section     string // section name, "" for home and 404
	Slug        string
	Title       string
	Summary     string
	URL         string // path including the base: "/atlas/roles/x/"
	Permalink   string // absolute URL when the site has a base URL, else URL
	Content     template.HTML
	Headings    []Heading
	TOC         []Heading // the headings of level 2: the table of contents
	Breadcrumbs []Link    // from home to the parent of this page
	Out         []Group
	In          []Group
	Prev, Next  *Link            // neighbours in section order (regular pages only)
	Pages       []Link           // a list page's pages, in order
	Index       []Group          // the search page's list of every page, by section
	Facts       []Fact           // front matter fields that are neither reserved nor relations
	Related     []Link           // the section's pages sharing the most targets with this one
	CompareURL  string           // the section's comparison page with this page picked, or ""
	CompareWith []Link           // this page's pre-rendered comparisons (on a comparison, its first page's), the current one marked
	Compare     *CompareView     // on a comparison page
	Comparisons *ComparisonsView // on a section's comparison page
	Matrix      *MatrixView      // on a matrix page
	Pager       *Pager           // on a page of a matrix or a list split over several
	Lifecycle   *LifecycleView   // on the home page and the lifecycle section's list
	Params      map[string]any
	Updated     string // "2006-01-02", or ""
	EditURL     string // where the page's source can be edited, or ""
}

// relationGroups are the panels of p's relation groups gs, incoming
// (naming p) when in.
func relationGroups(s *site.Site, p *site.Page, gs []*site.Group, in bool) []Group {
	if len(gs) == 0 {
		return nil
	}
	out := make([]Group, 0, len(gs))
	for _, g := range gs {
		vg := Group{Label: g.Label, Field: g.Field, Links: make([]Link, 0, len(g.Pages))}
		for i, q := range g.Pages {
			l := qualified(Link{Title: q.Title(), URL: s.Permalink(q), Summary: q.Summary(), Current: q == p}, g, i)
			// A qualified edge within a compared section (a career move)
			// links the comparison of its two ends, from its source.
			if g.Quals != nil && g.Section == p.Section {
				if in {
					l.Compare = compareURL(s, q, p)
				} else {
					l.Compare = compareURL(s, p, q)
				}
			}
			vg.Links = append(vg.Links, l)
		}
		out = append(out, vg)
	}
	return out
}

// qualified gives l the qualifier of the i-th page of g.
func qualified(l Link, g *site.Group, i int) Link {
	l.Qual = g.Qual(i)
	if r := g.Rank(i); r >= 0 {
		l.Level, l.Levels = r+1, len(g.Scale)
	}
	return l
}

// A Fact is a plain front matter field shown on the page, such as a
// category or a list of skills.
type Fact struct {
	Field  string
	Label  string
	Values []string
}

// NewPageView builds the view of one page. body is its finished HTML.
func NewPageView(s *site.Site, sv *SiteView, p *site.Page, body string) *PageView {
	v := &PageView{
		Site:    sv,
		Title:   p.Title(),
		Summary: p.Summary(),
		URL:     s.Permalink(p),
		Content: template.HTML(body),
		Params:  p.Src.Params,
		Slug:    p.Slug(),
	}
	v.locate(s)
	if !p.Src.Updated.IsZero() {
		v.Updated = p.Src.Updated.Format("2006-01-02")
	}
	v.EditURL = s.EditLink(p)
	headings := s.Body(p).Doc.Headings
	if len(headings) > 0 {
		v.Headings = make([]Heading, len(headings))
	}
	for i, h := range headings {
		v.Headings[i] = Heading{Level: h.Level, ID: h.ID, Text: h.Text}
		if h.Level == 2 {
			v.TOC = append(v.TOC, v.Headings[i])
		}
	}
	link := func(q *site.Page) Link {
		return Link{Title: q.Title(), URL: s.Permalink(q), Summary: q.Summary(), Current: q == p}
	}
	v.Out, v.In = mergeSymmetric(relationGroups(s, p, p.Out, false), relationGroups(s, p, p.In, true), symmetric(p))
	v.Facts = facts(p)
	home := Link{Title: s.Title, URL: s.BasePath}
	switch p.Kind {
	case site.KindHome:
		v.Kind = TemplateHome
	case site.KindSection:
		v.Kind = TemplateList
		v.Section = p.Section.Name
		v.Breadcrumbs = []Link{home}
		listPage(v, s, p.Section, ListRuns(p.Section), 0)
	case site.KindPage:
		v.Kind = TemplatePage
		v.Section = p.Section.Name
		v.Breadcrumbs = []Link{home, {Title: p.Section.Title, URL: s.BasePath + p.Section.Name + "/"}}
		for _, r := range s.Related(p) {
			l := link(r.Page)
			l.Note = strconv.Itoa(r.Shared) + " in common"
			v.Related = append(v.Related, l)
		}
		if Compared(p.Section) {
			v.CompareURL = PickURL(s, p, nil)
			v.CompareWith = compareWith(s, p, nil)
		}
		pages := p.Section.Pages
		if i := p.Position(); i > 0 {
			l := link(pages[i-1])
			v.Prev = &l
		}
		if i := p.Position(); i+1 < len(pages) {
			l := link(pages[i+1])
			v.Next = &l
		}
	}
	return v
}

// NewSectionView builds the list view of a section that has no _index.md.
func NewSectionView(s *site.Site, sv *SiteView, sec *site.Section) *PageView {
	v := &PageView{Site: sv, Kind: TemplateList, Section: sec.Name, Title: sec.Title, Summary: sec.Summary,
		URL: s.BasePath + sec.Name + "/", Params: map[string]any{}}
	v.locate(s)
	v.Breadcrumbs = []Link{{Title: s.Title, URL: s.BasePath}}
	listPage(v, s, sec, ListRuns(sec), 0)
	return v
}

// NewSearchView builds the search page: with JavaScript it searches; without,
// it lists every page by section, so nothing is out of reach. A section
// whose list is split into runs (see Split) is listed by its runs, one
// link each: at 10,000 pages, listing them all made a page of half a
// megabyte that every visitor downloaded, and every title edit rewrote.
func NewSearchView(s *site.Site, sv *SiteView) *PageView {
	v := &PageView{Site: sv, Kind: TemplateSearch, Title: "Search", Summary: "Search every page of " + s.Title + ", or browse them all below.",
		URL: s.BasePath + "search/", Params: map[string]any{}}
	v.locate(s)
	v.Breadcrumbs = []Link{{Title: s.Title, URL: s.BasePath}}
	for _, sec := range s.Sections {
		g := Group{Label: sec.Title, Field: sec.Name, Total: len(sec.Pages)}
		if runs := ListRuns(sec); len(runs) > 1 {
			for _, r := range runs {
				first, last := sec.Pages[r.From], sec.Pages[r.To-1]
				g.Links = append(g.Links, Link{Title: first.Title() + " to " + last.Title(), URL: s.BasePath + r.Path,
					Note: strconv.Itoa(r.To-r.From) + " pages"})
			}
		} else {
			for _, q := range sec.Pages {
				g.Links = append(g.Links, Link{Title: q.Title(), URL: s.Permalink(q), Summary: q.Summary()})
			}
		}
		v.Index = append(v.Index, g)
	}
	return v
}

// NewNotFoundView builds the view of 404.html.
func NewNotFoundView(s *site.Site, sv *SiteView) *PageView {
	v := &PageView{Site: sv, Kind: TemplateNotFound, Title: "Page not found", URL: s.BasePath + "404.html", Params: map[string]any{}}
	v.locate(s)
	return v
}

// locate sets what follows from the page's URL: its permalink, and the
// site view's Here.
func (v *PageView) locate(s *site.Site) {
	v.Permalink = absolute(s, v.URL)
	v.Site = v.Site.at(v.URL)
}

// mergeSymmetric folds an incoming group into the outgoing group of the
// same field and label when sym says the field is symmetric (see
// symmetric), so the page shows one panel listing each page once. Any
// other pair keeps its direction, even where the two labels happen to be
// the same word (an undeclared relation within a section, headed by the
// section's title both ways).
func mergeSymmetric(out, in []Group, sym func(field string) bool) ([]Group, []Group) {
	var rest []Group
	for _, g := range in {
		i := slices.IndexFunc(out, func(o Group) bool { return o.Field == g.Field && o.Label == g.Label })
		if i < 0 || !sym(g.Field) {
			rest = append(rest, g)
			continue
		}
		for _, l := range g.Links {
			if !slices.ContainsFunc(out[i].Links, func(o Link) bool { return o.URL == l.URL }) {
				out[i].Links = append(out[i].Links, l)
			}
		}
	}
	return out, rest
}

// symmetric tells which fields of p's section are symmetric relations: a
// relation to the section itself, declared with the same word both ways
// (collaborates_with: {section: roles, label: Works with, inverse: Works
// with}): an explicit inverse, which mergeSymmetric finds equal to the
// label. Only such a declaration says that a link either way is the same
// bond.
func symmetric(p *site.Page) func(field string) bool {
	return func(field string) bool {
		if p.Section == nil {
			return false
		}
		i := slices.IndexFunc(p.Section.Relations, func(d *site.Decl) bool { return d.Field == field })
		if i < 0 {
			return false
		}
		d := p.Section.Relations[i]
		return d.Target == p.Section && d.Inverse != ""
	}
}

// declaredScalar tells whether sec's schema declares field a number, a
// date or a boolean: shown among the facts, as text, which an undeclared
// number (a template's own setting, say) is not.
func declaredScalar(sec *site.Section, field string) bool {
	t := declaredType(sec, field)
	return t == "number" || t == "date" || t == "boolean"
}

// declaredType is the type sec's schema declares for field, or "".
func declaredType(sec *site.Section, field string) string {
	if i := slices.IndexFunc(sec.Fields, func(f *site.FieldDecl) bool { return f.Name == field }); i >= 0 {
		return sec.Fields[i].Type
	}
	return ""
}

// facts lists the page's plain string and list-of-string fields, and the
// numbers, dates and booleans its section declares, in the order they
// appear in the file.
func facts(p *site.Page) []Fact {
	if p.Kind != site.KindPage {
		return nil
	}
	var fields []string
	for field, v := range p.Src.Params {
		if site.Reserved(field) || slices.ContainsFunc(p.Section.Relations, func(d *site.Decl) bool { return d.Field == field }) {
			continue
		}
		switch v.(type) {
		case string, []string, []any:
			fields = append(fields, field)
		default:
			if declaredScalar(p.Section, field) {
				fields = append(fields, field)
			}
		}
	}
	slices.Sort(fields)
	var out []Fact
	for _, field := range p.Src.Order(fields) {
		var values []string
		v := p.Src.Params[field]
		if d, ok := content.Date(v); ok && declaredType(p.Section, field) == "date" {
			v = d
		}
		switch v := v.(type) {
		case string:
			values = []string{v}
		case bool:
			values = []string{"No"}
			if v {
				values = []string{"Yes"}
			}
		case time.Time:
			values = []string{v.Format("2 January 2006")}
		case int, int64, uint64, float64, json.Number:
			values = []string{fmt.Sprint(v)}
		default:
			list, bad := content.Strings(v)
			if bad != "" {
				continue
			}
			values = list
		}
		if len(values) > 0 {
			out = append(out, Fact{Field: field, Label: site.Humanize(field), Values: values})
		}
	}
	return out
}

// Absolute returns the absolute URL of a path under the base when the site
// has a base URL, and the path itself otherwise.
func Absolute(s *site.Site, urlPath string) string { return absolute(s, urlPath) }

func absolute(s *site.Site, urlPath string) string {
	// The base path is escaped already; a page's URL is as its file is
	// named (/teams/ünïcode/), and a URL outside an HTML attribute, which
	// html/template would escape, must be escaped here: in a sitemap, a
	// feed or og:url.
	rest := (&url.URL{Path: urlPath[len(s.BasePath):]}).EscapedPath()
	if s.BaseURL == "" {
		return s.BasePath + rest
	}
	return s.BaseURL + rest
}

// ReservedIDs are the element IDs the default templates use; headings in
// content never get them, so IDs stay unique on every page.
func ReservedIDs() []string {
	return []string{"main", "top", "site-header", "site-nav", "search-q", "search-results", "theme-toggle", "toc",
		"relations", "footer", "related-title", "lifecycle-title", "matrix-caption"}
}
