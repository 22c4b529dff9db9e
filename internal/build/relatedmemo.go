package build

import (
	"hash/maphash"
	"sync"

	"github.com/rolesite/rolesite/internal/keyhash"
	"github.com/rolesite/rolesite/internal/site"
)

// A relatedMemo keeps, from one build to the next, each page's related
// pages (site.Related: the pages of its section sharing the most targets
// with it) by the path of each and the count shared, with a hash of what
// they were worked out from. Working them out for every page is the
// largest part of making the dependency keys (see depKeys), and an edit
// seldom changes more than a few pages' related pages.
//
// What Related reads of page p: whether p's section asks for related
// pages, p's outgoing targets in order, and for each target its incoming
// groups (their section, and unless the group is common, its size and the
// path of each page in it, in order), and the order of the pages of p's
// section, for ties. inputs hashes the groups once a build for every page;
// in place of each member's position it takes the gen of its file (see
// loaded.gen). A page added or removed moves every later page but changes
// the order of no two others, and only a page's own file moves it among
// them (its weight, title or slug): so adding a role at the top of 10,000
// no longer works out every page's related pages again.
type relatedMemo struct {
	seed maphash.Seed

	mu      sync.Mutex
	entries map[string]relatedEntry // by page path
}

type relatedEntry struct {
	key  uint64
	list []relatedPath
}

type relatedPath struct {
	path   string
	shared int
}

func newRelatedMemo() *relatedMemo {
	return &relatedMemo{seed: maphash.MakeSeed(), entries: map[string]relatedEntry{}}
}

// relatedInputs are what the related pages of a build are worked out
// from, hashed once a build, by each regular page's place in Site.Pages
// (see site.Page.Index): the hash of its path, and of its incoming groups
// as Related reads them.
type relatedInputs struct {
	paths, inbound []uint64
}

// inputs hashes the related inputs of every regular page of s.
func (m *relatedMemo) inputs(s *site.Site, gen func(path string) uint64) relatedInputs {
	in := relatedInputs{paths: make([]uint64, len(s.Pages)), inbound: make([]uint64, len(s.Pages))}
	gens := make([]uint64, len(s.Pages))
	var h keyhash.Hash
	for i, p := range s.Pages {
		in.paths[i] = maphash.String(m.seed, p.Src.Path)
		gens[i] = gen(p.Src.Path)
	}
	for i, t := range s.Pages {
		if len(t.In) == 0 {
			continue
		}
		h.Reset(m.seed)
		for _, g := range t.In {
			h.String(g.Section.Name)
			if g.Common() {
				// Related skips the group: its pages, however many,
				// change no related page (a stage every role names).
				h.Int(-1)
				continue
			}
			h.Int(len(g.Pages))
			for _, q := range g.Pages {
				h.Int(int(in.paths[q.Index()]))
				h.Int(int(gens[q.Index()]))
			}
		}
		in.inbound[i] = h.Sum64()
	}
	return in
}

// related returns p's related pages, from the memo when what they are
// worked out from hashes as before; in holds the build's related inputs,
// and h, the caller's, hashes that.
func (m *relatedMemo) related(s *site.Site, p *site.Page, in relatedInputs, h *keyhash.Hash) []relatedPath {
	h.Reset(m.seed)
	h.Int(int(in.paths[p.Index()]))
	h.Int(boolInt(p.Section.Related))
	for _, g := range p.Out {
		h.Int(len(g.Pages))
		for _, t := range g.Pages {
			h.Int(int(in.paths[t.Index()]))
			h.Int(int(in.inbound[t.Index()]))
		}
	}
	key := h.Sum64()
	m.mu.Lock()
	e, ok := m.entries[p.Src.Path]
	m.mu.Unlock()
	if ok && e.key == key {
		return e.list
	}
	var list []relatedPath
	for _, r := range s.Related(p) {
		list = append(list, relatedPath{path: r.Page.Src.Path, shared: r.Shared})
	}
	m.mu.Lock()
	m.entries[p.Src.Path] = relatedEntry{key: key, list: list}
	m.mu.Unlock()
	return list
}

// forget drops the entries of pages a build no longer has, once they
// could be as many as its pages.
func (m *relatedMemo) forget(s *site.Site, pages int) {
	if len(m.entries) <= 2*pages {
		return
	}
	keep := make(map[string]bool, pages)
	for _, sec := range s.Sections {
		for _, p := range sec.Pages {
			keep[p.Src.Path] = true
		}
	}
	for path := range m.entries {
		if !keep[path] {
			delete(m.entries, path)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
