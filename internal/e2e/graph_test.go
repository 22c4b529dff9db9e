package e2e

import (
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// graph is the part of graph.json the tests use to know what a page
// should show, rather than hard-coding it.
type graph struct {
	Sections []struct {
		Name, Title, URL string
		Scales           map[string][]string // field -> levels, lowest first
	}
	Pages []*graphPage
}

type graphPage struct {
	Section, Slug, Title, URL string
	Relations                 map[string][]string          // field -> "section/slug"
	Qualifiers                map[string]map[string]string // field -> "section/slug" -> qualifier
}

// readGraph reads the built site's graph.json.
func readGraph(t *testing.T, a *atlas) *graph {
	t.Helper()
	var g graph
	if err := json.Unmarshal(a.read(t, "graph.json"), &g); err != nil {
		t.Fatalf("graph.json: %v", err)
	}
	if len(g.Pages) == 0 {
		t.Fatal("graph.json lists no pages")
	}
	return &g
}

// page returns the page with the id "section/slug", or nil.
func (g *graph) page(id string) *graphPage {
	for _, p := range g.Pages {
		if p.Section+"/"+p.Slug == id {
			return p
		}
	}
	return nil
}

// section returns the pages of a section, in graph order.
func (g *graph) section(name string) []*graphPage {
	var out []*graphPage
	for _, p := range g.Pages {
		if p.Section == name {
			out = append(out, p)
		}
	}
	return out
}

// targets returns the URLs of the pages p names in field, in its order.
func (g *graph) targets(p *graphPage, field string) []string {
	var out []string
	for _, id := range p.Relations[field] {
		if q := g.page(id); q != nil {
			out = append(out, q.URL)
		}
	}
	return out
}

// intersect returns the elements of a that are in b, in a's order.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// minus returns the elements of a that are not in b, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// A bodyWord is a word that appears in the body text of one page and
// nowhere else in the content: not in that page's title, summary, front
// matter or headings, and no word anywhere else even begins with it (the
// search box matches the last word as a prefix).
type bodyWord struct {
	page string // "section/slug"
	word string
}

var (
	mdLinkTarget = regexp.MustCompile(`\]\([^)]*\)`)
	mdHTMLTag    = regexp.MustCompile(`<[^>]*>`)
)

// findBodyWords reads content/ and returns, for each page of section, the
// first qualifying word of six letters or more, in page and text order.
func findBodyWords(t *testing.T, section string) []bodyWord {
	t.Helper()
	content := os.DirFS(repoRoot + "/content")
	type doc struct{ meta, body []string }
	docs := map[string]doc{}
	err := fs.WalkDir(content, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".md" {
			return err
		}
		data, err := fs.ReadFile(content, name)
		if err != nil {
			return err
		}
		front, body := splitFrontMatter(string(data))
		var dc doc
		dc.meta = words(front)
		for line := range strings.Lines(body) {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				dc.meta = append(dc.meta, words(line)...)
			} else {
				// Text only: link targets and tags are not shown.
				dc.body = append(dc.body, words(mdHTMLTag.ReplaceAllString(mdLinkTarget.ReplaceAllString(line, "]"), " "))...)
			}
		}
		docs[strings.TrimSuffix(name, ".md")] = dc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []bodyWord
	for _, id := range slices.Sorted(maps.Keys(docs)) {
		if path.Dir(id) != section || path.Base(id) == "_index" {
			continue
		}
	words:
		for _, w := range docs[id].body {
			if len(w) < 6 {
				continue
			}
			// Search matches stems ("developing" finds "develops"), and the
			// last word typed as a prefix: a word qualifies when no other
			// word of another page, nor its stem, starts with its stem.
			sw := english.Stem(w, false)
			for other, dc := range docs {
				// Everything of every other page counts, front matter
				// included (a conservative stand-in for what is shown).
				all := dc.meta
				if other != id {
					all = append(slices.Clone(dc.meta), dc.body...)
				}
				for _, x := range all {
					if strings.HasPrefix(x, w) || strings.HasPrefix(x, sw) || strings.HasPrefix(english.Stem(x, false), sw) {
						continue words
					}
				}
			}
			out = append(out, bodyWord{page: id, word: w})
			break
		}
	}
	return out
}

// words splits text into lower-case runs of letters and digits, as the
// search index does.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// splitFrontMatter separates YAML or TOML front matter from the body.
func splitFrontMatter(s string) (front, body string) {
	for _, fence := range []string{"---", "+++"} {
		if strings.HasPrefix(s, fence+"\n") {
			if i := strings.Index(s[len(fence)+1:], "\n"+fence+"\n"); i >= 0 {
				return s[:len(fence)+1+i], s[len(fence)+1+i+len(fence)+2:]
			}
		}
	}
	return "", s
}
