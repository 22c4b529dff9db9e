package render

import (
	"net/url"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/site"
)

// CompareView sets two pages side by side.
type CompareView struct {
	A, B Link
	Swap string // the comparison of B with A: its page, or the pick on the section's
	// Gap is what B has at a higher level than A, per relation with a
	// scale (in each row's OnlyB): the skill gap of a move from A to B.
	Gap  []CompareRow
	Rows []CompareRow
}

// CompareRow is one field compared.
type CompareRow struct {
	Field  string // the front matter field compared
	Label  string
	Shared []CompareItem
	OnlyA  []CompareItem
	OnlyB  []CompareItem
}

// A CompareItem is one value compared: a link (without URL, a plain value)
// and the qualifier each side gives it, "" for none.
type CompareItem struct {
	Link
	A, B string
}

// ComparisonsView is a section's comparison page: the profile of every
// page, any two of which the reader puts side by side.
type ComparisonsView struct {
	Profiles []ProfileView
}

// ProfileView is one page's profile: its fields as comparisons see them.
type ProfileView struct {
	Link
	Slug   string
	Fields []ProfileFieldView
}

// ProfileFieldView is one field of a profile; its items carry the page's
// qualifier in A.
type ProfileFieldView struct {
	Field string
	Label string
	Decl  int    // the relation's declaration index, -1 for a list of strings
	Scale string // the scale's levels, lowest first, joined by "|"; "" for none
	Items []CompareItem
}

// ComparePath is the folder of the page comparing a with b.
func ComparePath(a, b *site.Page) string { return a.URL + "vs/" + b.Slug() + "/" }

// ComparisonsPath is the folder of the comparison page of a section.
func ComparisonsPath(sec *site.Section) string { return "compare/" + sec.Name + "/" }

// Compared reports whether sec has a comparison page: it declares
// compare: true and has two pages to compare.
func Compared(sec *site.Section) bool { return sec != nil && sec.Compare && len(sec.Pages) > 1 }

// PickURL is the section's comparison page with a, and b unless nil,
// picked: the comparison of any pair, pre-rendered or not.
func PickURL(s *site.Site, a, b *site.Page) string {
	q := "?a=" + url.QueryEscape(a.Slug())
	if b != nil {
		q += "&b=" + url.QueryEscape(b.Slug())
	}
	return s.BasePath + ComparisonsPath(a.Section) + q
}

// compareURL is where a is compared with b: their page when it is
// pre-rendered, else the pick on the section's comparison page; "" when
// the section is not compared.
func compareURL(s *site.Site, a, b *site.Page) string {
	switch {
	case !Compared(a.Section):
		return ""
	case slices.Contains(s.ComparePartners(a), b):
		return s.BasePath + ComparePath(a, b)
	}
	return PickURL(s, a, b)
}

// NewCompareView builds the page comparing a with b.
func NewCompareView(s *site.Site, sv *SiteView, a, b *site.Page) *PageView {
	c := s.Compare(a, b)
	v := &PageView{Site: sv, Kind: TemplateCompare, Section: a.Section.Name, Title: a.Title() + " and " + b.Title(),
		URL: s.BasePath + ComparePath(a, b), Params: map[string]any{}}
	v.Summary = "What " + a.Title() + " and " + b.Title() + " share, and where they differ."
	v.locate(s)
	v.Breadcrumbs = []Link{{Title: s.Title, URL: s.BasePath}, {Title: a.Section.Title, URL: s.BasePath + a.Section.Name + "/"},
		{Title: a.Title(), URL: s.Permalink(a)}, {Title: "Compare", URL: PickURL(s, a, nil)}}
	rows := func(rs []site.CompareRow) []CompareRow {
		var out []CompareRow
		for _, r := range rs {
			out = append(out, CompareRow{Field: r.Field, Label: r.Label, Shared: compareItems(s, r.Shared), OnlyA: compareItems(s, r.OnlyA), OnlyB: compareItems(s, r.OnlyB)})
		}
		return out
	}
	v.Compare = &CompareView{A: Link{Title: a.Title(), URL: s.Permalink(a), Summary: a.Summary()}, B: Link{Title: b.Title(), URL: s.Permalink(b), Summary: b.Summary()},
		Swap: compareURL(s, b, a), Gap: rows(c.Gap), Rows: rows(c.Rows)}
	v.CompareURL = PickURL(s, a, nil)
	v.CompareWith = compareWith(s, a, b)
	return v
}

// compareItems are the view of compared items.
func compareItems(s *site.Site, its []site.Item) []CompareItem {
	out := make([]CompareItem, len(its))
	for i, it := range its {
		out[i] = CompareItem{Link: Link{Title: it.Text}, A: it.QualA, B: it.QualB}
		if it.Page != nil {
			out[i].URL = s.Permalink(it.Page)
		}
	}
	return out
}

// compareWith lists the comparison pages of a, marking the one with current.
func compareWith(s *site.Site, a, current *site.Page) []Link {
	var out []Link
	for _, b := range s.ComparePartners(a) {
		out = append(out, Link{Title: b.Title(), URL: s.BasePath + ComparePath(a, b), Current: b == current})
	}
	return out
}

// NewComparisonsView builds the comparison page of a section: every page's
// profile, so that any two can be compared, with or without JavaScript.
func NewComparisonsView(s *site.Site, sv *SiteView, sec *site.Section) *PageView {
	v := &PageView{Site: sv, Kind: TemplateComparisons, Section: sec.Name, Title: "Compare " + lowerFirst(sec.Title),
		URL: s.BasePath + ComparisonsPath(sec), Params: map[string]any{}}
	v.Summary = "Put any two of the " + lowerFirst(sec.Title) + " side by side: what they share, and where they differ."
	v.locate(s)
	v.Breadcrumbs = []Link{{Title: s.Title, URL: s.BasePath}, {Title: sec.Title, URL: s.BasePath + sec.Name + "/"}}
	cv := &ComparisonsView{Profiles: make([]ProfileView, 0, len(sec.Pages))}
	for _, p := range sec.Pages {
		pv := ProfileView{Link: Link{Title: p.Title(), URL: s.Permalink(p), Summary: p.Summary()}, Slug: p.Slug()}
		for _, f := range s.Profile(p) {
			pv.Fields = append(pv.Fields, ProfileFieldView{Field: f.Field, Label: f.Label, Decl: f.Decl,
				Scale: strings.Join(f.Scale, "|"), Items: compareItems(s, f.Items)})
		}
		cv.Profiles = append(cv.Profiles, pv)
	}
	v.Comparisons = cv
	return v
}
