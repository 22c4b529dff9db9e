package search

import (
	"fmt"
	"strings"
)

// passagesFile is the name of the passages file of the page at path,
// all in one folder: the path without its final "/", with "/" written as
// ".", a-z, 0-9 and "-" as they are and any other rune as "_", its code
// point in hex, and "_"; the home page's is "_". "roles/data-scientist/"
// is "search/x/roles.data-scientist.json".
func passagesFile(path string) string {
	var b strings.Builder
	b.Grow(len("search/x/") + len(path) + len(".json"))
	b.WriteString("search/x/")
	for _, r := range strings.TrimSuffix(path, "/") {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-':
			b.WriteRune(r)
		case r == '/':
			b.WriteByte('.')
		default:
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	if b.Len() == len("search/x/") {
		b.WriteByte('_')
	}
	b.WriteString(".json")
	return b.String()
}

// passages returns a page's passages file: the page's text cut at its headings, one [id,heading,text] a section,
// the text before the first heading (if any) first with id and heading
// "". The client picks the best passage of a result from it and lists the
// sections that match as links to path#id. The file is
// named for the page's path, so a page that keeps its text keeps its file
// when other pages come or go.
func passages(d *Doc) []byte { return appendPassages(nil, d) }

// appendPassages appends d's passages file to b.
func appendPassages(b []byte, d *Doc) []byte {
	start := len(b)
	b = append(b, '[')
	add := func(id, heading, text string) {
		text = strings.TrimSpace(text)
		if len(b) > start+1 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendString(b, id)
		b = append(b, ',')
		b = appendString(b, heading)
		b = append(b, ',')
		b = appendString(b, text)
		b = append(b, ']')
	}
	text, id, heading := d.Text, "", ""
	for _, h := range d.Headings {
		at, next := headingLine(text, h.Text)
		if at < 0 {
			continue // not in the text: its section stays in the one before
		}
		if id != "" || strings.TrimSpace(text[:at]) != "" {
			add(id, heading, text[:at])
		}
		text, id, heading = text[next:], h.ID, h.Text
	}
	if id != "" || strings.TrimSpace(text) != "" {
		add(id, heading, text)
	}
	return append(b, "]\n"...)
}

// headingLine finds the line of text that is the heading h: the first
// line equal to it, trimmed. It returns the line's start and the index
// just past it, or -1 if there is none.
func headingLine(text, h string) (at, next int) {
	h = strings.TrimSpace(h)
	if h == "" || strings.Contains(h, "\n") {
		return -1, 0
	}
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], h)
		if j < 0 {
			return -1, 0
		}
		start, end := i+j, i+j+len(h)
		lineStart := strings.LastIndexByte(text[:start], '\n') + 1
		lineEnd := strings.IndexByte(text[end:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += end
		}
		if strings.TrimSpace(text[lineStart:start]) == "" && strings.TrimSpace(text[end:lineEnd]) == "" {
			return lineStart, min(lineEnd+1, len(text))
		}
		i = end
	}
	return -1, 0
}
