package markdown

import (
	"bytes"
	"html"
	"strconv"
)

// Fill replaces each "rolesite-link:N" href placeholder in h with urls[N],
// attribute-escaped. Placeholders with no URL are left as they are.
func Fill(h []byte, urls []string) []byte {
	marker := []byte(`href="` + Placeholder)
	if len(urls) == 0 || !bytes.Contains(h, marker) {
		return h
	}
	out := make([]byte, 0, len(h)+len(urls)*16)
	for {
		i := bytes.Index(h, marker)
		if i < 0 {
			return append(out, h...)
		}
		start := i + len(marker)
		end := start
		for end < len(h) && h[end] >= '0' && h[end] <= '9' {
			end++
		}
		n, err := strconv.Atoi(string(h[start:end]))
		if err != nil || n >= len(urls) || end >= len(h) || h[end] != '"' {
			out = append(out, h[:start]...)
			h = h[start:]
			continue
		}
		out = append(out, h[:i]...)
		out = append(out, `href="`...)
		out = append(out, html.EscapeString(urls[n])...)
		h = h[end:]
	}
}
