package search

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/rolesite/rolesite/internal/pool"
)

// An Indexer builds the index again and again, reusing the work of the
// previous call for documents that did not change. Not safe for concurrent use.
//
// It keeps every page's terms and scores, keyed by the page's content (all
// Doc fields), and the inverted index, the encoded entries and the files
// of the previous call. When the pages keep their numbers (no page added,
// removed or moved in page order), it patches the postings of the terms of
// the pages that changed and encodes again only the entries, shards and
// chunks whose bytes change; otherwise it inverts all pages again, still
// without analysing the unchanged ones.
type Indexer struct {
	dict dictionary

	// The previous call's pages in page order, and each page by path
	// (made when first needed).
	pages  []*page
	byPath map[string]*page
	order  []int // the previous call's docs, by position, in page order

	// By term number: the term's postings, its entry ("term":[...]), the
	// entry's length (0 for a term in no page) and the call that last
	// changed the entry. An entry is a slice of the shard file holding
	// it; while a call works, an entry that changed may be nil, to be
	// encoded straight into its shard.
	post    [][]posting
	entry   [][]byte
	size    []int32
	changed []uint32
	live    []int32 // the terms in some page, in term order

	unions   map[string]*prefixUnion // by key of a split shard
	shards   map[string]*encodedShard
	sections []section
	chunks   [][]byte
	meta     []byte

	call      uint32 // counts calls of Index
	inverted  bool   // post, entry and live are up to date with pages
	bulk      bool   // this call encodes (nearly) everything
	analyzers []*analyzer
	unionb    []unionBuilder
	scratch   []uint8 // by term number; all 0 between uses
	marks     []uint32
	names     []string // chunk file names by chunk number
	buf       []byte
}

// A page is a Doc as the index sees it, analysed once.
type page struct {
	doc     Doc
	terms   []int32 // term numbers in order of first occurrence
	scores  []uint8 // scores[i] is the score of terms[i]
	snippet string
	mark    uint32
}

// is reports whether p was made from a doc equal to d.
func (p *page) is(d *Doc) bool {
	return p.doc.TextFrom == nil && d.TextFrom == nil &&
		p.doc.Path == d.Path && p.doc.Title == d.Title && p.doc.Text == d.Text &&
		p.doc.Summary == d.Summary && p.doc.Section == d.Section &&
		p.doc.SectionTitle == d.SectionTitle && slices.Equal(p.doc.Headings, d.Headings)
}

// sameTerms reports whether p and q have the same terms with the same
// scores, so the postings need not change when one replaces the other.
func sameTerms(p, q *page) bool {
	return slices.Equal(p.terms, q.terms) && slices.Equal(p.scores, q.scores)
}

// sameRow reports whether p and q have the same entry in the page table.
func sameRow(p, q *page) bool {
	return p == q || p.doc.Path == q.doc.Path && p.doc.Title == q.doc.Title &&
		p.doc.Section == q.doc.Section && p.snippet == q.snippet
}

// A prefixUnion is the union of the postings of every term that begins
// with the key of a split shard, and its entry "key*":[...].
type prefixUnion struct {
	list  []posting
	entry []byte
	dirty bool // list changed since entry was encoded
	stale bool // the pages were renumbered since list was made
}

// An encodedShard is one file of the inverted index and what it was made of.
type encodedShard struct {
	name   string
	split  bool
	terms  []int32
	prefix []byte // the prefixUnion entry of a split shard
	data   []byte
}

// NewIndexer returns an Indexer that has indexed nothing yet.
func NewIndexer() *Indexer {
	return &Indexer{}
}

// Index returns exactly what search.Index(docs) returns (same file names,
// same bytes). Files that did not change since the previous call are the
// same []byte values; callers must treat every returned slice as
// immutable.
func (ix *Indexer) Index(docs []Doc) map[string][]byte {
	if len(docs) > maxPages {
		panic("search: cannot index more than 16,777,216 pages")
	}
	ix.call++
	prev := ix.pages
	pages, fresh := ix.match(docs)
	ix.analyze(fresh)
	ix.grow()
	changed, ok := ix.changes(prev, pages)
	ix.bulk = !ok
	if ok {
		ix.patch(prev, pages, changed)
	} else {
		ix.invert(pages)
	}
	files := make(map[string][]byte, len(pages)/chunkDocs+len(ix.shards)+64)
	keys := ix.encodeShards(len(pages), files)
	sections := ix.encodeChunks(prev, pages, files)
	meta := appendMeta(nil, len(pages), sections, keys)
	if !bytes.Equal(meta, ix.meta) {
		ix.meta = meta
	}
	files["search/meta.json"] = ix.meta
	ix.remember(prev, pages)
	return files
}

// match returns docs as pages in page order, reusing the previous call's
// page for every doc that did not change, and the pages still to analyse.
func (ix *Indexer) match(docs []Doc) (pages, fresh []*page) {
	pages = make([]*page, len(docs))
	ix.order = pageOrder(docs, ix.order)
	for i, k := range ix.order {
		d := &docs[k]
		if i < len(ix.pages) && ix.pages[i].is(d) {
			pages[i] = ix.pages[i]
			continue
		}
		if ix.byPath == nil && len(ix.pages) > 0 {
			ix.byPath = make(map[string]*page, len(ix.pages))
			for _, p := range ix.pages {
				ix.byPath[p.doc.Path] = p
			}
		}
		if p := ix.byPath[d.Path]; p != nil && p.is(d) {
			pages[i] = p
			continue
		}
		p := &page{doc: *d}
		p.doc.Headings = slices.Clone(d.Headings) // the caller may reuse its slice
		pages[i] = p
		fresh = append(fresh, p)
	}
	return pages, fresh
}

// remember makes pages the previous call's pages.
func (ix *Indexer) remember(prev, pages []*page) {
	ix.pages = pages
	if ix.byPath == nil || len(prev) != len(pages) {
		ix.byPath = nil // made again when a page moves
		return
	}
	for i, p := range pages {
		if q := prev[i]; p != q && ix.byPath[q.doc.Path] == q {
			delete(ix.byPath, q.doc.Path)
		}
	}
	for i, p := range pages {
		if p != prev[i] {
			ix.byPath[p.doc.Path] = p
		}
	}
}

// analyzeGrain is how many pages an analyzer takes at a time.
const analyzeGrain = 32

// analyze sets the terms, scores and snippet of pages, numbering new terms.
func (ix *Indexer) analyze(pages []*page) {
	if len(pages) == 0 {
		return
	}
	k := pool.Workers(len(pages), analyzeGrain)
	for len(ix.analyzers) < k {
		ix.analyzers = append(ix.analyzers, newAnalyzer(&ix.dict))
	}
	done := make([][]*page, k)
	pool.Ranges(context.Background(), len(pages), analyzeGrain, func(w, lo, hi int) {
		a := ix.analyzers[w]
		for _, p := range pages[lo:hi] {
			d := p.doc
			if d.TextFrom != nil {
				d.Text = d.TextFrom()
			}
			a.analyze(p, &d)
			p.snippet = snippet(d)
			done[w] = append(done[w], p)
		}
	})

	// Number the terms the shared dictionary lacked and rewrite the pages'
	// local numbers. The first index adopts the first analyzer's
	// dictionary as it is.
	base := int32(len(ix.dict.terms))
	if base == 0 {
		a := ix.analyzers[0]
		ix.dict, a.local = a.local, ix.dict
		done[0] = nil
	}
	for w, a := range ix.analyzers[:k] {
		if len(a.local.terms) == 0 {
			continue
		}
		global := make([]int32, len(a.local.terms))
		for i, t := range a.local.terms {
			id, ok := ix.dict.lookupString(t)
			if !ok {
				id = ix.dict.add(t)
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
	for _, a := range ix.analyzers[:k] {
		a.renumbered()
	}
}

// grow sizes the arrays indexed by term number for every term (but leaves
// the postings to invert when it will make them anyway).
func (ix *Indexer) grow() {
	n := len(ix.dict.terms)
	if ix.inverted {
		ix.post = growTo(ix.post, n)
	}
	ix.entry = growTo(ix.entry, n)
	ix.size = growTo(ix.size, n)
	ix.changed = growTo(ix.changed, n)
	ix.scratch = growTo(ix.scratch, n)
	ix.marks = growTo(ix.marks, n)
}

// growTo extends s with zero values to length n.
func growTo[S ~[]E, E any](s S, n int) S {
	if len(s) >= n {
		return s
	}
	return append(s, make(S, n-len(s))...)
}

// changes returns the page numbers whose terms or scores differ between
// prev and pages, and whether patching the index for them is worth it:
// if pages were renumbered, or too many changed, inverting is cheaper.
func (ix *Indexer) changes(prev, pages []*page) ([]int, bool) {
	if !ix.inverted || len(prev) != len(pages) {
		return nil, false
	}
	var changed []int
	for i, p := range pages {
		if q := prev[i]; p != q && !sameTerms(p, q) {
			changed = append(changed, i)
			if len(changed) > 16+len(pages)/8 {
				return nil, false
			}
		}
	}
	return changed, true
}

// patch updates the postings and entries for the pages whose numbers are
// in changed, which were prev[i] and are now pages[i].
func (ix *Indexer) patch(prev, pages []*page, changed []int) {
	score, mark := ix.scratch, ix.marks
	var affected []int32
	set := func(t int32, doc int) {
		var ok bool
		if ix.post[t], ok = setPosting(ix.post[t], int32(doc), score[t]); ok && mark[t] != ix.call {
			mark[t] = ix.call
			affected = append(affected, t)
		}
	}
	for _, i := range changed {
		old, p := prev[i], pages[i]
		for j, t := range p.terms {
			score[t] = p.scores[j]
		}
		for _, t := range old.terms {
			if score[t] == 0 {
				set(t, i) // no longer in the page
			}
		}
		for _, t := range p.terms {
			set(t, i)
		}
		for key, u := range ix.unions {
			best := uint8(0)
			for _, t := range p.terms {
				if score[t] > best && strings.HasPrefix(ix.dict.terms[t], key) {
					best = score[t]
				}
			}
			var ok bool
			u.list, ok = setPosting(u.list, int32(i), best)
			u.dirty = u.dirty || ok
		}
		for _, t := range p.terms {
			score[t] = 0
		}
	}

	var gone, added []int32
	for _, t := range affected {
		if len(ix.post[t]) == 0 {
			ix.entry[t], ix.size[t] = nil, 0
			ix.changed[t] = ix.call
			gone = append(gone, t)
			continue
		}
		if ix.size[t] == 0 {
			added = append(added, t)
		}
		ix.buf = ix.encodeEntry(ix.buf, t, true)
	}
	byTerm := func(t int32, term string) int { return strings.Compare(ix.dict.terms[t], term) }
	for _, t := range gone {
		if k, ok := slices.BinarySearchFunc(ix.live, ix.dict.terms[t], byTerm); ok {
			ix.live = slices.Delete(ix.live, k, k+1)
		}
	}
	for _, t := range added {
		k, _ := slices.BinarySearchFunc(ix.live, ix.dict.terms[t], byTerm)
		ix.live = slices.Insert(ix.live, k, t)
	}
	for key, u := range ix.unions {
		if u.dirty {
			u.dirty = false
			if e := appendEntry(nil, key, "*", u.list); !bytes.Equal(e, u.entry) {
				u.entry = e
			}
		}
	}
}

// encodeEntry encodes the entry of term t into buf, to learn its size and
// whether it changed, and returns buf for reuse. An entry that changed is
// kept, or with keep false becomes nil: encodeShards then encodes it
// again, straight into its shard, which beats holding a copy of every
// entry when nearly all change.
func (ix *Indexer) encodeEntry(buf []byte, t int32, keep bool) []byte {
	buf = appendEntry(buf[:0], ix.dict.terms[t], "", ix.post[t])
	ix.size[t] = int32(len(buf))
	if !bytes.Equal(buf, ix.entry[t]) {
		ix.entry[t] = nil
		if keep {
			ix.entry[t] = bytes.Clone(buf)
		}
		ix.changed[t] = ix.call
	}
	return buf
}

// invertGrain is how many terms a goroutine encodes at a time.
const invertGrain = 512

// invert builds the postings of every term from pages, in page order, and
// encodes every entry, keeping the previous bytes of entries that come out
// the same.
func (ix *Indexer) invert(pages []*page) {
	if ix.inverted && len(ix.dict.terms) > 2*len(ix.live)+4096 {
		ix.compact(pages)
	}
	n := len(ix.dict.terms)

	// Count each term's pages in each of k ranges of pages, then fill the
	// postings, ranges side by side: each range writes its own part of
	// every list, so the lists come out in page order.
	k := pool.Workers(len(pages), 1024)
	counts := make([][]int32, k)
	pool.Split(len(pages), k, func(w, lo, hi int) {
		c := make([]int32, n)
		for _, p := range pages[lo:hi] {
			for _, t := range p.terms {
				c[t]++
			}
		}
		counts[w] = c
	})
	start := make([]int32, n+1)
	var total int32
	for t := range n {
		start[t] = total
		for _, c := range counts {
			c[t], total = total, total+c[t] // c[t] becomes where range w writes
		}
	}
	start[n] = total
	backing := make([]posting, total)
	pool.Split(len(pages), k, func(w, lo, hi int) {
		next := counts[w]
		for i, p := range pages[lo:hi] {
			for j, t := range p.terms {
				backing[next[t]] = makePosting(int32(lo+i), p.scores[j])
				next[t]++
			}
		}
	})

	post := make([][]posting, n)
	live := make([]int32, 0, len(ix.live))
	for t := range n {
		lo, hi := start[t], start[t+1]
		if hi > lo {
			post[t] = backing[lo:hi:hi]
			live = append(live, int32(t))
		}
	}
	byTerm := func(a, b int32) int { return strings.Compare(ix.dict.terms[a], ix.dict.terms[b]) }
	if !slices.IsSortedFunc(live, byTerm) {
		slices.SortFunc(live, byTerm)
	}
	for _, t := range ix.live {
		if len(post[t]) == 0 {
			ix.entry[t], ix.size[t] = nil, 0
			ix.changed[t] = ix.call
		}
	}
	ix.post, ix.live, ix.inverted = post, live, true

	pool.Ranges(context.Background(), len(live), invertGrain, func(w, lo, hi int) {
		var buf []byte
		for _, t := range live[lo:hi] {
			if ix.entry[t] == nil {
				// New: no bytes to compare with, only a size to learn.
				ix.size[t] = int32(entrySize(ix.dict.terms[t], post[t]))
				ix.changed[t] = ix.call
				continue
			}
			buf = ix.encodeEntry(buf, t, false)
		}
	})
	for _, u := range ix.unions {
		u.stale = true
	}
}

// compact numbers again, in term order, only the terms in pages, dropping
// the rest; terms in no page pile up as pages are edited.
func (ix *Indexer) compact(pages []*page) {
	// Keep every term of every page: ix.live may lag behind pages.
	keep := make([]bool, len(ix.dict.terms))
	for _, p := range pages {
		for _, t := range p.terms {
			keep[t] = true
		}
	}
	var sorted []int32
	for t := range ix.dict.terms {
		if keep[t] {
			sorted = append(sorted, int32(t))
		}
	}
	slices.SortFunc(sorted, func(a, b int32) int { return strings.Compare(ix.dict.terms[a], ix.dict.terms[b]) })
	var old dictionary
	old, ix.dict = ix.dict, dictionary{}
	renumber := make([]int32, len(old.terms))
	for _, t := range sorted {
		renumber[t] = ix.dict.add(old.terms[t])
	}
	for _, p := range pages {
		if p.mark == ix.call {
			continue // already renumbered: a page can stand for two equal docs
		}
		p.mark = ix.call
		for j, t := range p.terms {
			p.terms[j] = renumber[t]
		}
	}
	entry := make([][]byte, len(sorted))
	size := make([]int32, len(sorted))
	for t, e := range ix.entry {
		if keep[t] {
			entry[renumber[t]], size[renumber[t]] = e, ix.size[t]
		}
	}
	ix.entry, ix.size = entry, size
	ix.post = make([][]posting, len(sorted))
	ix.changed = make([]uint32, len(sorted))
	ix.scratch = make([]uint8, len(sorted))
	ix.marks = make([]uint32, len(sorted))
	ix.live = nil
	ix.shards = nil // their term numbers are stale
	for _, a := range ix.analyzers {
		a.renumbered()
	}
}

// encodeShards plans the shards, encodes those that changed into files
// and returns the shard keys in order.
func (ix *Indexer) encodeShards(pages int, files map[string][]byte) []string {
	terms := make([]string, len(ix.live))
	size := make([]int, len(ix.live))
	for i, t := range ix.live {
		terms[i] = ix.dict.terms[t]
		size[i] = int(ix.size[t])
	}
	plan := planShards(terms, size)
	ix.makeUnions(plan, pages)

	shards := make([]*encodedShard, len(plan))
	var todo []int
	for i, s := range plan {
		ids := ix.live[s.lo:s.hi]
		var prefix []byte
		if s.split {
			prefix = ix.unions[s.key].entry
		}
		old := ix.shards[s.key]
		if old != nil && old.split == s.split && sameBytes(old.prefix, prefix) && slices.Equal(old.terms, ids) && !ix.changedSince(ids) {
			shards[i] = old
			continue
		}
		name := ""
		if old != nil {
			name = old.name
		} else {
			name = shardFile(s.key)
		}
		shards[i] = &encodedShard{name: name, split: s.split, terms: slices.Clone(ids), prefix: prefix}
		todo = append(todo, i)
	}
	arenas := make([]arena, pool.Workers(len(todo), shardGrain))
	for i := range arenas {
		arenas[i] = ix.arena()
	}
	pool.Ranges(context.Background(), len(todo), shardGrain, func(w, lo, hi int) {
		for _, i := range todo[lo:hi] {
			sh := shards[i]
			n := len("{}\n") + len(sh.prefix) + len(sh.terms) - 1
			if sh.prefix != nil {
				n++
			}
			for _, t := range sh.terms {
				n += int(ix.size[t])
			}
			sh.data = ix.appendShard(arenas[w].alloc(n), sh.terms, sh.prefix)
		}
	})

	ix.shards = make(map[string]*encodedShard, len(plan))
	keys := make([]string, len(plan))
	for i, sh := range shards {
		keys[i] = plan[i].key
		ix.shards[keys[i]] = sh
		files[sh.name] = sh.data
	}
	return keys
}

// shardGrain is how many shards a goroutine encodes at a time.
const shardGrain = 16

// makeUnions sets ix.unions to the unions of the split shards of plan,
// patched or made again.
func (ix *Indexer) makeUnions(plan []shard, pages int) {
	unions := make(map[string]*prefixUnion)
	var missing []shard
	for _, s := range plan {
		if !s.split {
			continue
		}
		if u := ix.unions[s.key]; u != nil && !u.stale {
			unions[s.key] = u
		} else {
			missing = append(missing, s)
		}
	}
	made := make([]prefixUnion, len(missing))
	if k := pool.Workers(len(missing), 1); len(ix.unionb) < k {
		ix.unionb = make([]unionBuilder, k)
	}
	pool.Ranges(context.Background(), len(missing), 1, func(w, lo, hi int) {
		for i := lo; i < hi; i++ {
			s, u := missing[i], &made[i]
			u.list = ix.unionb[w].union(pages, ix.post, ix.live[s.plo:s.phi])
			u.entry = appendEntry(nil, s.key, "*", u.list)
			if old := ix.unions[s.key]; old != nil && bytes.Equal(old.entry, u.entry) {
				u.entry = old.entry
			}
		}
	})
	for i, s := range missing {
		unions[s.key] = &made[i]
	}
	ix.unions = unions
}

// changedSince reports whether the entry of any of terms changed in this call.
func (ix *Indexer) changedSince(terms []int32) bool {
	for _, t := range terms {
		if ix.changed[t] == ix.call {
			return true
		}
	}
	return false
}

// sameBytes reports whether a and b are the same slice of the same array.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// chunkGrain is how many chunks a goroutine encodes at a time.
const chunkGrain = 64

// encodeChunks adds the page table to files, encoding the chunks that
// changed, and returns the section table.
func (ix *Indexer) encodeChunks(prev, pages []*page, files map[string][]byte) []section {
	sections := sectionTable(pages)
	same := slices.Equal(sections, ix.sections)
	ix.sections = sections
	n := (len(pages) + chunkDocs - 1) / chunkDocs
	for len(ix.names) < n {
		ix.names = append(ix.names, "search/d/"+strconv.Itoa(len(ix.names))+".json")
	}
	chunks := make([][]byte, n)
	arenas := make([]arena, pool.Workers(n, chunkGrain))
	for i := range arenas {
		arenas[i] = ix.arena()
	}
	pool.Ranges(context.Background(), n, chunkGrain, func(w, lo, hi int) {
		var buf []byte
		for c := lo; c < hi; c++ {
			from, to := c*chunkDocs, min((c+1)*chunkDocs, len(pages))
			if same && c < len(ix.chunks) && to == min((c+1)*chunkDocs, len(prev)) &&
				slices.EqualFunc(pages[from:to], prev[from:to], sameRow) {
				chunks[c] = ix.chunks[c]
				continue
			}
			buf = appendChunk(buf[:0], pages[from:to], sections)
			chunks[c] = arenas[w].copy(buf)
		}
	})
	for c, data := range chunks {
		files[ix.names[c]] = data
	}
	ix.chunks = chunks
	return sections
}

// arena returns an arena for this call's files: cutting files from large
// blocks pays when nearly all are encoded; a few files encoded again after
// an edit get their own storage, so they do not keep a block alive long
// after its other files were replaced.
func (ix *Indexer) arena() arena {
	if ix.bulk {
		return arena{size: arenaBlock}
	}
	return arena{}
}

// An arena hands out byte slices cut from larger blocks, so that encoding
// thousands of small files takes few allocations. Each slice is capped at
// its length, so appending to one cannot write into the next.
type arena struct {
	block []byte
	size  int // of a block; 0 allocates every slice on its own
}

const arenaBlock = 64 << 10

// alloc returns an empty slice with capacity n.
func (a *arena) alloc(n int) []byte {
	if n > a.size/4 {
		return make([]byte, 0, n)
	}
	if n > cap(a.block)-len(a.block) {
		a.block = make([]byte, 0, a.size)
	}
	m := len(a.block)
	a.block = a.block[:m+n]
	return a.block[m : m : m+n]
}

// copy returns a copy of b.
func (a *arena) copy(b []byte) []byte {
	return append(a.alloc(len(b)), b...)
}
