package build

import (
	"bytes"
	"context"
	"sync"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/linkcheck"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/search"
)

// A memorySink keeps a build's files in memory, and what a rebuild can
// reuse (see sink): each page's bytes with the key of the view they were
// rendered from, graph.json's entries, the search indexer, and the last
// good build's files.
type memorySink struct {
	precompress bool
	search      *search.Indexer
	graph       *render.GraphMemo
	last        *output.Files // the last good build's files

	mu    sync.Mutex
	pages map[string]keptPage // output path -> its last rendering

	// verify, when set (by tests), checks every page reused by its
	// dependency key against its view: it is called with the output
	// path of one whose view no longer hashes as it did, which would be
	// a stale page.
	verify func(out string)
}

// A keptPage is a page's bytes, the key of the view they came from and,
// for a page that has one, its dependency key then (see depKeys).
type keptPage struct {
	key, deps uint64
	data      []byte
}

func newMemorySink(precompress bool) *memorySink {
	return &memorySink{precompress: precompress, search: search.NewIndexer(), graph: render.NewGraphMemo(), pages: map[string]keptPage{}}
}

func (m *memorySink) packs() bool { return false }

func (m *memorySink) loadedAll(*loadCache) {}

func (m *memorySink) begin(*linkcheck.Checker, context.CancelCauseFunc) *output.Files { return m.last }

// index keeps the indexer, and so each page's analysis, for the next
// build, and returns every file with its data.
func (m *memorySink) index(n int, doc func(int) search.Doc, _ func(string, []byte)) map[string][]byte {
	return m.search.Index(n, doc)
}

// put has nothing to do: index hands this sink no file through put.
func (m *memorySink) put(string, []byte) {}

func (m *memorySink) remembered(j *pageJob, deps, key func() uint64) bool {
	m.mu.Lock()
	kept, ok := m.pages[j.out]
	m.mu.Unlock()
	if deps != nil {
		j.dkey = deps()
	}
	if ok && deps != nil && kept.deps == j.dkey {
		j.key, j.data = kept.key, kept.data
		if m.verify != nil && key() != kept.key {
			m.verify(j.out)
		}
		return true
	}
	j.key = key()
	if ok && kept.key == j.key {
		j.data = kept.data
		if kept.deps != j.dkey {
			m.mu.Lock()
			m.pages[j.out] = keptPage{key: j.key, deps: j.dkey, data: j.data}
			m.mu.Unlock()
		}
		return true
	}
	return false
}

func (m *memorySink) graphMemo() *render.GraphMemo { return m.graph }

func (m *memorySink) beside() bool { return true }

func (m *memorySink) keeps() bool { return true }

func (m *memorySink) page(j *pageJob, data []byte) {
	j.data = bytes.Clone(data)
	m.mu.Lock()
	m.pages[j.out] = keptPage{key: j.key, deps: j.dkey, data: j.data}
	m.mu.Unlock()
}

// finish adds the compressed siblings of the files this build made, when
// asked for: the others kept theirs.
func (m *memorySink) finish(ctx context.Context, files *output.Files, made []string) diag.List {
	if m.precompress {
		precompress(ctx, files, made)
	}
	return nil
}

func (m *memorySink) feedLinks(ctx context.Context, links *linkcheck.Checker, files *output.Files) {
	feed(ctx, links, files)
}

// end keeps the files of a good build, and forgets the pages it no longer
// has once they could be as many as its files (a page kept for a path
// that is gone is never wrong: it is reused only for the same view and
// templates, which give the same bytes); after a failed build it keeps
// nothing but the pages.
func (m *memorySink) end(files *output.Files) {
	m.last = files
	if files == nil || len(m.pages) <= files.Len() {
		return
	}
	for out := range m.pages {
		if _, ok := files.Get(out); !ok {
			delete(m.pages, out)
		}
	}
}
