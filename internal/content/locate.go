package content

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"
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
				if _, found := params[name]; !found && params != nil {
					name = yamlKeyName(name)
				}
				hits = append(hits, hit{name, off, off + n})
			}
		case "toml":
			if name, key, value, ok := tomlKey(line, &inTable); ok {
				hits = append(hits, hit{name, off + key, off + value})
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
	name := namer(params, len(hits))
	for i, h := range hits {
		end := len(raw)
		if i+1 < len(hits) {
			end = hits[i+1].off
		}
		kept, seen := name(h.name, fields)
		if seen {
			continue
		}
		fields = append(fields, namedSpan{kept, span{keyStart: fm.rawStart + h.off, valueStart: fm.rawStart + h.value, end: fm.rawStart + end}})
	}
	return slices.Clip(fields)
}

// tomlKey reads one line of TOML for a top-level key: one before the
// first table (name = ...), or a table's header, [name] or, for an array
// of tables, [[name]] (the first segment of its dotted name), once for
// each run of headers of that name. inTable is the table being read. It
// returns the key's name, where it starts on the line and where its value
// does.
func tomlKey(line string, inTable *string) (name string, key, value int, ok bool) {
	t := strings.TrimLeft(line, " \t")
	indent := len(line) - len(t)
	if strings.HasPrefix(t, "[") {
		open := 1
		if strings.HasPrefix(t, "[[") {
			open = 2
		}
		i := strings.IndexByte(t, ']')
		if i <= open {
			return "", 0, 0, false
		}
		name = strings.Trim(strings.SplitN(t[open:i], ".", 2)[0], ` "'`)
		fresh := name != *inTable
		*inTable = name
		return name, indent + open, indent + i + open, fresh
	}
	if *inTable != "" {
		return "", 0, 0, false
	}
	if i := strings.IndexByte(t, '='); i > 0 {
		return strings.Trim(strings.TrimSpace(t[:i]), `"'`), indent, indent + i + 1, true
	}
	return "", 0, 0, false
}

// manyFields is the number of fields past which locate looks names up in
// maps rather than looking through them.
const manyFields = 32

// namer returns, for each field name locate finds in turn, the string to
// keep for it and whether the name was found before (in fields). The
// string kept is the decoded fields' own key, which the page keeps anyway,
// or else a copy: the name is part of its line, which would stay. A page
// has a few fields, looked through; a block with more than manyFields (a
// hostile one holds a hundred thousand) gets maps, so that locating stays
// linear.
func namer(params map[string]any, found int) func(name string, fields []namedSpan) (string, bool) {
	if found <= manyFields && len(params) <= manyFields {
		return func(name string, fields []namedSpan) (string, bool) {
			if _, seen := lookup(fields, name); seen {
				return "", true
			}
			for k := range params {
				if k == name {
					return k, false
				}
			}
			return strings.Clone(name), false
		}
	}
	keys := make(map[string]string, len(params))
	for k := range params {
		keys[k] = k
	}
	seen := make(map[string]bool, found)
	return func(name string, _ []namedSpan) (string, bool) {
		if seen[name] {
			return "", true
		}
		seen[name] = true
		if k, ok := keys[name]; ok {
			return k, false
		}
		return strings.Clone(name), false
	}
}

// A namedSpan is a field's name and where it sits. A page has a few fields:
// a list holds them in a fraction of a map's memory.
type namedSpan struct {
	name string
	span
}

// field finds the named field of the page: in its index when it has many,
// else by looking through the few it has.
func (p *Page) field(name string) (span, bool) {
	if p.index != nil {
		i, ok := p.index[name]
		if !ok {
			return span{}, false
		}
		return p.fields[i].span, true
	}
	return lookup(p.fields, name)
}

// indexFields returns each field's place in fields when there are more
// than manyFields (a hostile block holds a hundred thousand, and callers
// look up every one), else nil.
func indexFields(fields []namedSpan) map[string]int {
	if len(fields) <= manyFields {
		return nil
	}
	index := make(map[string]int, len(fields))
	for i, f := range fields {
		index[f.name] = i
	}
	return index
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

// yamlKeyName is the field name a plain YAML key that is not a string
// gets once decoded (see stringKeys): True is the boolean true, named
// "true"; ~ is null, named "null"; 0x10 is the number 16.
func yamlKeyName(key string) string {
	var v any
	if err := yaml.Unmarshal([]byte(key), &v); err != nil {
		return key
	}
	switch v.(type) {
	case nil:
		return "null"
	case bool, int, int64, uint64, float64:
		return fmt.Sprint(v)
	}
	return key
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
	s, ok := p.field(field)
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
	s, ok := p.field(field)
	from := s.valueStart
	for i, v := range values {
		out[i] = p.KeyPos(field)
		if !ok || v == "" {
			continue
		}
		if at := findToken(p.text(from, s.end), v); at >= 0 {
			out[i] = p.posOf(from + at)
			from += at + len(v)
		}
	}
	return out
}

// ValuePos is ItemPos for one value.
func (p *Page) ValuePos(field, value string) Pos { return p.ItemPos(field, []string{value})[0] }

// KeyItemPos returns the position of each of keys of the front matter
// field's mapping (skills: {statistics: expert}): where the key stands as
// a key, followed, past a closing quote and blanks, by ':' (YAML, JSON)
// or '=' (TOML), not where the same word is a value. A key that cannot be
// found gets the field key's position.
func (p *Page) KeyItemPos(field string, keys []string) []Pos {
	out := make([]Pos, len(keys))
	s, ok := p.field(field)
	var text string
	if ok {
		text = p.text(s.valueStart, s.end)
	}
	for i, k := range keys {
		out[i] = p.KeyPos(field)
		if !ok || k == "" {
			continue
		}
		for from := 0; from < len(text); {
			at := findToken(text[from:], k)
			if at < 0 {
				break
			}
			at += from
			if endsKey(text[at+len(k):]) {
				out[i] = p.posOf(s.valueStart + at)
				break
			}
			from = at + len(k)
		}
	}
	return out
}

// endsKey tells whether rest, the text after a word, shows the word was a
// mapping's key.
func endsKey(rest string) bool {
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		rest = rest[1:]
	}
	rest = strings.TrimLeft(rest, " \t")
	return rest != "" && (rest[0] == ':' || rest[0] == '=')
}

// findToken finds v in b where it is not part of a longer word.
func findToken(b string, v string) int {
	word := func(c byte) bool {
		return c == '-' || c == '_' || c == '.' || c == '/' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for base := 0; ; {
		i := strings.Index(b[base:], v)
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
// in the file; fields not found in the text come last, sorted. Each name
// is looked up once, not at every comparison.
func (p *Page) Order(names []string) []string {
	type placed struct {
		name  string
		at    int
		found bool
	}
	all := make([]placed, len(names))
	for i, name := range names {
		s, ok := p.field(name)
		all[i] = placed{name, s.keyStart, ok}
	}
	slices.SortStableFunc(all, func(a, b placed) int {
		switch {
		case a.found && b.found:
			return a.at - b.at
		case a.found:
			return -1
		case b.found:
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	out := make([]string, len(all))
	for i, a := range all {
		out[i] = a.name
	}
	return out
}
