package diagram

import (
	"strings"
	"unicode/utf8"
)

// esc escapes s for XML text and attribute values in double quotes, and
// drops what XML cannot hold: invalid UTF-8 and control characters.
func esc(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && len(s[i:]) > 0 && !strings.HasPrefix(s[i:], "\uFFFD"):
			// invalid byte: drop
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f:
			// control: drop
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escURL escapes a link for an href attribute. Only links to the web,
// mail and relative or absolute paths pass; anything else, such as a
// javascript: URL, becomes "#".
func escURL(u string) string {
	u = strings.TrimSpace(u)
	scheme, _, found := strings.Cut(u, ":")
	if found && !strings.ContainsAny(scheme, "/?#") {
		switch strings.ToLower(scheme) {
		case "http", "https", "mailto":
		default:
			return "#"
		}
	}
	return esc(u)
}
