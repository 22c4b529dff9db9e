package site

import (
	"cmp"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/markdown"
)

// An Input is one parsed file with its converted body.
type Input struct {
	Page *content.Page
	Doc  markdown.Result
	// LinkPos, when set, holds the position of each of Doc.Links (the same
	// index) in the file, for a page whose body is no longer at hand (see
	// content.Page.Compact); otherwise the page's BodyPos gives them. The
	// site uses it while resolving and keeps none of it.
	LinkPos []content.Pos
	// ImagePos holds the position of each of Doc.Images in the file: the
	// images are read after resolving, when the body is gone. The page
	// keeps it.
	ImagePos []content.Pos
	// RefPos holds the position of each of Doc.Refs in the file: they are
	// checked once the pages are written. The page keeps it.
	RefPos []content.Pos
}

// Options change how a site is resolved.
type Options struct {
	BaseURL string // overrides base_url from content/_index.md
	Drafts  bool   // keep draft pages
}

// Site is the resolved graph. Nothing in it changes after Resolve returns.
type Site struct {
	Title       string
	Description string
	BaseURL     string // absolute base URL ending in "/", or "" when none was given
	BasePath    string // the path part of BaseURL, "/" at least; every URL starts with it
	UnsafeHTML  bool   // raw HTML in markdown is passed through
	// EditURL is where a page's source file can be edited: an absolute
	// http(s) URL holding {path} (the file's path in the site folder,
	// "content/roles/x.md"), or to which that path is appended; "" when
	// the site gives none.
	EditURL string

	Home     *Page      // content/_index.md
	Sections []*Section // in order
	Pages    []*Page    // every regular page, section by section, each section in order

	Lifecycle *Lifecycle    // nil unless declared
	Matrices  []*MatrixDecl // declared matrix pages

	// Warnings are worth a word, but the site builds: each message
	// starts "warning: " (a relation naming a draft left out, say).
	Warnings diag.List

	// bodies holds what each page's body gives, by Page.body: a site
	// whose pages' bodies alone changed shares every page with the site
	// it was made from, and has bodies of its own (see Rebody).
	bodies []Body
	// byPath and left are Resolve's tables of pages and drafts, by
	// path, for Rebody to resolve body links with.
	byPath map[string]*Page
	left   map[string]*content.Page
	// keptOut is how many pages took their outgoing relations from the
	// site ResolveAfter was given (see keptRelations), keptLinks how many
	// their resolved body links (see unchangedLinks).
	keptOut, keptLinks int
}

// A Section is one folder under content/.
type Section struct {
	Name      string // folder name, e.g. "roles"
	Title     string
	Summary   string
	Index     *Page // the section's _index.md, or nil
	Pages     []*Page
	Relations []*Decl      // declared relations of this section's pages, in declared order
	Fields    []*FieldDecl // declared fields of the section's pages (its schema), in declared order
	Schema    bool         // the section declares fields: its pages may have no other (see schema.go)
	Related   bool         // pages list their most related pages of the section
	Compare   bool         // pages can be compared side by side

	weight  int
	weighed bool
	order   int              // position in Site.Sections
	decls   map[string]*Decl // Relations by field
	// broken are the fields whose declaration is wrong: reported there,
	// once, and not again on every page that uses the field.
	broken map[string]bool
}

// A Decl declares one relation field of a section's pages.
type Decl struct {
	Field   string   // front matter field, e.g. "collaborates_with"
	Target  *Section // the section the field's slugs name
	Label   string   // heading of the outgoing panel
	Inverse string   // heading of the incoming panel on target pages
	// Scale, when declared, lists the levels a qualified link may carry,
	// lowest first (see Group.Quals).
	Scale []string
	// Min and Max bound how many links a page lists (0: no bound).
	Min, Max int

	index   int    // position in the section's Relations
	heading string // Label, or the field's name made readable (see addDecl)
}

// panelLabel is the heading of the outgoing panel: Label, or the field's
// name made readable. A declaration added to its section made it once, for
// every page's group to share.
func (d *Decl) panelLabel() string {
	if d.heading != "" {
		return d.heading
	}
	return cmp.Or(d.Label, humanize(d.Field))
}

// A Page is a page of the site: a regular page, a section index or the home page.
type Page struct {
	// Src is the page's file as resolved: its front matter. Its body, and
	// positions in it, are the Body's (see Site.Body), which a site made
	// by Rebody has anew.
	Src     *content.Page
	Section *Section // nil for the home page
	Kind    Kind
	URL     string   // relative to the base: "roles/data-scientist/", "roles/", "" for home
	Out     []*Group // outgoing relations, one group per field, in declaration order
	In      []*Group // incoming relations, grouped by source section and field
	Aliases []string // output paths of redirect pages: "roles/dl-engineer/index.html"
	aliasAt []int    // the index in Src.Aliases each of Aliases was written at

	body      int    // position in Site.bodies
	order     int    // position in its section
	index     int    // position in Site.Pages
	permalink string // BasePath + URL + "index.html", made once: Permalink, URL and OutPath are pieces of it
}

// Kind tells what a page is.
type Kind int

const (
	KindPage Kind = iota
	KindSection
	KindHome
)

// A Group is one labelled list of related pages.
type Group struct {
	Field   string
	Label   string
	Section *Section // the section the pages belong to
	Pages   []*Page
	// Quals, when a page of the group was given a qualifier, holds the
	// qualifier of each of Pages ("" for none); nil otherwise. A group
	// with qualifiers is ordered by Scale, highest first, then by title.
	Quals []string
	Scale []string // the relation's declared scale, or nil
}

// A Body is what a page's body gives the site: the converted body, with
// the file it was read from, and its links resolved.
type Body struct {
	Src   *content.Page // the file as read: positions in the body are its
	Doc   markdown.Result
	Links []string // resolved URL of each of Doc.Links (for markdown.Fill)
	// ImagePos is the position in the file of each of Doc.Images.
	ImagePos []content.Pos
	// RefPos is the position in the file of each of Doc.Refs.
	RefPos []content.Pos
}

// Body returns what the page's body gives. The caller must not change it.
func (s *Site) Body(p *Page) *Body { return &s.bodies[p.body] }

// Title is the page's title.
func (p *Page) Title() string { return p.Src.Title }

// Summary is the page's summary.
func (p *Page) Summary() string { return p.Src.Summary }

// Slug is the page's slug.
func (p *Page) Slug() string { return p.Src.Slug }

// Permalink is the page's URL path including the base path: "/atlas/roles/x/".
func (s *Site) Permalink(p *Page) string {
	if p.permalink != "" {
		return p.permalink[:len(p.permalink)-len("index.html")]
	}
	return s.BasePath + p.URL
}

// OutPath is the output file of the page: "roles/x/index.html".
func (p *Page) OutPath() string {
	if p.permalink != "" {
		return p.permalink[len(p.permalink)-len(p.URL)-len("index.html"):]
	}
	return p.URL + "index.html"
}

// Index is the section's position in the site's order.
func (s *Section) Order() int { return s.order }

// Position is the page's position in its section.
func (p *Page) Position() int { return p.order }

// Index is a regular page's position in Site.Pages, for tables of what a
// build works out for each page; 0 for the home page and section indexes.
func (p *Page) Index() int { return p.index }
