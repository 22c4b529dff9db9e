package render

import (
	"hash/maphash"
	"maps"

	"github.com/rolesite/rolesite/internal/keyhash"
)

// A GraphMemo keeps each page's encoded entry of graph.json from one
// build to the next, with a hash of what it is made from (see
// graphInputs): making and encoding an entry costs several times hashing
// its inputs, and after an edit almost every entry is as it was. Entries of pages a build no longer has are
// dropped. It is for one goroutine at a time.
type GraphMemo struct {
	seed    maphash.Seed
	entries map[string]graphEntry // by source path
	seen    map[string]bool       // the paths the build in progress asked for
	h       keyhash.Hash
	key     uint64 // of the page asked for last
}

type graphEntry struct {
	key  uint64
	data []byte
}

// NewGraphMemo returns an empty memo.
func NewGraphMemo() *GraphMemo {
	return &GraphMemo{seed: maphash.MakeSeed(), entries: map[string]graphEntry{}, seen: map[string]bool{}}
}

// start begins a build: entries not asked for since the last start go.
func (m *GraphMemo) start() {
	if m == nil {
		return
	}
	if len(m.seen) > 0 {
		maps.DeleteFunc(m.entries, func(path string, _ graphEntry) bool { return !m.seen[path] })
	}
	clear(m.seen)
}

// get returns the entry kept for the page at path when inputs, which
// hashes what the entry is made from, hashes as it did.
func (m *GraphMemo) get(path string, inputs func(h *keyhash.Hash)) ([]byte, bool) {
	if m == nil {
		return nil, false
	}
	m.seen[path] = true
	m.h.Reset(m.seed)
	inputs(&m.h)
	m.key = m.h.Sum64()
	e, ok := m.entries[path]
	return e.data, ok && e.key == m.key
}

// put keeps data as the entry of the page at path last asked for.
func (m *GraphMemo) put(path string, data []byte) {
	if m != nil {
		m.entries[path] = graphEntry{key: m.key, data: data}
	}
}
