package build

import (
	"hash/maphash"
	"strconv"
	"sync"
	"time"

	"github.com/rolesite/rolesite/internal/keyhash"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// A rebuild that keeps pages (see memorySink) reuses a page whose view
// hashes as before. Building and hashing every view costs more than
// rendering the few that changed: after a title edit at 10,000 pages it
// was most of the rebuild. So a regular page's job first gets a
// dependency key, which hashes what its view is made from rather than the
// view: when that key is what it was, the view is too, and neither is
// built.
//
// What a regular page's view (render.NewPageView) is made from:
//
//   - the site: its settings and its sections' own files (the gens of
//     content/_index.md and of the section's _index.md, which declare
//     titles, relations, schemas, comparisons and the edit link), and the
//     site part of the view (navigation, matrices, assets), hashed once
//     a build for each section;
//   - the page's own file (its gen: a file read again with the same bytes
//     keeps it), when it last changed, its URL and place in its section,
//     the resolved URLs of its links and the attributes of its images;
//   - for every page it shows (its relation panels both ways, its related
//     pages, its comparisons, its neighbours in the section): that page's
//     title, URL and summary, and the qualifier, scale and shared count
//     that go with it.
//
// A dependency key that misses an input would serve a stale page: the
// tests that edit sites at random check, for every page reused by its
// dependency key, that its view hashes as it did (see memorySink.verify).
type depKeys struct {
	seed maphash.Seed
	site map[*site.Section]uint64 // the site's part of each section's key
	// glance is the site's part of a matrix run's key: the site view
	// without a section, and the gens of every _index.md.
	glance uint64
	// cards hash each regular page's file, title, URL and summary, by
	// section order and position; byIndex holds them by the page's place
	// in Site.Pages (a page's section is one pointer further, and keys
	// look up every page's neighbours' cards); byPath by its path.
	cards   [][]uint64
	byIndex []uint64
	byPath  map[string]uint64
	// related and inputs give each page's related pages (see relatedMemo).
	related *relatedMemo
	inputs  relatedInputs
	prepare func() // makes the above, once
	gen     func(path string) uint64
	stamp   func(p *site.Page) string // when p last changed
}

// key is the dependency key of regular page p's view, whose images have
// the attributes images.
func (d *depKeys) key(h *keyhash.Hash, s *site.Site, p *site.Page, images []string) uint64 {
	d.prepare()
	related := d.related.related(s, p, d.inputs, h) // before h makes the key
	h.Reset(d.seed)
	u64, str := h.Uint64, h.String
	card := func(q *site.Page) { u64(d.byIndex[q.Index()]) }
	u64(d.site[p.Section])
	str(p.Src.Path)
	u64(d.gen(p.Src.Path))
	str(d.stamp(p))
	str(p.URL)
	for _, l := range [][]string{s.Body(p).Links, images} {
		u64(uint64(len(l)))
		for _, v := range l {
			str(v)
		}
	}
	for _, gs := range [][]*site.Group{p.Out, p.In} {
		u64(uint64(len(gs)))
		for _, g := range gs {
			str(g.Field)
			str(g.Label)
			str(g.Section.Name)
			for _, l := range [][]string{g.Scale, g.Quals} {
				u64(uint64(len(l)))
				for _, v := range l {
					str(v)
				}
			}
			u64(uint64(len(g.Pages)))
			for _, q := range g.Pages {
				card(q)
			}
		}
	}
	u64(uint64(len(related)))
	for _, r := range related {
		u64(d.byPath[r.path])
		u64(uint64(r.shared))
	}
	partners := s.ComparePartners(p)
	u64(uint64(len(partners)))
	for _, q := range partners {
		card(q)
	}
	// Its neighbours, not its place: a page added or removed earlier in
	// the section moves every later page, and changes none of their views.
	i, pages := p.Position(), p.Section.Pages
	for _, q := range []int{i - 1, i + 1} {
		if q >= 0 && q < len(pages) {
			card(pages[q])
		} else {
			u64(0)
		}
	}
	return h.Sum64()
}

// depKeys makes the dependency keys of a build's regular pages and of
// list and matrix runs (see runkey.go), whose sections' site views are
// views.
func (c *renderCache) depKeys(s *site.Site, views map[*site.Section]*render.SiteView) *depKeys {
	d := &depKeys{seed: c.seed, gen: c.bodies.gen,
		stamp: func(p *site.Page) string { return c.updated(p).Format(time.RFC3339Nano) }}
	// Made on the first key asked for: a sink that keeps no pages asks
	// for none (see sink.remembered).
	d.prepare = sync.OnceFunc(func() {
		d.site = make(map[*site.Section]uint64, len(s.Sections))
		var home uint64
		if s.Home != nil && s.Home.Src != nil {
			home = c.bodies.gen(s.Home.Src.Path)
		}
		// The cards and the related inputs are each a pass over every
		// page, while the other workers wait: two goroutines share them.
		var wg sync.WaitGroup
		wg.Go(func() { d.cards, d.byIndex, d.byPath = cards(c.seed, s) })
		d.related, d.inputs = c.related, c.related.inputs(s, c.bodies.gen)
		wg.Wait()
		c.related.forget(s, len(d.byPath))
		hasher := newViewHasher(c.seed)
		indexes := ""
		for _, sec := range s.Sections {
			var index uint64
			if sec.Index != nil {
				index = c.bodies.gen(sec.Index.Src.Path)
			}
			prefix := c.templateKey() + render.TemplatePage + "\x00" + sec.Name + "\x00" +
				strconv.FormatUint(home, 36) + "\x00" + strconv.FormatUint(index, 36) + "\x00"
			d.site[sec] = hasher.sum(prefix, views[sec])
			indexes += sec.Name + "\x00" + strconv.FormatUint(index, 36) + "\x00"
		}
		d.glance = hasher.sum(c.templateKey()+render.TemplateMatrix+"\x00"+strconv.FormatUint(home, 36)+"\x00"+indexes, views[nil])
	})
	return d
}

// cards hashes, for every regular page of s, what another page's view
// shows of it: its file, title, URL and summary. It gives them by section
// order and position, by place in Site.Pages, and by path.
func cards(seed maphash.Seed, s *site.Site) ([][]uint64, []uint64, map[string]uint64) {
	bySec := make([][]uint64, len(s.Sections))
	byIndex := make([]uint64, len(s.Pages))
	byPath := make(map[string]uint64, len(s.Pages))
	var h keyhash.Hash
	for i, sec := range s.Sections {
		bySec[i] = make([]uint64, len(sec.Pages))
		for j, q := range sec.Pages {
			h.Reset(seed)
			for _, v := range []string{q.Src.Path, q.Title(), s.Permalink(q), q.Summary()} {
				h.String(v)
			}
			bySec[i][j] = h.Sum64()
			byIndex[q.Index()], byPath[q.Src.Path] = bySec[i][j], bySec[i][j]
		}
	}
	return bySec, byIndex, byPath
}
