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
// and writing (85 MB at 10,000 pages, over 400 MB at 50,000). They are
// packed together, as one s2 block: the text repeats the body's words, so
// it costs little more than the body alone, and s2 runs at over a
// gigabyte a second.
type packedDoc struct {
	data    []byte // the body followed by the text, s2-encoded; nil once written
	htmlLen int
}

// A packer packs pages; its buffers serve page after page.
type packer struct{ src, dst []byte }

// pack packs a page's body and text. What it keeps has no spare capacity.
func (pk *packer) pack(html []byte, text string) *packedDoc {
	pk.src = append(append(pk.src[:0], html...), text...)
	pk.dst = s2.Encode(pk.dst[:cap(pk.dst)], pk.src)
	return &packedDoc{data: bytes.Clone(pk.dst), htmlLen: len(html)}
}

// packedDocs are the packed pages of a build, by source path, and buffers
// to unpack them into. The map is filled before rendering starts and only
// read after; each job clears only its own page's entry.
type packedDocs struct {
	docs map[string]*packedDoc
	bufs sync.Pool // of *[]byte
}

// unpack unpacks d into a buffer of the pool and passes what it holds to
// use, which must not keep it.
func (pd *packedDocs) unpack(d *packedDoc, use func(html, text []byte)) {
	buf, _ := pd.bufs.Get().(*[]byte)
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
	pd.bufs.Put(buf)
}

// html passes the page's body to use (which must not keep it): unpacked,
// or what the page holds when it was not packed.
func (pd *packedDocs) html(p *site.Page, use func([]byte)) {
	var d *packedDoc
	if pd != nil {
		d = pd.docs[p.Src.Path]
	}
	if d == nil || d.data == nil {
		use(p.Doc.HTML)
		return
	}
	pd.unpack(d, func(html, _ []byte) { use(html) })
}

// textFrom returns what gives the page's packed text, or nil when the
// page's text is not packed.
func (pd *packedDocs) textFrom(p *site.Page) func() string {
	if pd == nil {
		return nil
	}
	d := pd.docs[p.Src.Path]
	if d == nil || d.data == nil {
		return nil
	}
	return func() (text string) {
		pd.unpack(d, func(_, t []byte) { text = string(t) })
		return text
	}
}

// written lets the page's packed body go.
func (pd *packedDocs) written(p *site.Page) {
	if pd == nil {
		return
	}
	if d := pd.docs[p.Src.Path]; d != nil {
		d.data = nil
	}
}
