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
