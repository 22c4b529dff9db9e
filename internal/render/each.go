package render

import (
	"html/template"
	"strings"
)

// each is the templates' each function: {{each "relation-link" .Links}}
// writes what {{range .Links}}{{template "relation-link" .}}{{end}}
// writes in HTML text, and keeps what the template wrote for each link.
// A template executed with a Link has nothing else to read (its $ is the
// link too, and template functions depend on their arguments alone), and
// a Link is made of values alone, so a link equal to one met before writes
// the same: a tool's line in a panel is written once, however many pages
// list it, where a range would make some five reflective calls a line.
func (s *sharer) each(name string, links []Link) (template.HTML, error) {
	var b strings.Builder
	for i := range links {
		h, err := s.item(name, &links[i])
		if err != nil {
			return "", err
		}
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// itemKey names what a template wrote for a link.
type itemKey struct {
	name string
	link Link
}

// maxItems bounds the links a sharer keeps in a long-running server,
// where titles change: past it, the sharer starts again from nothing.
const maxItems = 1 << 17

// item executes the template name with link, or takes what it wrote
// before.
func (s *sharer) item(name string, link *Link) (template.HTML, error) {
	k := itemKey{name, *link}
	s.mu.Lock()
	h, ok := s.items[k]
	s.mu.Unlock()
	if ok {
		return h, nil
	}
	h, err := s.execute(name, *link)
	if err != nil {
		return h, err
	}
	s.mu.Lock()
	if len(s.items) >= maxItems {
		clear(s.items)
	}
	s.items[k] = h
	s.mu.Unlock()
	return h, nil
}
