package build

import (
	"bytes"

	"github.com/klauspost/compress/s2"

	"github.com/rolesite/rolesite/internal/site"
)

// A packedDoc is a page's converted body and plain text, compressed, while
// the page waits for the search index and its rendering in a one-shot
// build. Bodies are most of what a build holds between loading and
// writing (50 MB at 10,000 pages, 250 MB at 50,000); s2 packs HTML and
// prose to about a third at a gigabyte a second, a few milliseconds a
// thousand pages.
type packedDoc struct {
	html, text []byte
}

// pack packs a page's body and text, using scratch (which it returns,
// grown) as room to encode in, so that what it keeps has no spare capacity.
func pack(html []byte, text string, scratch []byte) (*packedDoc, []byte) {
	var d packedDoc
	scratch = s2.Encode(scratch[:cap(scratch)], html)
	d.html = bytes.Clone(scratch)
	scratch = s2.Encode(scratch[:cap(scratch)], []byte(text))
	d.text = bytes.Clone(scratch)
	return &d, scratch
}

// packedDocs are the packed pages of a build, by source path. The map is
// filled before rendering starts and only read after; each job clears only
// its own page's entry.
type packedDocs map[string]*packedDoc

// html returns the page's body, unpacked, or what the page holds when it
// was not packed.
func (pd packedDocs) html(p *site.Page) []byte {
	d := pd[p.Src.Path]
	if d == nil || d.html == nil {
		return p.Doc.HTML
	}
	return unpack(d.html)
}

func unpack(b []byte) []byte {
	out, err := s2.Decode(nil, b)
	if err != nil {
		// Only this package packs, in memory: a failure is a bug.
		panic("build: cannot unpack a page: " + err.Error())
	}
	return out
}
