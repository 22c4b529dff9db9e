package site

import (
	"fmt"
	"strings"
	"unicode"
)

// checkName returns why a file or folder name cannot be part of a URL, or
// "". ext is what a suggested name ends with (".md" for files).
func checkName(name, ext string) string {
	if name == "" {
		return "it is empty"
	}
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "-") {
		return "it must start with a letter or digit"
	}
	for _, r := range name {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return fmt.Sprintf("use letters, digits and hyphens only, e.g. %q", suggestName(name)+ext)
		}
	}
	return ""
}

func suggestName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.':
			b.WriteRune(r)
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// Humanize turns a field or folder name into a label: "collaborates_with"
// -> "Collaborates with".
func Humanize(name string) string { return humanize(name) }

func humanize(name string) string {
	s := strings.ReplaceAll(strings.ReplaceAll(name, "_", " "), "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
