package content

// tomlTooDeep scans TOML text in one pass and returns the offset of the
// first construct that would nest deeper than limit levels once decoded, or
// -1. BurntSushi/toml has no limit of its own, and its cost grows with the
// square of the nesting (10,000 inline tables: 24 s and 11 GB), so this
// runs before it.
//
// The scan follows TOML's grammar as far as nesting goes: table headers
// ([a.b] opens a level per name, [[a.b]] one more for the array), dotted
// keys (a.b.c = 1 opens a level per name but the last), inline tables and
// arrays, at top level and inside values; it skips strings of all four
// kinds and comments, so that brackets inside them count for nothing. It
// never counts more levels than the decoded value has (FuzzTOMLDepth holds
// it to that); on text that is not TOML it may count fewer, and the decoder
// then reports the error.
func tomlTooDeep(src []byte, limit int) int {
	s := &tomlScan{src: src, limit: limit, cross: -1}
	s.document()
	return s.cross
}

type tomlScan struct {
	src   []byte
	i     int
	limit int
	cross int // offset of the first construct past the limit, or -1
}

func (s *tomlScan) done() bool { return s.i >= len(s.src) || s.cross >= 0 }

// deeper records that the construct at off opens level depth.
func (s *tomlScan) deeper(off, depth int) {
	if depth > s.limit && s.cross < 0 {
		s.cross = off
	}
}

// document reads headers and key = value lines; base is the level of the
// table the lines are in.
func (s *tomlScan) document() {
	base := 1
	for !s.done() {
		s.space()
		if s.done() {
			return
		}
		if s.src[s.i] == '[' {
			base = s.header()
			continue
		}
		if d, ok := s.keyValue(base); ok {
			s.value(d)
		} else if s.i < len(s.src) {
			s.i++ // not TOML: go on from the next byte
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the level of the table it opens.
func (s *tomlScan) header() int {
	s.i++
	array := s.i < len(s.src) && s.src[s.i] == '['
	if array {
		s.i++
	}
	depth, last := 1, s.i
	for !s.done() {
		s.blank()
		last = s.i
		if !s.keyPart() {
			break
		}
		depth++
		s.deeper(last, depth)
		s.blank()
		if s.done() || s.src[s.i] != '.' {
			break
		}
		s.i++
	}
	if array {
		depth++
		s.deeper(last, depth)
	}
	return depth
}

// keyValue reads a possibly dotted key and its '=' in a table of level
// base, and returns the level a table or array given as its value opens.
func (s *tomlScan) keyValue(base int) (int, bool) {
	depth := base
	for !s.done() {
		s.blank()
		start := s.i
		if !s.keyPart() {
			return 0, false
		}
		depth++
		s.blank()
		if s.done() {
			return 0, false
		}
		switch s.src[s.i] {
		case '.':
			s.deeper(start, depth) // the name opens a table
			s.i++
		case '=':
			s.i++
			return depth, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// keyPart skips one bare or quoted key name, reporting whether there was one.
func (s *tomlScan) keyPart() bool {
	if s.done() {
		return false
	}
	if c := s.src[s.i]; c == '"' || c == '\'' {
		s.i = skipTOMLString(s.src, s.i)
		return true
	}
	start := s.i
	for s.i < len(s.src) && isBareKey(s.src[s.i]) {
		s.i++
	}
	return s.i > start
}

func isBareKey(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

// value reads one value; a table or an array it opens has level depth.
func (s *tomlScan) value(depth int) {
	s.blank()
	if s.done() {
		return
	}
	switch c := s.src[s.i]; c {
	case '[':
		s.deeper(s.i, depth)
		s.i++
		s.items(']', func() bool { s.value(depth + 1); return true })
	case '{':
		s.deeper(s.i, depth)
		s.i++
		s.items('}', func() bool {
			d, ok := s.keyValue(depth)
			if ok {
				s.value(d)
			}
			return ok
		})
	case '"', '\'':
		s.i = skipTOMLString(s.src, s.i)
	default:
		for s.i < len(s.src) && !isValueEnd(s.src[s.i]) {
			s.i++
		}
	}
}

// items reads the items of an array or inline table up to its closing
// bracket; item reads one and reports whether it made sense.
func (s *tomlScan) items(closing byte, item func() bool) {
	for !s.done() {
		s.space()
		if s.done() {
			return
		}
		if s.src[s.i] == closing {
			s.i++
			return
		}
		if !item() {
			return
		}
		s.space()
		if s.done() {
			return
		}
		switch s.src[s.i] {
		case ',':
			s.i++
		case closing:
			s.i++
			return
		default:
			return // not TOML
		}
	}
}

func isValueEnd(c byte) bool {
	return c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '[' || c == '{' || c == '"' || c == '\''
}

// blank skips spaces and tabs.
func (s *tomlScan) blank() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// space skips spaces, tabs, line breaks and comments.
func (s *tomlScan) space() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

// skipTOMLString returns the offset just past the string that opens at i:
// "basic" with escapes, 'literal', and their """ and ”' multi-line forms,
// which may end with up to two more quotes. An unclosed one-line string
// ends at its line's end, a multi-line one at the end of src.
func skipTOMLString(src []byte, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			switch {
			case src[j] == '\\' && q == '"':
				j++
			case src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
				j += 3
				for extra := 0; extra < 2 && j < len(src) && src[j] == q; extra++ {
					j++
				}
				return j
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j + 1
		case '\n':
			return j
		}
	}
	return len(src)
}
