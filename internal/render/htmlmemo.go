package render

import (
	"encoding/binary"
	"hash/maphash"
	"html/template"
)

// An htmlMemo keeps what a template wrote under a key made of strings and
// numbers (see memoKey), in memory that holds no pointers: the keys and
// the HTML are copied into chunks of chunkSize bytes, each one string,
// and indexed by the key's hash. A map keyed by the values themselves
// would hold an object or two for every entry, which the garbage
// collector traces at every collection: at 50,000 pages the memos of the
// each and link functions keep some 200,000 entries, a tenth of all the
// objects a build holds while its pages render.
//
// A hit in a full chunk returns a substring of it, so costs no
// allocation; a hit in the chunk being filled copies the HTML out. A hash
// that matches a different key is a miss. The memo is not safe for
// concurrent use.
type htmlMemo struct {
	seed  maphash.Seed
	max   int // the bytes kept before the memo starts again
	index map[uint64]memoEntry
	// full are the chunks filled; cur is the one being filled, chunk
	// len(full) of the entries.
	full []string
	cur  []byte
	size int // the bytes of full
	key  memoKey
}

// A memoEntry locates a key and the HTML after it in a chunk.
type memoEntry struct{ chunk, off, klen, hlen uint32 }

// chunkSize is the size of a chunk; an entry larger than a quarter of it
// is not kept.
const chunkSize = 64 << 10

func newHTMLMemo(max int) *htmlMemo {
	return &htmlMemo{seed: maphash.MakeSeed(), max: max, index: map[uint64]memoEntry{}}
}

// A memoKey is a key being written: each value is written with its
// length or as a varint, so that two different lists of values never
// write the same bytes.
type memoKey struct{ b []byte }

func (k *memoKey) str(s string) {
	k.b = binary.AppendUvarint(k.b, uint64(len(s)))
	k.b = append(k.b, s...)
}

func (k *memoKey) num(n int) { k.b = binary.AppendVarint(k.b, int64(n)) }

func (k *memoKey) flag(v bool) {
	if v {
		k.b = append(k.b, 1)
	} else {
		k.b = append(k.b, 0)
	}
}

// newKey starts the memo's key anew and returns it, to be written and then
// passed to get or put before the next newKey.
func (m *htmlMemo) newKey() *memoKey {
	m.key.b = m.key.b[:0]
	return &m.key
}

// get returns the HTML kept under the key last written.
func (m *htmlMemo) get() (template.HTML, bool) {
	e, ok := m.index[maphash.Bytes(m.seed, m.key.b)]
	if !ok {
		return "", false
	}
	k, h := e.off, e.off+e.klen
	if int(e.chunk) < len(m.full) {
		c := m.full[e.chunk]
		if c[k:h] != string(m.key.b) {
			return "", false
		}
		return template.HTML(c[h : h+e.hlen]), true
	}
	if string(m.cur[k:h]) != string(m.key.b) {
		return "", false
	}
	return template.HTML(m.cur[h : h+e.hlen]), true
}

// put keeps h under the key last written. Past the memo's bound it starts
// again from nothing.
func (m *htmlMemo) put(h template.HTML) {
	n := len(m.key.b) + len(h)
	if n > chunkSize/4 {
		return
	}
	if len(m.cur)+n > chunkSize {
		m.full = append(m.full, string(m.cur))
		m.size += len(m.cur)
		m.cur = m.cur[:0]
		if m.size >= m.max {
			clear(m.index)
			m.full, m.size = nil, 0
		}
	}
	if m.cur == nil {
		m.cur = make([]byte, 0, chunkSize)
	}
	e := memoEntry{chunk: uint32(len(m.full)), off: uint32(len(m.cur)), klen: uint32(len(m.key.b)), hlen: uint32(len(h))}
	m.cur = append(append(m.cur, m.key.b...), h...)
	m.index[maphash.Bytes(m.seed, m.key.b)] = e
}

// len is the number of entries kept.
func (m *htmlMemo) len() int { return len(m.index) }
