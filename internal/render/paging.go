package render

import (
	"hash/fnv"
	"strconv"

	"github.com/rolesite/rolesite/internal/site"
)

// A long list of pages (a section's list, a matrix's rows) is split over
// several pages, so that no page of the site grows with the site: at
// 10,000 pages one list of every role was 1.3 MB of HTML and one matrix
// 6 MB, and every title edit rendered them again.
//
// Where a run of the list ends is decided by the pages themselves, not
// by counting: a run ends before a page whose path hashes to a multiple
// of runCut, once the run has runMin pages, or when it has runMax. Adding
// or removing a page then changes its own run and, rarely, the one after,
// where counting would move every later page to another run; and a run's
// address is its first page's slug, not its number, so the runs that did
// not change keep their address and their bytes. Runs hold about 200
// pages.
const (
	runMin = 100
	runMax = 300
	runCut = 100
)

// A Run is the pages From to To (excluded) of a split list, and the
// folder of the page showing them, relative to the base.
type Run struct {
	From, To int
	Path     string
}

// Split splits pages, in their order, into runs: the first at folder, each
// other at folder + "page/" + its first page's slug + "/".
func Split(folder string, pages []*site.Page) []Run {
	runs := []Run{{From: 0, Path: folder}}
	for i := 1; i < len(pages); i++ {
		n := i - runs[len(runs)-1].From
		if n >= runMax || n >= runMin && cutHash(pages[i].Src.Path)%runCut == 0 {
			runs[len(runs)-1].To = i
			runs = append(runs, Run{From: i, Path: folder + "page/" + pages[i].Slug() + "/"})
		}
	}
	runs[len(runs)-1].To = len(pages)
	return runs
}

// cutHash is the 64-bit FNV-1a hash of a page's path.
func cutHash(path string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(path))
	return h.Sum64()
}

// A Pager links the pages of a split list: each page's link (Current on
// the one shown), and the one before and after.
type Pager struct {
	Label      string // what the pages hold, for the navigation's name
	Pages      []Link
	Prev, Next *Link
}

// newPager is the pager of run k of runs of pages; nil for one run. Each
// page is named by its number, and its first page's title.
func newPager(s *site.Site, label string, pages []*site.Page, runs []Run, k int) *Pager {
	if len(runs) < 2 {
		return nil
	}
	p := &Pager{Label: label}
	for i, r := range runs {
		p.Pages = append(p.Pages, Link{Title: strconv.Itoa(i + 1), URL: s.BasePath + r.Path,
			Summary: "From " + pages[r.From].Title(), Current: i == k})
	}
	if k > 0 {
		p.Prev = &p.Pages[k-1]
	}
	if k+1 < len(runs) {
		p.Next = &p.Pages[k+1]
	}
	return p
}

// ListRuns are the runs of section sec's list.
func ListRuns(sec *site.Section) []Run { return Split(sec.Name+"/", sec.Pages) }

// listPage gives v the cards and the pager of run k (from 0) of section
// sec's list, whose runs are runs.
func listPage(v *PageView, s *site.Site, sec *site.Section, runs []Run, k int) {
	r := runs[k]
	for _, q := range sec.Pages[r.From:r.To] {
		v.Pages = append(v.Pages, Link{Title: q.Title(), URL: s.Permalink(q), Summary: q.Summary()})
	}
	v.Pager = newPager(s, sec.Title+" pages", sec.Pages, runs, k)
}

// NewListPageView builds the page of run k (from 1) of section sec's
// list, whose runs are runs: its cards and pager, under the section's
// title; the section's own text and lifecycle are on the first page.
func NewListPageView(s *site.Site, sv *SiteView, sec *site.Section, runs []Run, k int) *PageView {
	v := &PageView{Site: sv, Kind: TemplateList, Section: sec.Name, Summary: sec.Summary,
		URL: s.BasePath + runs[k].Path, Params: map[string]any{}}
	v.Title = sec.Title + ", from " + sec.Pages[runs[k].From].Title()
	v.locate(s)
	v.Breadcrumbs = []Link{{Title: s.Title, URL: s.BasePath}, {Title: sec.Title, URL: s.BasePath + sec.Name + "/"}}
	listPage(v, s, sec, runs, k)
	return v
}
