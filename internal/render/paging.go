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
// of runCut, once the run has runMin pages, or, when none does by runMax,
// before the page of least hash between the two (see nextCut). Adding
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
	for from := 0; ; {
		cut := nextCut(pages, from)
		if cut < 0 {
			break
		}
		runs[len(runs)-1].To = cut
		runs = append(runs, Run{From: cut, Path: folder + "page/" + pages[cut].Slug() + "/"})
		from = cut
	}
	runs[len(runs)-1].To = len(pages)
	return runs
}

// nextCut is where the run starting at from ends: before the first page
// from runMin on whose path hashes to a multiple of runCut; failing one
// within runMax, before the page of least hash from runMin to runMax, so
// that a run cut short is cut by its pages too, not by counting (counting
// moved the cut, and so the next run's address, with every page added or
// removed before it). -1 when the rest of the pages are the last run.
func nextCut(pages []*site.Page, from int) int {
	lo, hi := from+runMin, min(from+runMax, len(pages)-1)
	best, bestHash := -1, uint64(0)
	for i := lo; i <= hi; i++ {
		h := cutHash(pages[i].Src.Path)
		if h%runCut == 0 {
			return i
		}
		if best < 0 || h < bestHash {
			best, bestHash = i, h
		}
	}
	if len(pages)-from <= runMax {
		return -1
	}
	return best
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
// page is named by its number; the previous and next pages also by their
// first page's title. Naming every page by its first title made every
// page of a long list change when one run's first page did (a role added
// at the top, a title edit): a page's pager now reads only its neighbours.
func newPager(s *site.Site, label string, pages []*site.Page, runs []Run, k int) *Pager {
	if len(runs) < 2 {
		return nil
	}
	p := &Pager{Label: label}
	for i, r := range runs {
		p.Pages = append(p.Pages, Link{Title: strconv.Itoa(i + 1), URL: s.BasePath + r.Path, Current: i == k})
	}
	named := func(i int) *Link {
		l := p.Pages[i]
		l.Summary = "From " + pages[runs[i].From].Title()
		return &l
	}
	if k > 0 {
		p.Prev = named(k - 1)
	}
	if k+1 < len(runs) {
		p.Next = named(k + 1)
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
