package content

import (
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
	// above, keyed by field name; a list of strings is a []string.
	Params map[string]any

	Body     []byte // markdown after the front matter
	BodyLine int    // 1-based line of the file on which Body starts

	// Unread says the front matter could not be read (it does not parse,
	// is never closed, or is too big): the page is kept, titled by its
	// slug, so that links to it resolve, but what its fields lack is not
	// known and is not to be reported until they read.
	Unread bool

	nearMisses []NearMiss // see NearMisses

	fields []namedSpan    // where each top-level field sits in the file
	index  map[string]int // each field's place in fields, past manyFields (see field)
	lines  []int          // byte offset at which each line starts (0-based index)
	src    []byte         // the normalised file; nil once compacted
	// fm is the text of the front matter block (src up to the body,
	// when within the limit): the keys and values flatYAML decodes are
	// pieces of it, positions in the front matter are read from it
	// without a copy, and once the page is compacted it is the one copy
	// of the file the page keeps.
	fm string

	compacted bool // Compact let the body go
}

// Compact lets the page's body go once it has been converted, for a build
// that holds every page at once and reads none of them again: Body becomes
// nil and the page keeps a copy of its front matter. Positions in the front
// matter stay exact; BodyPos of any body offset then gives the body's first
// line, so a build that compacts keeps the positions it will need (its
// links') itself, and a diagnostic in the body carries no source text (a
// one-shot build prints none; the dev server, which shows them, keeps its
// pages whole). Compact is called before the page is given to the site.
// The front matter it keeps is one string, of which the fields flatYAML
// decoded are already pieces.
func (p *Page) Compact() {
	if p.compacted {
		return
	}
	fm := len(p.src) - len(p.Body)
	n := 0
	for n < len(p.lines) && p.lines[n] < fm {
		n++
	}
	p.lines = slices.Clone(p.lines[:n])
	if len(p.fm) != fm {
		p.fm = string(p.src[:fm])
	}
	p.src, p.Body = nil, nil
	p.compacted = true
}

// text returns the bytes from to to of the file as a string: a piece of
// the front matter's text when they lie in it, else a copy.
func (p *Page) text(from, to int) string {
	if to <= len(p.fm) {
		return p.fm[from:to]
	}
	return string(p.src[from:to])
}

// size is the length of what positions are counted in: the file, or once
// compacted, its front matter.
func (p *Page) size() int {
	if p.compacted {
		return len(p.fm)
	}
	return len(p.src)
}

// IsIndex reports whether the page is a section's (or the site's) _index.md.
func (p *Page) IsIndex() bool { return p.Slug == "_index" }

// Pos is a 1-based line and column in a source file.
type Pos struct{ Line, Col int }

// FrontMatter returns the file's bytes before the body: the front matter
// block with its delimiters (normalised as the whole file is).
func (p *Page) FrontMatter() []byte {
	if p.compacted {
		return []byte(p.fm)
	}
	return p.src[:len(p.src)-len(p.Body)]
}
