package diag

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
)

// A Diagnostic is one problem found in one place.
type Diagnostic struct {
	Path    string // slash-separated, relative to the site folder
	Line    int    // 1-based; 0 when the problem is the whole file
	Col     int    // 1-based byte column; 0 when unknown
	Message string
	Source  string // the offending source line, when known (for the dev overlay)
}

// String formats d as path:line:col: message. A file of the site
// (content/, templates/, static/) always gets a line and a column: a
// problem of the whole file, or of a line, is placed at its start, so
// that every such problem reads path:line:col, as editors and CI
// annotations parse it. Elsewhere (a flag, a file of the built output) a
// zero line or column is left out.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Path)
	line, col := d.Place()
	if line > 0 {
		fmt.Fprintf(&b, ":%d", line)
		if col > 0 {
			fmt.Fprintf(&b, ":%d", col)
		}
	}
	b.WriteString(": ")
	b.WriteString(d.Message)
	return b.String()
}

// Error lets a Diagnostic travel as an error.
func (d Diagnostic) Error() string { return d.String() }

// Compare orders diagnostics by path, line, column, then message.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		strings.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		strings.Compare(a.Message, b.Message),
	)
}

// List is a collection of diagnostics.
type List []Diagnostic

// Sorted returns the list sorted with Compare and with exact duplicates removed.
func (l List) Sorted() List {
	out := slices.Clone(l)
	slices.SortFunc(out, Compare)
	return slices.CompactFunc(out, func(a, b Diagnostic) bool { return a == b })
}

// Error joins the diagnostics one per line, so a List can be returned as an error.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Place is the line and column String writes: a site file's problem at
// least at 1:1, anything else's as they are (0 for none).
func (d Diagnostic) Place() (line, col int) {
	if siteFile(d.Path) {
		return max(d.Line, 1), max(d.Col, 1)
	}
	return d.Line, d.Col
}

// siteFile tells whether p names a file of the site folder (one with an
// extension: a folder is not placed at a line).
func siteFile(p string) bool {
	for _, dir := range []string{"content/", "templates/", "static/"} {
		if strings.HasPrefix(p, dir) && path.Ext(p) != "" {
			return true
		}
	}
	return false
}
