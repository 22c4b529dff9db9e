package content

import (
	"bytes"
	"slices"
	"strings"
)

// A span is where one top-level field sits in the file: the position of its
// key and the byte range from the key to the next top-level field.
type span struct {
	keyStart   int // offset of the key
	valueStart int // offset just after the key and its ':' or '='
	end        int // offset of the next field's key, or the end of the block
}

// locate finds every top-level field of the front matter in the source text.
// It reads lines, not a syntax tree, so that it works the same for YAML, TOML
// and JSON: a YAML key starts a line with no indentation, a TOML key stands
// before the first table or is a table header, a JSON key is a string at
// depth one followed by a colon. params are the decoded fields, if any,
// whose keys name the fields found.
func locate(src []byte, fm *frontMatter, params map[string]any) []namedSpan {
	type hit struct {
		name       string
		off, value int
	}
	var hits []hit
	raw := fm.raw
	depth := 0    // JSON nesting
	inTable := "" // TOML table being read
	for off := 0; off < len(raw); {
		end := bytes.IndexByte(raw[off:], '\n')
		if end < 0 {
			end = len(raw) - off
		}
		line := string(raw[off : off+end])
		switch fm.format {
		case "yaml":
			if name, n, ok := yamlKey(line); ok {
				hits = append(hits, hit{name, off, off + n})
			}
		case "toml":
			t := strings.TrimLeft(line, " \t")
			indent := len(line) - len(t)
			if strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "[[") {
				if i := strings.IndexByte(t, ']'); i > 0 {
					name := strings.Trim(strings.SplitN(t[1:i], ".", 2)[0], ` "'`)
					if name != inTable {
						hits = append(hits, hit{name, off + indent + 1, off + indent + i + 1})
					}
					inTable = name
				}
			} else if inTable == "" {
				if i := strings.IndexByte(t, '='); i > 0 {
					name := strings.Trim(strings.TrimSpace(t[:i]), `"'`)
					hits = append(hits, hit{name, off + indent, off + indent + i + 1})
				}
			}
		case "json":
			for i := 0; i < len(line); i++ {
				switch c := line[i]; c {
				case '{', '[':
					depth++
				case '}', ']':
					depth--
				case '"':
					j := closingQuote(line, i)
					if depth == 1 {
						if k := strings.TrimLeft(line[j+1:], " \t"); strings.HasPrefix(k, ":") {
							colon := j + 1 + (len(line[j+1:]) - len(k))
							hits = append(hits, hit{line[i+1 : j], off + i, off + colon + 1})
						}
					}
					i = j
				}
			}
		}
		off += end + 1
	}
	fields := make([]namedSpan, 0, len(hits))
	for i, h := range hits {
		end := len(raw)
		if i+1 < len(hits) {
			end = hits[i+1].off
		}
		if _, seen := lookup(fields, h.name); seen {
			continue
		}
		fields = append(fields, namedSpan{nameOf(params, h.name), span{keyStart: fm.rawStart + h.off, valueStart: fm.rawStart + h.value, end: fm.rawStart + end}})
	}
	return slices.Clip(fields)
}

// nameOf returns the decoded fields' own key for a field's name, which
// the page keeps anyway, or else a copy: the name is part of its line,
// which would stay.
func nameOf(params map[string]any, name string) string {
	for k := range params {
		if k == name {
			return k
		}
	}
	return strings.Clone(name)
}

// A namedSpan is a field's name and where it sits. A page has a few fields:
// a list holds them in a fraction of a map's memory.
type namedSpan struct {
	name string
	span
}

// lookup finds the named field.
func lookup(fields []namedSpan, name string) (span, bool) {
	for _, f := range fields {
		if f.name == name {
			return f.span, true
		}
	}
	return span{}, false
}

func yamlKey(line string) (string, int, bool) {
	if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
		return "", 0, false
	}
	i := strings.Index(line, ":")
	if i <= 0 || (i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t') {
		return "", 0, false
	}
	return strings.Trim(strings.TrimSpace(line[:i]), `"'`), i + 1, true
}

func closingQuote(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return len(s) - 1
}

// KeyPos returns the position of a top-level front matter key, or of the
// start of the file when the key is absent or the file has no front matter.
func (p *Page) KeyPos(field string) Pos {
	s, ok := lookup(p.fields, field)
	if !ok {
		return Pos{Line: 1, Col: 1}
	}
	return p.posOf(s.keyStart)
}

// ItemPos returns the position of each of values in the front matter field,
// searched for in order, so that a list's items get their own positions.
// A value that cannot be found gets the key's position.
func (p *Page) ItemPos(field string, values []string) []Pos {
	out := make([]Pos, len(values))
	s, ok := lookup(p.fields, field)
	from := s.valueStart
	for i, v := range values {
		out[i] = p.KeyPos(field)
		if !ok || v == "" {
			continue
		}
		if at := findToken(p.src[from:s.end], v); at >= 0 {
			out[i] = p.posOf(from + at)
			from += at + len(v)
		}
	}
	return out
}

// ValuePos is ItemPos for one value.
func (p *Page) ValuePos(field, value string) Pos { return p.ItemPos(field, []string{value})[0] }

// findToken finds v in b where it is not part of a longer word.
func findToken(b []byte, v string) int {
	word := func(c byte) bool {
		return c == '-' || c == '_' || c == '.' || c == '/' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for base := 0; ; {
		i := bytes.Index(b[base:], []byte(v))
		if i < 0 {
			return -1
		}
		i += base
		j := i + len(v)
		if (i == 0 || !word(b[i-1])) && (j >= len(b) || !word(b[j])) {
			return i
		}
		base = i + 1
	}
}

// BodyPos converts a byte offset within Body to a position in the file.
// Once the page is compacted any offset gives the body's first line.
func (p *Page) BodyPos(off int) Pos {
	if p.compacted {
		return Pos{Line: p.BodyLine, Col: 1}
	}
	return p.posOf(len(p.src) - len(p.Body) + off)
}

// Order returns the names of the top-level fields in the order they appear
// in the file; fields not found in the text come last, sorted.
func (p *Page) Order(names []string) []string {
	out := slices.Clone(names)
	slices.SortStableFunc(out, func(a, b string) int {
		sa, oka := lookup(p.fields, a)
		sb, okb := lookup(p.fields, b)
		switch {
		case oka && okb:
			return sa.keyStart - sb.keyStart
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}
