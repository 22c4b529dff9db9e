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
// before writes the same: a tool's line in a panel is written once,
// however many pages list it, where a range would make some five
// reflective calls a line. The elements of other lists are written
// every time.
func (s *sharer) each(name string, list any) (template.HTML, error) {
	switch l := list.(type) {
	case []Link:
		return eachOf(s, s.links, name, l)
	case []Heading:
		return eachOf(s, s.headings, name, l)
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

// itemKey names what a template wrote for an element of a list.
type itemKey[T comparable] struct {
	name string
	item T
}

// maxItems bounds the elements a sharer keeps of each type in a
// long-running server, where titles change: past it, the sharer starts
// again from nothing.
const maxItems = 1 << 17

// eachOf writes the template name for every element of list, taking what
// it wrote for an element from memo when it wrote it before.
func eachOf[T comparable](s *sharer, memo map[itemKey[T]]template.HTML, name string, list []T) (template.HTML, error) {
	var b strings.Builder
	for i := range list {
		k := itemKey[T]{name, list[i]}
		s.mu.Lock()
		h, ok := memo[k]
		s.mu.Unlock()
		if !ok {
			var err error
			if h, err = s.execute(name, list[i]); err != nil {
				return "", err
			}
			s.mu.Lock()
			if len(memo) >= maxItems {
				clear(memo)
			}
			memo[k] = h
			s.mu.Unlock()
		}
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}
