package markdown

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids hands out heading IDs for one document: GitHub-style slugs of the
// heading text, made unique with -1, -2... and never one of the reserved IDs.
type ids struct {
	used     map[string]bool
	next     map[string]int // per base: the suffix to try first, so n equal headings cost O(n), not O(n²)
	reserved []string
	seen     map[string]bool // the IDs of the headings checked so far, in document order
}

func newIDs(reserved []string) *ids {
	used := make(map[string]bool, len(reserved)+8)
	for _, r := range reserved {
		used[r] = true
	}
	return &ids{used: used, next: map[string]int{}, reserved: reserved, seen: map[string]bool{}}
}

// check takes the headings' IDs in document order and returns what is
// wrong with id, or "". A made ID is never wrong (Generate keeps clear of
// every ID used before it and of the reserved ones); an author's {#id}
// may be empty, hold a space, be reserved, or be the ID of an earlier
// heading, made or not.
func (s *ids) check(id string) string {
	taken := s.seen[id]
	s.seen[id] = true
	switch {
	case strings.TrimSpace(id) == "":
		return "this heading's {#id} is empty: give it a name, {#a-name}, or leave the {#} out for an ID made from the heading"
	case strings.ContainsAny(id, " \t\n\f\r"):
		return fmt.Sprintf("heading ID %q has a space, which an ID cannot: write %q", id, strings.Join(strings.Fields(id), "-"))
	case slices.Contains(s.reserved, id):
		return fmt.Sprintf("heading ID %q is the page's own (its template uses it): choose another in {#…}", id)
	case footnoteID(id):
		return fmt.Sprintf("heading ID %q is of the kind footnotes take (fn:1, fnref:1): choose another in {#…}", id)
	case taken:
		return fmt.Sprintf("heading ID %q is already that of an earlier heading on this page: choose another in {#…}", id)
	}
	return ""
}

// footnoteID tells whether id has the form of the IDs goldmark gives
// footnotes and the links back to them: fn:N, fnref:N, fnrefK:N.
func footnoteID(id string) bool {
	name, _, ok := strings.Cut(id, ":")
	return ok && (name == "fn" || strings.HasPrefix(name, "fnref") && strings.Trim(name[len("fnref"):], "0123456789") == "")
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
