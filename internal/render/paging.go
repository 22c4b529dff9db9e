package render

import (
	"fmt"
	"strconv"

	"github.com/rolesite/rolesite/internal/site"
)

// ListPageSize is how many pages a section's list shows on one page: at
// 10,000 pages one list of every role was 1.3 MB of HTML, rendered again
// whenever a role's title changed. Page k of a longer list is the
// section's folder, then page/k/ (ListPagePath).
const ListPageSize = 200

// ListPagePath is the output folder of page k (from 1) of section sec's
// list, relative to the base.
func ListPagePath(sec *site.Section, k int) string {
	if k <= 1 {
		return sec.Name + "/"
	}
	return sec.Name + "/page/" + strconv.Itoa(k) + "/"
}

// ListPages is how many pages section sec's list takes (at least one).
func ListPages(sec *site.Section) int { return max(1, (len(sec.Pages)+ListPageSize-1)/ListPageSize) }

// listPage gives v the cards and the pager of page k of section sec's
// list.
func listPage(v *PageView, s *site.Site, sec *site.Section, k int) {
	from := min(len(sec.Pages), (k-1)*ListPageSize)
	for _, q := range sec.Pages[from:min(len(sec.Pages), from+ListPageSize)] {
		v.Pages = append(v.Pages, Link{Title: q.Title(), URL: s.Permalink(q), Summary: q.Summary()})
	}
	v.Pager = newPager(sec.Title+" pages", len(sec.Pages), ListPageSize, k, sec.Title,
		func(i int) string { return s.BasePath + ListPagePath(sec, i) })
}

// NewListPageView builds page k (from 2) of section sec's list: its
// cards and pager, under the section's title; the section's own text
// and lifecycle are on the first page.
func NewListPageView(s *site.Site, sv *SiteView, sec *site.Section, k int) *PageView {
	v := &PageView{Site: sv, Kind: TemplateList, Section: sec.Name, Title: sec.Title, Summary: sec.Summary,
		URL: s.BasePath + ListPagePath(sec, k), Params: map[string]any{}}
	v.Permalink = absolute(s, v.URL)
	v.Breadcrumbs = []Link{{Title: s.Title, URL: s.BasePath}, {Title: sec.Title, URL: s.BasePath + sec.Name + "/"}}
	listPage(v, s, sec, k)
	from := (k-1)*ListPageSize + 1
	v.Title = fmt.Sprintf("%s, %d–%d of %d", sec.Title, from, min(len(sec.Pages), k*ListPageSize), len(sec.Pages))
	return v
}

// A Pager links the pages of something split over several (a matrix, a
// section's list): each page's
// link (Current on the one shown), and the one before and after.
type Pager struct {
	Label      string // what the pages hold, for the navigation's name
	Pages      []Link
	Prev, Next *Link
}

// newPager is the pager of page k of n items shown size to a page, the
// items being what; url is page i's URL. Nil when one page holds them all.
func newPager(label string, n, size, k int, what string, url func(i int) string) *Pager {
	pages := max(1, (n+size-1)/size)
	if pages == 1 {
		return nil
	}
	p := &Pager{Label: label}
	for i := 1; i <= pages; i++ {
		from, to := (i-1)*size, min(n, i*size)
		p.Pages = append(p.Pages, Link{Title: strconv.Itoa(i), URL: url(i),
			Summary: fmt.Sprintf("%s %d–%d", what, from+1, to), Current: i == k})
	}
	if k > 1 {
		p.Prev = &p.Pages[k-2]
	}
	if k < pages {
		p.Next = &p.Pages[k]
	}
	return p
}
