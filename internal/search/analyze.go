package search

import (
	"bytes"
	"context"
	"encoding/binary"

	"github.com/rolesite/rolesite/internal/pool"
)

// An analysis analyses pages on a few goroutines. It keeps its analyzers
// from call to call, for their buffers and term caches.
type analysis struct{ analyzers []*analyzer }

// analyzeGrain is how many pages an analyzer takes at a time.
const analyzeGrain = 32

// run makes the pages of the n docs that doc makes, by position, numbering
// new terms in dict. A doc whose hash is that of the previous call's page
// of its path reuses that page; the others are analysed. doc is called
// once for each position, from a few goroutines at once.
//
// put, when not nil, takes each page's passages file as it is made, and
// must not keep it: the analyzer writes the next page's over it. The page
// keeps none.
func (an *analysis) run(dict *dictionary, memo *pageMemo, n int, doc func(int) Doc, put func(name string, data []byte)) []*page {
	pages := make([]*page, n)
	if n == 0 {
		return pages
	}
	k := pool.Workers(n, analyzeGrain)
	for len(an.analyzers) < k {
		an.analyzers = append(an.analyzers, newAnalyzer(dict))
	}
	done := make([][]*page, k)
	pool.Ranges(context.Background(), n, analyzeGrain, func(w, lo, hi int) {
		a := an.analyzers[w]
		for i := lo; i < hi; i++ {
			d := doc(i)
			h := memo.hash(&d)
			if p := memo.reuse(&d, h); p != nil {
				pages[i] = p
				continue
			}
			p := &page{path: d.Path, file: passagesFile(d.Path), title: d.Title, section: d.Section, secTitle: d.SectionTitle,
				filterLabel: d.FilterLabel, filter: d.Filter, hash: h}
			a.analyze(p, &d)
			p.snippet = snippet(d)
			a.pass = appendPassages(a.pass[:0], &d)
			if put != nil {
				put(p.file, a.pass)
			} else {
				p.passages = bytes.Clone(a.pass)
			}
			pages[i] = p
			done[w] = append(done[w], p)
		}
	})
	an.merge(dict, done)
	return pages
}

// merge numbers in dict the terms it lacked, which the analyzers numbered
// on their own, and rewrites the local numbers in the pages done[w] that
// analyzer w analysed. The first index adopts the first analyzer's
// dictionary as it is.
func (an *analysis) merge(dict *dictionary, done [][]*page) {
	analyzers := an.analyzers[:len(done)]
	base := int32(len(dict.terms))
	if base == 0 {
		a := analyzers[0]
		*dict, a.local = a.local, *dict
		done[0] = nil
	}
	for w, a := range analyzers {
		if len(a.local.terms) == 0 {
			continue
		}
		global := make([]int32, len(a.local.terms))
		for i, t := range a.local.terms {
			id, ok := dict.lookupString(t)
			if !ok {
				id = dict.add(t)
			}
			global[i] = id
		}
		for _, p := range done[w] {
			for j, id := range p.terms {
				if id >= base {
					p.terms[j] = global[id-base]
				}
			}
		}
	}
	for _, a := range analyzers {
		a.renumbered()
	}
}

// renumbered tells every analyzer that the dictionary numbered its terms
// anew.
func (an *analysis) renumbered() {
	for _, a := range an.analyzers {
		a.renumbered()
	}
}

// An analyzer turns pages into their terms and scores. Terms are numbered
// in a dictionary: the indexer's shared one, read-only while analyzers
// run, and the analyzer's own for terms the shared one lacks, numbered
// from len(shared) on until the indexer merges them in. One analyzer
// serves one goroutine; it reuses its buffers from page to page, so a
// term costs a look-up in a small cache, or in the dictionaries, and no
// allocation.
type analyzer struct {
	shared    *dictionary
	local     dictionary
	recent    *termCache
	buf       []byte
	page      []hit      // by term number: the current page's hits
	seen      []int32    // term numbers in page order of first occurrence
	nameTerms []nameTerm // the terms of the name being marked
	forms     dictionary // the tokens seen, lower-cased, numbered: the forms of terms
	stems     []string   // by form number: the form's term
	fbuf      []byte     // the current page's forms
	pass      []byte     // the current page's passages file
}

func newAnalyzer(shared *dictionary) *analyzer {
	return &analyzer{shared: shared, recent: new(termCache)}
}

// renumbered forgets the term numbers the analyzer knows, once the
// dictionary numbered its terms anew.
func (a *analyzer) renumbered() {
	a.local.reset()
	clear(a.recent[:])
}

// analyze sets p.terms and p.scores from d.
func (a *analyzer) analyze(p *page, d *Doc) {
	a.mark(d.Title, inTitle)
	for _, s := range d.Aliases {
		a.mark(s, inAlias)
	}
	for _, h := range d.Headings {
		a.mark(h.Text, inHeading)
	}
	a.mark(d.Summary, inSummary)
	bodyLen := a.mark(d.Text, 0)
	a.name(d.Title)
	for _, s := range d.Aliases {
		a.name(s)
	}
	p.terms = make([]int32, len(a.seen))
	p.scores = make([]value, len(a.seen))
	p.formEnd = make([]uint32, len(a.seen))
	a.fbuf = a.fbuf[:0]
	for i, id := range a.seen {
		h := &a.page[id]
		p.terms[i] = id
		p.scores[i] = makeValue(uint8(h.score(bodyLen)), h.names)
		if f := a.forms.terms[h.form-1]; f != a.term(id) {
			a.fbuf = append(a.fbuf, f...)
		}
		p.formEnd[i] = uint32(len(a.fbuf))
		*h = hit{}
	}
	p.forms = string(a.fbuf)
	a.seen = a.seen[:0]
}

// term spells the term numbered id.
func (a *analyzer) term(id int32) string {
	if n := int32(len(a.shared.terms)); id >= n {
		return a.local.terms[id-n]
	}
	return a.shared.terms[id]
}

// shorter reports whether form f comes before form g: it is shorter, or
// as long and first in byte order.
func (a *analyzer) shorter(f, g int32) bool {
	x, y := a.forms.terms[f], a.forms.terms[g]
	return len(x) < len(y) || len(x) == len(y) && x < y
}

// mark records the terms of text as occurring in field f, or in the body
// if f is 0, and returns how many tokens it has.
func (a *analyzer) mark(text string, f field) (tokens int) {
	for i := 0; ; tokens++ {
		start, end, ascii := scanTerm(text, i)
		if start == end {
			return tokens
		}
		i = end
		id, form := a.id(text, start, end, ascii)
		if int(id) >= len(a.page) {
			a.page = append(a.page, make([]hit, int(id)+1-len(a.page)+len(a.page)/2)...)
		}
		h := &a.page[id]
		if *h == (hit{}) {
			a.seen = append(a.seen, id)
		}
		if h.form != form+1 && (h.form == 0 || a.shorter(form, h.form-1)) {
			h.form = form + 1 // the page's form of the term: its shortest word for it
		}
		if f == 0 {
			h.addBody()
		} else {
			h.fields |= f
		}
	}
}

// id returns the number of the term of the token text[start:end], as
// written in the text (before lower-casing), ascii if it is all ASCII, and
// the number of its form, the token lower-cased. A short ASCII token that
// is in the cache costs no copy and no dictionary look-up.
func (a *analyzer) id(text string, start, end int, ascii bool) (id, form int32) {
	t := text[start:end]
	var set *cacheSet
	var key [2]uint64
	if ascii && len(t) <= 16 {
		key = asciiKey(text, start, end)
		set = a.recent.set(key)
		if c, ok := set.get(key); ok {
			return c.id, c.form
		}
	}
	a.buf = appendLower(a.buf[:0], t)
	if !ascii && len(a.buf) <= 16 {
		key = cacheKey(a.buf)
		set = a.recent.set(key)
		if c, ok := set.get(key); ok {
			return c.id, c.form
		}
	}
	form = a.forms.id(a.buf)
	if int(form) == len(a.stems) {
		a.stems = append(a.stems, stem(a.forms.terms[form]))
	}
	st := a.stems[form]
	id, ok := a.shared.lookupString(st)
	if !ok {
		id = a.local.id([]byte(st)) + int32(len(a.shared.terms))
	}
	if set != nil {
		set[1], set[0] = set[0], cached{key, id, form}
	}
	return id, form
}

// A termCache remembers the numbers of recently seen short terms, keyed
// by their bytes, so the frequent words of a text skip the dictionary: a
// lookup is a multiplication, a load and a comparison or two. It is
// two-way set-associative, the most recently used term of a set first.
type termCache [1 << termCacheBits]cacheSet

type cacheSet [2]cached

const termCacheBits = 12

type cached struct {
	key      [2]uint64 // the token's bytes, zero-padded; a token has no zero byte
	id, form int32
}

func (c *termCache) set(key [2]uint64) *cacheSet {
	h := (key[0]*0x9E3779B97F4A7C15 ^ key[1]*0xC2B2AE3D27D4EB4F) >> (64 - termCacheBits)
	return &c[h]
}

// get returns the entry of the token with the given key, if the set has it.
func (s *cacheSet) get(key [2]uint64) (cached, bool) {
	if s[0].key == key {
		return s[0], true
	}
	if s[1].key == key {
		s[0], s[1] = s[1], s[0]
		return s[0], true
	}
	return cached{}, false
}

// cacheKey returns the key of a term of at most 16 bytes.
func cacheKey(t []byte) [2]uint64 {
	var b [16]byte
	copy(b[:], t)
	return [2]uint64{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}
}

// asciiKey returns cacheKey of the ASCII term s[start:end], at most 16
// bytes, lower-cased, reading it straight from s: letters, digits, '+'
// and '#' all lower-case by setting bit 5.
func asciiKey(s string, start, end int) [2]uint64 {
	var k0, k1 uint64
	if start+16 <= len(s) {
		k0, k1 = load64(s, start), load64(s, start+8)
	} else {
		var b [16]byte
		copy(b[:], s[start:end])
		k0, k1 = binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
	}
	const lower = 0x2020202020202020
	n := end - start
	return [2]uint64{(k0 | lower) & lowBytes(n), (k1 | lower) & lowBytes(n-8)}
}

// lowBytes is a mask of the low n bytes of a word, n clamped to 0..8.
func lowBytes(n int) uint64 {
	return ^uint64(0) >> (64 - 8*uint(min(max(n, 0), 8)))
}

// load64 reads 8 bytes of s at i, little-endian (one load on amd64).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
