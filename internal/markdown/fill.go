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
	marker := []byte(`href="` + Placeholder)
	if len(urls) == 0 || !bytes.Contains(h, marker) {
		return string(h)
	}
	var out strings.Builder
	out.Grow(len(h) + len(urls)*16)
	for {
		i := bytes.Index(h, marker)
		if i < 0 {
			out.Write(h)
			return out.String()
		}
		start := i + len(marker)
		end := start
		for end < len(h) && h[end] >= '0' && h[end] <= '9' {
			end++
		}
		n, err := strconv.Atoi(string(h[start:end]))
		if err != nil || n >= len(urls) || end >= len(h) || h[end] != '"' {
			out.Write(h[:start])
			h = h[start:]
			continue
		}
		out.Write(h[:i])
		out.WriteString(`href="`)
		out.WriteString(html.EscapeString(urls[n]))
		h = h[end:]
	}
}
