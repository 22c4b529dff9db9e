package diagram

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The layout cannot ask a browser how wide a text will be, so it
// estimates, erring wide: per-rune widths in em for the widest common sans
// serif, DejaVu Sans (the Linux default), rounded up, plus 10% for bold.
// Narrower system fonts (San Francisco, Segoe UI, Roboto) only leave more
// room. Runes outside Latin count a full em, as CJK ideographs do.
func runeWidth(r rune) float64 {
	switch {
	case r == ' ':
		return 0.33
	case strings.ContainsRune("fijlrt.,:;'|!ı()[]", r):
		return 0.42
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '@' || r == '%':
		return 1.0
	case r >= 'A' && r <= 'Z':
		return 0.8
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return 0.66
	case r < 0x250: // the rest of Latin: accented letters, punctuation
		return 0.8
	case unicode.Is(unicode.Mn, r):
		return 0
	default:
		return 1.0
	}
}

// A font is a size in px and a weight.
type font struct {
	size float64
	bold bool
}

// width estimates the advance width of s in f, in px.
func (f font) width(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	if f.bold {
		w *= 1.1
	}
	return w * f.size
}

// wrap breaks s into lines no wider than max, at spaces where it can and
// inside a word only when the word alone is too wide.
func (f font) wrap(s string, max float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case f.width(line+" "+word) <= max:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
		for f.width(line) > max && utf8.RuneCountInString(line) > 1 {
			head := f.fit(line, max, "")
			lines = append(lines, head)
			line = line[len(head):]
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fit returns the longest prefix of s that, followed by tail, is no wider
// than max; at least one rune.
func (f font) fit(s string, max float64, tail string) string {
	w := f.width(tail)
	end := 0
	for i, r := range s {
		w += f.width(string(r))
		if w > max && i > 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:]) // 1 for an invalid byte, unlike RuneLen
		end = i + size
	}
	return s[:end]
}

// truncate shortens s with an ellipsis so that it is no wider than max.
func (f font) truncate(s string, max float64) string {
	if f.width(s) <= max {
		return s
	}
	return strings.TrimRight(f.fit(s, max, "…"), " ") + "…"
}
