package build

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/s2"

	"github.com/rolesite/rolesite/internal/site"
)

// A packedDoc is a page's converted body and plain text, compressed, while
// the page waits for the search index and its rendering in a one-shot
// build. Bodies and texts are most of what a build holds between loading
// and writing: hundreds of megabytes at 50,000 pages. They are
// packed together, as one s2 block: the text repeats the body's words, so
// it costs little more than the body alone, and s2 runs at over a
// gigabyte a second. It is a value: the block is the one object a page's
// packing costs the collector.
type packedDoc struct {
	data    []byte // the body followed by the text, s2-encoded; nil for none
	htmlLen int
}

// A packer packs pages; its buffers serve page after page.
type packer struct{ src, dst []byte }

// pack packs a page's body and text. What it keeps has no spare capacity.
func (pk *packer) pack(html, text []byte) packedDoc {
	pk.src = append(append(pk.src[:0], html...), text...)
	pk.dst = s2.Encode(pk.dst[:cap(pk.dst)], pk.src)
	return packedDoc{data: bytes.Clone(pk.dst), htmlLen: len(html)}
}

// bodies is the one store of the pages' converted bodies and plain texts:
// the resolved site never holds them (site.Page.Doc has neither), so that
// rendering, which needs them, writes nothing into the site. It maps a
// page's source path to what the load stage made of it: the body and text
// as converted, or packed (see loadFile). It is filled before
// rendering and only read after, except that written lets a page's packed
// body go once its page is out: packed bodies are kept apart, in packs,
// whose elements the render workers may clear at once.
type bodies struct {
	docs  map[string]body
	packs [][]byte  // packed bodies and texts, at body.slot-1; nil once written
	bufs  sync.Pool // of *[]byte, to unpack into
}

// A body is one page's converted body and text, or both packed.
type body struct {
	html    []byte
	text    string
	slot    int    // 1 + the index of the packed body and text in packs, 0 for none
	htmlLen int    // the packed body's length, unpacked
	gen     uint64 // its loaded's gen
}

// fill makes the store hold the bodies and texts of the loaded files, and
// nothing else. It reuses the store's map, so that a rebuild allocates no
// new one: the pages of an earlier build are all rendered by then.
func (b *bodies) fill(files map[string]*loaded) {
	if b.docs == nil {
		b.docs = make(map[string]body, len(files))
	}
	clear(b.docs)
	clear(b.packs)
	b.packs = b.packs[:0]
	for name, l := range files {
		d := body{html: l.doc.HTML, text: l.doc.Text, gen: l.gen}
		if l.packed.data != nil {
			d.slot, d.htmlLen = len(b.packs)+1, l.packed.htmlLen
			b.packs = append(b.packs, l.packed.data)
		}
		b.docs[name] = d
	}
}

// packed returns the page's packed body and text, if it has them still.
func (b *bodies) packed(l body) (packedDoc, bool) {
	if l.slot == 0 || b.packs[l.slot-1] == nil {
		return packedDoc{}, false
	}
	return packedDoc{data: b.packs[l.slot-1], htmlLen: l.htmlLen}, true
}

// unpack unpacks d into a buffer of the pool and passes what it holds to
// use, which must not keep it.
func (b *bodies) unpack(d packedDoc, use func(html, text []byte)) {
	buf, _ := b.bufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	out, err := s2.Decode((*buf)[:cap(*buf)], d.data)
	if err != nil || len(out) < d.htmlLen {
		// Only this package packs, in memory: a failure is a bug.
		panic("build: cannot unpack a page")
	}
	use(out[:d.htmlLen:d.htmlLen], out[d.htmlLen:])
	*buf = out
	b.bufs.Put(buf)
}

// html passes the page's body to use, which must not keep it.
func (b *bodies) html(p *site.Page, use func([]byte)) {
	l := b.docs[p.Src.Path]
	if d, ok := b.packed(l); ok {
		b.unpack(d, func(html, _ []byte) { use(html) })
		return
	}
	use(l.html)
}

// gen is the gen of the loaded file at path (see loaded.gen), 0 for none.
func (b *bodies) gen(path string) uint64 { return b.docs[path].gen }

// text returns the page's text, unpacking it when it is packed: the
// search index asks for one page's text at a time, so that a build need
// not hold every page's text at once.
func (b *bodies) text(p *site.Page) (text string) {
	l := b.docs[p.Src.Path]
	if d, ok := b.packed(l); ok {
		b.unpack(d, func(_, t []byte) { text = string(t) })
		return text
	}
	return l.text
}

// written lets the page's packed body and text go: a streaming build has
// written its page and indexed its text.
func (b *bodies) written(p *site.Page) {
	if l := b.docs[p.Src.Path]; l.slot > 0 {
		b.packs[l.slot-1] = nil
	}
}
