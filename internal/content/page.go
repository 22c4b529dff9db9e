package content

import (
	"bytes"
	"slices"
	"time"
)

// A Page is one parsed source file.
type Page struct {
	Path    string // slash path relative to the site folder: "content/roles/data-scientist.md"
	Section string // the folder under content/ ("" for content/_index.md)
	Slug    string // file name without ".md"; "_index" for a section's index
	Format  string // "yaml", "toml", "json", or "" when the file has no front matter

	Title   string
	Summary string
	Draft   bool
	Weight  int  // from weight or order
	Weighed bool // whether weight or order was given
	Aliases []string
	Updated time.Time // zero when not given

	// Params holds every front matter field as decoded, including the ones
	// above, keyed by field name.
	Params map[string]any

	Body     []byte // markdown after the front matter
	BodyLine int    // 1-based line of the file on which Body starts

	fields []namedSpan // where each top-level field sits in the file
	lines  []int       // byte offset at which each line starts (0-based index)
	src    []byte      // the normalised file (its front matter only, once compacted)

	compacted bool         // Compact let the body go
	kept      []keptSource // what Compact kept of the body
}

// keptAt finds what Compact kept at the body offset off.
func (p *Page) keptAt(off int) (keptSource, bool) {
	i, found := slices.BinarySearchFunc(p.kept, off, func(k keptSource, off int) int { return k.off - off })
	if !found {
		return keptSource{}, false
	}
	return p.kept[i], true
}

// keptSource is a body offset Compact kept, and its position.
type keptSource struct {
	off int
	pos Pos
}

// Compact lets the page's body go once it has been converted, for a build
// that holds every page at once and reads none of them again: Body becomes
// nil and the page keeps a copy of its front matter and the positions of
// the given Body offsets (where later diagnostics may point, such as the
// body's links). Positions in the front matter and at kept offsets stay
// exact; BodyPos of any other offset gives the body's first line. A
// diagnostic in the body then carries no source text: a one-shot build
// prints none, and the dev server, which shows it, keeps its pages whole.
// Compact is called once, before the page is given to the site.
func (p *Page) Compact(keep []int) {
	if p.compacted {
		return
	}
	for _, off := range keep {
		if off < 0 || off > len(p.Body) {
			continue
		}
		p.kept = append(p.kept, keptSource{off, p.BodyPos(off)})
	}
	// By offset, which is by position too: looked up by binary search (a
	// page can have hundreds of thousands of links).
	slices.SortFunc(p.kept, func(a, b keptSource) int { return a.off - b.off })
	p.kept = slices.CompactFunc(p.kept, func(a, b keptSource) bool { return a.off == b.off })
	p.kept = slices.Clip(p.kept)
	fm := len(p.src) - len(p.Body)
	n := 0
	for n < len(p.lines) && p.lines[n] < fm {
		n++
	}
	p.lines = slices.Clone(p.lines[:n])
	p.src = bytes.Clone(p.src[:fm])
	p.Body = nil
	p.compacted = true
}

// IsIndex reports whether the page is a section's (or the site's) _index.md.
func (p *Page) IsIndex() bool { return p.Slug == "_index" }

// Pos is a 1-based line and column in a source file.
type Pos struct{ Line, Col int }

// FrontMatter returns the file's bytes before the body: the front matter
// block with its delimiters (normalised as the whole file is).
func (p *Page) FrontMatter() []byte {
	return p.src[:len(p.src)-len(p.Body)]
}
