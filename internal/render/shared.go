package render

import (
	"html/template"
	"strings"
	"sync"
)

// A sharer is the templates' shared and each functions (each.go):
// {{shared "header" .}}
// writes what {{template "header" .}} writes in HTML text, and executes
// the template once for all the pages it would write the same for.
//
// Most of a page's frame (the header, the footer, the links to
// stylesheets and scripts) is the same on every page of a section, yet
// writing it costs a page a third of its template time: a reflective
// call per action and escaper. A template executed with the page's view
// writes what the fields of the view it reads make of it (see viewReads:
// template functions depend on their arguments alone), so when it reads
// none but Site, Kind and Section, what it wrote for one page is what it
// writes for every page whose view has those fields equal, and the sharer
// keeps it under them. Whether that is so is told from the template
// itself, as the site's templates/ left it: an overriding partial that
// reads the page's title is executed for every page.
//
// Each template set (and each copy of one: see Templates.Copies) has its
// own sharer, bound to the set, whose templates it executes.
type sharer struct {
	set *template.Template

	mu    sync.Mutex
	reads map[string]sharedReads // by template name
	memo  map[sharedKey]template.HTML
	// links and headings are what templates wrote for elements of lists
	// (see each).
	links, headings *htmlMemo
}

// sharedReads is what a template reads of a view, when it reads no field
// but these; ok is false when it reads others.
type sharedReads struct {
	ok                  bool
	site, kind, section bool
}

// sharedKey names what a template wrote for views equal in the fields it
// reads: the site view by its content (see SiteView.id).
type sharedKey struct {
	name, site, kind, section string
}

// maxShared bounds a sharer's memory in a long-running server, where site
// views change: past it, the sharer starts again from nothing.
const maxShared = 1 << 10

func newSharer(set *template.Template) *sharer {
	return &sharer{set: set, reads: map[string]sharedReads{}, memo: map[sharedKey]template.HTML{},
		links: newHTMLMemo(maxItemBytes), headings: newHTMLMemo(maxItemBytes)}
}

// shared executes the template name with data, from the memo when it can.
func (s *sharer) shared(name string, data any) (template.HTML, error) {
	key, ok := s.key(name, data)
	if ok {
		s.mu.Lock()
		h, found := s.memo[key]
		s.mu.Unlock()
		if found {
			return h, nil
		}
	}
	h, err := s.execute(name, data)
	if err != nil {
		return "", err
	}
	if ok {
		s.mu.Lock()
		if len(s.memo) >= maxShared {
			clear(s.memo)
		}
		s.memo[key] = h
		s.mu.Unlock()
	}
	return h, nil
}

// execute executes the template name with data, without the lock: the
// template may itself call shared or each.
func (s *sharer) execute(name string, data any) (template.HTML, error) {
	var b strings.Builder
	if err := s.set.ExecuteTemplate(&b, name, data); err != nil {
		return "", &sharedError{err}
	}
	return template.HTML(b.String()), nil
}

// funcs are the set's functions bound to s.
func (s *sharer) funcs() template.FuncMap {
	return template.FuncMap{"shared": s.shared, "each": s.each}
}

// key is the memo's key of the template name executed with data; false
// when what it writes is not to be kept: data is not a page's view, or
// the template reads more of it than its shared fields.
func (s *sharer) key(name string, data any) (sharedKey, bool) {
	v, ok := data.(*PageView)
	if !ok || v == nil || v.Site == nil || v.Site.id == "" {
		return sharedKey{}, false
	}
	s.mu.Lock()
	r, known := s.reads[name]
	if !known {
		r = readsOf(s.set, name)
		s.reads[name] = r
	}
	s.mu.Unlock()
	if !r.ok {
		return sharedKey{}, false
	}
	k := sharedKey{name: name}
	if r.site {
		k.site = v.Site.id
	}
	if r.kind {
		k.kind = v.Kind
	}
	if r.section {
		k.section = v.Section
	}
	return k, true
}

// readsOf tells whether the template name reads only the shared fields of
// a view, and which.
func readsOf(set *template.Template, name string) sharedReads {
	fields, all := viewReads(set, name)
	if all {
		return sharedReads{}
	}
	r := sharedReads{ok: true, site: fields["Site"], kind: fields["Kind"], section: fields["Section"]}
	delete(fields, "Site")
	delete(fields, "Kind")
	delete(fields, "Section")
	r.ok = len(fields) == 0
	return r
}

// A sharedError is the failure of a template that shared executed.
type sharedError struct{ err error }

func (e *sharedError) Error() string { return e.err.Error() }
func (e *sharedError) Unwrap() error { return e.err }
