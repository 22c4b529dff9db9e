package markdown

import (
	"bytes"
	"html"
	"strconv"
	"strings"
)

// Fill replaces each "rolesite-link:N" href placeholder in h with urls[N],
// attribute-escaped, and returns the page body as a string (what the page
// template takes, made in one copy). Placeholders with no URL are left as
// they are.
func Fill(h []byte, urls []string) string {
	return fill(h, `href="`+Placeholder, len(urls)*16, func(n int) (string, bool) {
		if n >= len(urls) {
			return "", false
		}
		return `href="` + html.EscapeString(urls[n]) + `"`, true
	})
}

// FillImages replaces each src="rolesite-image:N" in h with attrs[N], a
// run of attributes already escaped (`src="/a.png" width="3" height="2"`,
// see ImageAttrs). Placeholders with no attributes are left as they are.
func FillImages(h string, attrs []string) string {
	marker := `src="` + ImagePlaceholder
	if len(attrs) == 0 || !strings.Contains(h, marker) {
		return h
	}
	return fill([]byte(h), marker, len(attrs)*48, func(n int) (string, bool) {
		if n >= len(attrs) || attrs[n] == "" {
			return "", false
		}
		return attrs[n], true
	})
}

// fill copies h, replacing each marker+N+`"` for which with(N) gives a
// replacement.
func fill(h []byte, marker string, grow int, with func(n int) (string, bool)) string {
	m := []byte(marker)
	if !bytes.Contains(h, m) {
		return string(h)
	}
	var out strings.Builder
	out.Grow(len(h) + grow)
	for {
		i := bytes.Index(h, m)
		if i < 0 {
			out.Write(h)
			return out.String()
		}
		start := i + len(m)
		end := start
		for end < len(h) && h[end] >= '0' && h[end] <= '9' {
			end++
		}
		n, err := strconv.Atoi(string(h[start:end]))
		repl, ok := "", false
		if err == nil && end < len(h) && h[end] == '"' {
			repl, ok = with(n)
		}
		if !ok {
			out.Write(h[:start])
			h = h[start:]
			continue
		}
		out.Write(h[:i])
		out.WriteString(repl)
		h = h[end+1:]
	}
}
