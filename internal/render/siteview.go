package render

import (
	"encoding/json"
	"slices"

	"github.com/rolesite/rolesite/internal/site"
)

// SiteView is what every page knows of the site.
type SiteView struct {
	Title       string
	Description string
	BasePath    string // "/" or "/atlas/": the root of every URL
	BaseURL     string // absolute, or "" when the site has no base_url
	HomeURL     string
	Sections    []Link // the navigation
	Glance      []Link // the matrix pages
	Assets      Assets
	// Here is the URL of the page shown when the navigation links it (a
	// section's list, a matrix), else "": the navigation marks the link.
	Here string

	// id is the view's content, exactly (its JSON), by which shared
	// templates keep what they wrote (see sharer); "" for a view not
	// made by NewSiteView, whose templates are then executed every time.
	id string
}

// identify sets v's id from its content.
func (v *SiteView) identify() *SiteView {
	if b, err := json.Marshal(v); err == nil {
		v.id = string(b)
	}
	return v
}

// at is the site view of the page at url: v, or, when the navigation
// links that page, a copy of v whose Here is url.
func (v *SiteView) at(url string) *SiteView {
	here := func(l Link) bool { return l.URL == url }
	if v == nil || !slices.ContainsFunc(v.Sections, here) && !slices.ContainsFunc(v.Glance, here) {
		return v
	}
	c := *v
	c.Here = url
	return c.identify()
}

// Assets are the stylesheets and scripts every page loads: paths relative
// to the output folder when handed to NewSiteView, URLs in a SiteView.
type Assets struct {
	CSS    []string
	HeadJS []string // scripts that must run before first paint (the theme)
	JS     []string // deferred scripts
}

// NewSiteView builds the part of every view that describes the site.
func NewSiteView(s *site.Site, current *site.Section, assets Assets) *SiteView {
	v := &SiteView{
		Title:       s.Title,
		Description: s.Description,
		BasePath:    s.BasePath,
		BaseURL:     s.BaseURL,
		HomeURL:     s.BasePath,
	}
	for _, css := range assets.CSS {
		v.Assets.CSS = append(v.Assets.CSS, s.BasePath+css)
	}
	for _, js := range assets.HeadJS {
		v.Assets.HeadJS = append(v.Assets.HeadJS, s.BasePath+js)
	}
	for _, js := range assets.JS {
		v.Assets.JS = append(v.Assets.JS, s.BasePath+js)
	}
	for _, sec := range s.Sections {
		v.Sections = append(v.Sections, Link{Title: sec.Title, URL: s.BasePath + sec.Name + "/", Summary: sec.Summary, Current: sec == current})
	}
	for _, m := range s.Matrices {
		v.Glance = append(v.Glance, Link{Title: m.Title, URL: s.BasePath + MatrixPath(m)})
	}
	return v.identify()
}
