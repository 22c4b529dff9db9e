package linkcheck

import (
	"bytes"
	"strings"
)

// cssURLs finds url(...) references in CSS text that starts on the given line.
func (s *found) cssURLs(css []byte, line int32) {
	for rest := css; ; {
		i := bytes.Index(rest, []byte("url("))
		if i < 0 {
			return
		}
		line += int32(bytes.Count(rest[:i], []byte("\n")))
		rest = rest[i+4:]
		j := bytes.IndexByte(rest, ')')
		if j < 0 {
			return
		}
		u := strings.Trim(strings.TrimSpace(string(rest[:j])), `"'`)
		s.add(u, line)
		line += int32(bytes.Count(rest[:j], []byte("\n")))
		rest = rest[j+1:]
	}
}

func unquote(v []byte) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return string(v)
}
