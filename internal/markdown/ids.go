package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids hands out heading IDs for one document: GitHub-style slugs of the
// heading text, made unique with -1, -2... and never one of the reserved IDs.
type ids struct {
	used map[string]bool
	next map[string]int // per base: the suffix to try first, so n equal headings cost O(n), not O(n²)
}

func newIDs(reserved []string) *ids {
	used := make(map[string]bool, len(reserved)+8)
	for _, r := range reserved {
		used[r] = true
	}
	return &ids{used: used, next: map[string]int{}}
}

// Slug turns heading text into an ID: lower case, letters, digits, '-' and
// '_' kept, spaces to '-', everything else dropped.
func Slug(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	i := max(s.next[base], 1)
	for s.used[id] {
		id = base + "-" + strconv.Itoa(i)
		i++
	}
	s.next[base] = i
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
