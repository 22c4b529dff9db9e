package lsp

import (
	"strings"

	"github.com/rolesite/rolesite/internal/textpos"
)

// A line of a file: its text without the line end, and where it starts.
type line struct {
	text  string
	start int
}

// lines splits text into lines at every line break textpos knows.
func lines(text []byte) []line {
	var out []line
	for start := 0; ; {
		end, next := textpos.LineEnd(text, start)
		out = append(out, line{string(text[start:end]), start})
		if next < 0 {
			return out
		}
		start = next
	}
}

// frontMatter finds the front matter block as typed so far, read line by
// line so that it works on text that does not parse: the format, and the
// index of its first line after the opening delimiter and of its closing
// line (len(ls) while it is not closed). ok is false for a file without
// one.
func frontMatter(ls []line) (format string, first, closing int, ok bool) {
	i := 0
	for i < len(ls) && strings.TrimSpace(strings.TrimPrefix(ls[i].text, "\uFEFF")) == "" {
		i++
	}
	if i == len(ls) {
		return "", 0, 0, false
	}
	var closers []string
	switch open := strings.TrimRight(strings.TrimPrefix(ls[i].text, "\uFEFF"), " \t"); open {
	case "---", "---yaml":
		format, closers = "yaml", []string{"---", "..."}
	case "+++":
		format, closers = "toml", []string{"+++"}
	case "---toml":
		format, closers = "toml", []string{"---"}
	case "{":
		format, closers = "json", []string{"}"}
	default:
		return "", 0, 0, false
	}
	for j := i + 1; j < len(ls); j++ {
		for _, c := range closers {
			if strings.TrimRight(ls[j].text, " \t") == c {
				return format, i + 1, j, true
			}
		}
	}
	return format, i + 1, len(ls), true
}

// topKey returns the top-level front matter key a line opens, if any: a
// YAML key at the start of a line, a TOML key or [table], a JSON key one
// level deep (depth is the JSON nesting at the line's start).
func topKey(format, text string, depth int) (string, bool) {
	switch format {
	case "yaml":
		if text == "" || strings.ContainsRune(" \t#-", rune(text[0])) {
			return "", false
		}
		if i := strings.Index(text, ":"); i > 0 {
			return strings.Trim(strings.TrimSpace(text[:i]), `"'`), true
		}
	case "toml":
		t := strings.TrimSpace(text)
		if strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "[[") {
			if i := strings.IndexByte(t, ']'); i > 0 {
				return "[" + strings.Trim(strings.SplitN(t[1:i], ".", 2)[0], ` "'`), true
			}
		}
		if i := strings.IndexByte(t, '='); i > 0 && !strings.HasPrefix(t, "#") {
			return strings.Trim(strings.TrimSpace(t[:i]), `"'`), true
		}
	case "json":
		t := strings.TrimSpace(text)
		if depth == 1 && strings.HasPrefix(t, `"`) {
			if j := strings.Index(t[1:], `"`); j >= 0 && strings.HasPrefix(strings.TrimSpace(t[j+2:]), ":") {
				return t[1 : j+1], true
			}
		}
	}
	return "", false
}

// jsonDepth returns the nesting after a line, given the nesting before it.
func jsonDepth(text string, depth int) int {
	in := false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case in && c == '\\':
			i++
		case c == '"':
			in = !in
		case !in && (c == '{' || c == '['):
			depth++
		case !in && (c == '}' || c == ']'):
			depth--
		}
	}
	return depth
}
