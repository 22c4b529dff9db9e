package workspace

import (
	"bytes"
	"cmp"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/textpos"
)

// A Snapshot is a site analysed at one moment. Nothing in it changes.
type Snapshot struct {
	Site        *site.Site
	Diagnostics diag.List // sorted, as check prints them

	files  map[string]*parsed
	byPath map[string]*site.Page
	index  func()           // fills refs, once
	refs   map[string][]Ref // by the path of the file they stand in
}

// A Ref is one place where a file names a page: a relation value or a
// body link.
type Ref struct {
	From  string // the file it stands in: "content/roles/a.md"
	Field string // the relation field; "" for a body link
	Value string // the slug, or the link's path, as written
	// Start and End are the byte range of Value in From; both are -1 when
	// the value's text could not be found.
	Start, End int
	Pos        content.Pos // where check would place a problem with it
	Fragment   string      // a body link's fragment, without '#'
	Target     *site.Page  // the page named; nil when there is none
	Section    string      // a relation's target section
}

// HasRange reports whether the ref's text was found.
func (r Ref) HasRange() bool { return r.Start >= 0 }

func newSnapshot(s *site.Site, files map[string]*parsed, diags diag.List) *Snapshot {
	snap := &Snapshot{Site: s, Diagnostics: diags, files: files, byPath: map[string]*site.Page{}}
	for _, p := range allPages(s) {
		snap.byPath[p.Src.Path] = p
	}
	snap.index = sync.OnceFunc(snap.indexRefs)
	return snap
}

// indexRefs finds every reference of the site, once, on first use: a
// snapshot made only for its problems never needs them.
func (s *Snapshot) indexRefs() {
	s.refs = map[string][]Ref{}
	bySlug := map[string]map[string]*site.Page{}
	for _, sec := range s.Site.Sections {
		bySlug[sec.Name] = map[string]*site.Page{}
		for _, p := range sec.Pages {
			bySlug[sec.Name][p.Src.Slug] = p
		}
	}
	for _, p := range allPages(s.Site) {
		f := s.files[p.Src.Path]
		if f == nil {
			continue // a page the site made up (a missing home page)
		}
		var refs []Ref
		if p.Kind == site.KindPage {
			refs = relationRefs(p, f.data, bySlug)
		}
		refs = append(refs, s.linkRefs(p, f.data)...)
		slices.SortStableFunc(refs, func(a, b Ref) int { return cmp.Compare(uint(a.Start), uint(b.Start)) }) // no range: last
		s.refs[p.Src.Path] = refs
	}
}

// allPages lists the home page, the sections' indexes and every page.
func allPages(s *site.Site) []*site.Page {
	var out []*site.Page
	if s.Home != nil {
		out = append(out, s.Home)
	}
	for _, sec := range s.Sections {
		if sec.Index != nil {
			out = append(out, sec.Index)
		}
	}
	return append(out, s.Pages...)
}

// relationRefs lists the values of a page's relation fields.
func relationRefs(p *site.Page, data []byte, bySlug map[string]map[string]*site.Page) []Ref {
	var out []Ref
	for _, d := range p.Section.Relations {
		slugs, positions := relationSlugs(p.Src, d.Field)
		for i, pos := range positions {
			target := bySlug[d.Target.Name][strings.TrimSpace(slugs[i])]
			r := Ref{From: p.Src.Path, Field: d.Field, Value: slugs[i], Section: d.Target.Name, Target: target, Start: -1, End: -1, Pos: pos}
			if off := textpos.FromPos(data, pos); bytes.HasPrefix(data[off:], []byte(slugs[i])) && !isKeyAt(p.Src, d.Field, pos) {
				r.Start, r.End = off, off+len(slugs[i])
			}
			out = append(out, r)
		}
	}
	return out
}

// relationSlugs lists the slugs a relation's value names, with where each
// stands: the items of a list, or the keys of a qualified mapping
// (skills: {statistics: expert}). A value that is neither names none.
func relationSlugs(src *content.Page, field string) ([]string, []content.Pos) {
	if m, ok := src.Params[field].(map[string]any); ok {
		keys := slices.Sorted(maps.Keys(m))
		return keys, src.KeyItemPos(field, keys)
	}
	slugs, bad := content.Strings(src.Params[field])
	if bad != "" {
		return nil, nil
	}
	return slugs, src.ItemPos(field, slugs)
}

// isKeyAt tells whether pos is the field's key, where ItemPos puts a value
// it did not find.
func isKeyAt(p *content.Page, field string, pos content.Pos) bool {
	return p.KeyPos(field) == pos
}

// linkRefs lists a page's body links to other pages.
func (s *Snapshot) linkRefs(p *site.Page, data []byte) []Ref {
	var out []Ref
	b := s.Site.Body(p)
	for _, l := range b.Doc.Links {
		r := Ref{From: p.Src.Path, Value: l.Path, Fragment: l.Fragment, Start: -1, End: -1}
		if l.Path == "" {
			r.Target = p
		} else {
			r.Target = s.byPath[path.Join(path.Dir(p.Src.Path), l.Path)]
		}
		r.Pos = b.Src.BodyPos(l.Offset)
		at := textpos.FromPos(data, r.Pos)
		if start, end, ok := destination(data, at); ok {
			r.Start, r.End = start, end
			if dest := string(data[start:end]); !strings.HasPrefix(dest, l.Path) || (l.Path == "" && !strings.HasPrefix(dest, "#")) {
				r.Start, r.End = -1, -1 // escaped or reference-style: no range
			}
		}
		out = append(out, r)
	}
	return out
}

// destination finds the destination of the inline link whose '[' is at
// offset at: the range of the text between "(" and ")" (or the first
// space, before a title).
func destination(data []byte, at int) (start, end int, ok bool) {
	if at >= len(data) || data[at] != '[' {
		return 0, 0, false
	}
	depth := 0
	for i := at; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				if i+1 >= len(data) || data[i+1] != '(' {
					return 0, 0, false
				}
				start = i + 2
				for end = start; end < len(data) && !strings.ContainsRune(") \t\n\r", rune(data[end])); end++ {
				}
				return start, end, end < len(data)
			}
		case '\n':
			if i+1 < len(data) && data[i+1] == '\n' {
				return 0, 0, false // a paragraph ended
			}
		}
	}
	return 0, 0, false
}

// Refs returns the references that stand in the file.
func (s *Snapshot) Refs(file string) []Ref {
	s.index()
	return s.refs[file]
}

// RefAt returns the reference whose text holds the byte offset (its end
// included, where a cursor after the last letter stands).
func (s *Snapshot) RefAt(file string, off int) (Ref, bool) {
	s.index()
	for _, r := range s.refs[file] {
		if r.HasRange() && r.Start <= off && off <= r.End {
			return r, true
		}
	}
	return Ref{}, false
}

// References returns every reference to the page, in file order.
func (s *Snapshot) References(target *site.Page) []Ref {
	s.index()
	var out []Ref
	for _, file := range slices.Sorted(maps.Keys(s.refs)) {
		for _, r := range s.refs[file] {
			if r.Target == target {
				out = append(out, r)
			}
		}
	}
	return out
}

// Page returns the page read from the file, or nil.
func (s *Snapshot) Page(file string) *site.Page { return s.byPath[file] }

// Text returns the bytes of a content file as analysed.
func (s *Snapshot) Text(file string) ([]byte, bool) {
	p, ok := s.files[file]
	if !ok {
		return nil, false
	}
	return p.data, true
}

// Headings returns the headings of a page's body.
func (s *Snapshot) Headings(file string) []markdown.Heading {
	if p := s.files[file]; p != nil {
		return p.doc.Headings
	}
	return nil
}

// Files returns the path of every content file analysed, sorted.
func (s *Snapshot) Files() []string { return slices.Sorted(maps.Keys(s.files)) }
