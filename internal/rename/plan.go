package rename

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v4"

	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/workspace"
)

// An Edit replaces the bytes [Start, End) of a file's text with Text.
type Edit struct {
	Start, End int
	Text       string
}

// A File is the edits of one file, by its path before the rename.
type File struct {
	Path  string
	Edits []Edit // sorted, not overlapping
}

// A Plan renames one page.
type Plan struct {
	From, To string // the page's file before and after: "content/roles/a.md"
	OldURL   string // the alias the page gains: "/roles/a/"
	Refs     int    // how many references to the page it rewrites
	Files    []File // sorted by path; the page's own file among them when it changes
}

// Page plans renaming the page to the slug newSlug. exists tells whether
// a site path is taken (on disk, or in an editor's buffer).
func Page(snap *workspace.Snapshot, page *site.Page, newSlug string, exists func(string) bool) (*Plan, error) {
	src := page.Src
	if page.Kind != site.KindPage {
		return nil, fmt.Errorf("%s: only a page can be renamed, not a section's or the site's _index.md", src.Path)
	}
	if err := checkSlug(newSlug); err != nil {
		return nil, err
	}
	to := path.Join(path.Dir(src.Path), newSlug+".md")
	if newSlug == src.Slug {
		return nil, fmt.Errorf("%s: the page is already called %s", src.Path, newSlug)
	}
	if exists(to) && !strings.EqualFold(to, src.Path) {
		return nil, fmt.Errorf("%s: a file of that name exists: pick another slug, or remove it first", to)
	}
	plan := &Plan{From: src.Path, To: to, OldURL: "/" + page.URL}
	edits := map[string][]Edit{}
	for _, r := range snap.References(page) {
		e, err := refEdit(snap, r, src.Slug, newSlug)
		if err != nil {
			return nil, err
		}
		if e != nil {
			edits[r.From] = append(edits[r.From], *e)
			plan.Refs++
		}
	}
	text, _ := snap.Text(src.Path)
	newURL := "/" + path.Join(path.Dir(strings.TrimSuffix(page.URL, "/")), newSlug) + "/"
	alias, err := aliasEdit(src, text, plan.OldURL, newURL)
	if err != nil {
		return nil, err
	}
	if alias != nil {
		edits[src.Path] = append(edits[src.Path], *alias)
	}
	for _, name := range slices.Sorted(maps.Keys(edits)) {
		es := edits[name]
		slices.SortFunc(es, func(a, b Edit) int { return a.Start - b.Start })
		for i := 1; i < len(es); i++ {
			if es[i].Start < es[i-1].End {
				return nil, fmt.Errorf("%s: two edits overlap at byte %d: rename by hand", name, es[i].Start)
			}
		}
		plan.Files = append(plan.Files, File{Path: name, Edits: es})
	}
	return plan, nil
}

// refEdit rewrites one reference; nil for a link to a fragment of the
// page itself, which names no file.
func refEdit(snap *workspace.Snapshot, r workspace.Ref, oldSlug, newSlug string) (*Edit, error) {
	at := fmt.Sprintf("%s:%d:%d", r.From, r.Pos.Line, r.Pos.Col)
	if r.Field == "" && r.Value == "" {
		return nil, nil
	}
	if !r.HasRange() {
		return nil, fmt.Errorf("%s: cannot find the text of %q to rename it (an escaped string or a reference-style link?): write it plainly, or rename it by hand", at, r.Value)
	}
	text, _ := snap.Text(r.From)
	if r.Field != "" {
		if string(text[r.Start:r.End]) != oldSlug {
			return nil, fmt.Errorf("%s: %s: %q is not written as %s: write it so, or rename it by hand", at, r.Field, r.Value, oldSlug)
		}
		value := newSlug
		if p := snap.Page(r.From); p != nil && p.Src.Format == "yaml" && !quoted(text, r.Start) && !plainYAMLString(newSlug) {
			value = `"` + newSlug + `"` // 0, true, null... would not read as a string
		}
		return &Edit{Start: r.Start, End: r.End, Text: value}, nil
	}
	file := oldSlug + ".md"
	end := r.Start + len(r.Value)
	if !strings.HasSuffix(r.Value, file) || (len(r.Value) > len(file) && r.Value[len(r.Value)-len(file)-1] != '/') || string(text[end-len(file):end]) != file {
		return nil, fmt.Errorf("%s: the link %q does not end in /%s as written: rename it by hand", at, r.Value, file)
	}
	return &Edit{Start: end - len(file), End: end, Text: newSlug + ".md"}, nil
}

// quoted tells whether the value at off stands in quotes.
func quoted(text []byte, off int) bool {
	return off > 0 && (text[off-1] == '"' || text[off-1] == '\'')
}

// plainYAMLString tells whether s, written plainly in YAML, reads as the
// string s.
func plainYAMLString(s string) bool {
	var v any
	if err := yaml.Unmarshal([]byte("["+s+"]"), &v); err != nil {
		return false
	}
	list, ok := v.([]any)
	return ok && len(list) == 1 && list[0] == s
}

// checkSlug tells whether s can be a page's file name, as a slug.
func checkSlug(s string) error {
	ok := s != "" && !strings.HasPrefix(s, "_") && !strings.HasPrefix(s, "-")
	for _, r := range s {
		if !(unicode.IsLower(r) || unicode.IsDigit(r) || r == '-' || r == '_' || unicode.IsLetter(r) && !unicode.IsUpper(r)) {
			ok = false
		}
	}
	if !ok {
		return fmt.Errorf("%q is not a slug: use lower-case letters, digits and hyphens, such as %s", s, suggest(s))
	}
	return nil
}

func suggest(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-_")
}
