package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// each is the templates' each function: {{each "relation-link" .Links}}
// writes what {{range .Links}}{{template "relation-link" .}}{{end}}
// writes in HTML text, and keeps what the template wrote for each
// element of a list of links or headings. A template executed with an
// element has nothing else to read (its $ is the element too, and
// template functions depend on their arguments alone), and a Link or a
// Heading is made of values alone (no pointers, slices or maps, whose
// equality would not be their content's), so an element equal to one met
// before (its key writes every field: see linkKey) writes the same: a
// tool's line in a panel is written once,
// however many pages list it, where a range would make some five
// reflective calls a line. The elements of other lists are written
// every time.
func (s *sharer) each(name string, list any) (template.HTML, error) {
	switch l := list.(type) {
	case []Link:
		return eachOf(s, s.links, linkKey, name, l)
	case []Heading:
		return eachOf(s, s.headings, headingKey, name, l)
	}
	v := reflect.ValueOf(list)
	if k := v.Kind(); k != reflect.Slice && k != reflect.Array {
		return "", fmt.Errorf("each: cannot range over %T", list)
	}
	var b strings.Builder
	for i := range v.Len() {
		h, err := s.execute(name, v.Index(i).Interface())
		if err != nil {
			return "", err
		}
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// maxItemBytes bounds the memory a sharer keeps of each type of element
// (see htmlMemo) in a long-running server, where titles change: past it,
// the sharer starts again from nothing.
const maxItemBytes = 64 << 20

// eachOf writes the template name for every element of list, taking what
// it wrote for an element from memo when it wrote it before. The memo's
// key is the name and the element, which write writes whole.
func eachOf[T any](s *sharer, memo *htmlMemo, write func(*memoKey, T), name string, list []T) (template.HTML, error) {
	// The pieces are joined once all are known, into a string of their
	// size: a builder that grew as they came copied and dropped a page's
	// worth of bytes some five times over.
	var small [32]template.HTML
	parts, size := small[:0], 0
	for i := range list {
		s.mu.Lock()
		k := memo.newKey()
		k.str(name)
		write(k, list[i])
		h, ok := memo.get()
		s.mu.Unlock()
		if !ok {
			var err error
			if h, err = s.execute(name, list[i]); err != nil {
				return "", err
			}
			s.mu.Lock()
			k := memo.newKey()
			k.str(name)
			write(k, list[i])
			memo.put(h)
			s.mu.Unlock()
		}
		parts = append(parts, h)
		size += len(h)
	}
	var b strings.Builder
	b.Grow(size)
	for _, h := range parts {
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// linkKey writes every field of a Link.
func linkKey(k *memoKey, l Link) {
	k.str(l.Title)
	k.str(l.URL)
	k.str(l.Summary)
	k.str(l.Note)
	k.flag(l.Current)
	k.str(l.Qual)
	k.num(l.Level)
	k.num(l.Levels)
	k.str(l.Compare)
}

// headingKey writes every field of a Heading.
func headingKey(k *memoKey, h Heading) {
	k.num(h.Level)
	k.str(h.ID)
	k.str(h.Text)
}
