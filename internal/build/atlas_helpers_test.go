package build_test

import (
	"context"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/site"
)

// The links the atlas tests read in page bodies.
var (
	atlasSkillLink  = regexp.MustCompile(`\]\(\.\./skills/([a-z0-9-]+)\.md\)`)
	atlasSourceLink = regexp.MustCompile(`\]\((?:\.\./)?sources/([a-z0-9-]+)\.md\)`)
	atlasRoleLink   = regexp.MustCompile(`\]\(\.\./roles/([a-z0-9-]+)\.md\)`)
)

// atlasBuild builds the repository's atlas once per package run; the
// atlas tests only read the result.
var atlasBuild = sync.OnceValue(func() build.Result {
	return build.Build(context.Background(), os.DirFS("../.."), rolesite.Theme(), build.Options{})
})

// atlas is the repository's built atlas and its sections by name.
type atlas struct {
	site    *site.Site
	section map[string]*site.Section
}

// atlasSite is the repository's atlas, built once; it fails the test if
// the build does or if a section the atlas tests read has no pages.
func atlasSite(t *testing.T) atlas {
	t.Helper()
	res := atlasBuild()
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	a := atlas{site: res.Site, section: map[string]*site.Section{}}
	for _, sec := range res.Site.Sections {
		a.section[sec.Name] = sec
	}
	for _, name := range []string{"roles", "tools", "stages", "skills", "sources"} {
		if a.section[name] == nil || len(a.section[name].Pages) == 0 {
			t.Fatalf("the atlas has no %s", name)
		}
	}
	return a
}

// groupCount is how many pages the groups hold from section target
// through field (any field for "").
func groupCount(groups []*site.Group, field, target string) int {
	n := 0
	for _, g := range groups {
		if g.Section.Name == target && (field == "" || g.Field == field) {
			n += len(g.Pages)
		}
	}
	return n
}

// groupSlugs are the sorted slugs of the pages the groups hold from
// section target through field.
func groupSlugs(groups []*site.Group, field, target string) []string {
	var out []string
	for _, g := range groups {
		if g.Section.Name == target && g.Field == field {
			for _, q := range g.Pages {
				out = append(out, q.Src.Slug)
			}
		}
	}
	sort.Strings(out)
	return out
}

// stagesOf is the set of stages a page names in its stages field.
func stagesOf(p *site.Page) map[*site.Page]bool {
	m := map[*site.Page]bool{}
	for _, g := range p.Out {
		if g.Field == "stages" && g.Section.Name == "stages" {
			for _, q := range g.Pages {
				m[q] = true
			}
		}
	}
	return m
}

// quals are the sorted "slug level" pairs of the pages p names in field,
// the level empty where the field carries no qualifiers.
func quals(p *site.Page, field string) []string {
	var out []string
	for _, g := range p.Out {
		if g.Field != field {
			continue
		}
		for i, q := range g.Pages {
			level := ""
			if g.Quals != nil {
				level = g.Quals[i]
			}
			out = append(out, q.Src.Slug+" "+level)
		}
	}
	sort.Strings(out)
	return out
}

// uniqueMatches are the distinct first submatches of re in text, sorted.
func uniqueMatches(re *regexp.Regexp, text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// atlasBody is the source file of the page, front matter included.
func atlasBody(t *testing.T, p *site.Page) string {
	t.Helper()
	b, err := os.ReadFile("../../" + p.Src.Path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mdSection is the "## heading" section of text, from its heading to the
// next "## " heading, and whether text has one.
func mdSection(text, heading string) (string, bool) {
	i := strings.Index(text, "\n## "+heading+"\n")
	if i < 0 {
		return "", false
	}
	sec := text[i+1:]
	if j := strings.Index(sec[3:], "\n## "); j >= 0 {
		sec = sec[:j+3]
	}
	return sec, true
}

// sectionLinksAgree checks that each page has a "## heading" section and
// that the slugs re finds linked in it are want(p); mismatch is the
// message, with the slugs found and the slugs wanted, after the page's
// path.
func sectionLinksAgree(t *testing.T, pages []*site.Page, heading string, re *regexp.Regexp, want func(*site.Page) []string, mismatch string) {
	t.Helper()
	for _, p := range pages {
		w := want(p)
		sec, ok := mdSection(atlasBody(t, p), heading)
		if !ok {
			t.Errorf("%s has no %s section", p.Src.Path, heading)
			continue
		}
		if got := uniqueMatches(re, sec); strings.Join(got, " ") != strings.Join(w, " ") {
			t.Errorf("%s: "+mismatch, p.Src.Path, got, w)
		}
	}
}

// linkedPaths are the paths of the pages another page names by a
// relation or links to in its body (the page's permalink, or an anchor
// in it).
func linkedPaths(s *site.Site) map[string]bool {
	linked := map[string]bool{}
	for _, p := range s.Pages {
		for _, g := range p.Out {
			for _, q := range g.Pages {
				if q != p {
					linked[q.Src.Path] = true
				}
			}
		}
	}
	for _, p := range append([]*site.Page{s.Home}, s.Pages...) {
		for _, url := range s.Body(p).Links {
			for _, q := range s.Pages {
				if q != p && url != "" && (url == s.Permalink(q) || len(url) > len(s.Permalink(q)) && url[:len(s.Permalink(q))+1] == s.Permalink(q)+"#") {
					linked[q.Src.Path] = true
				}
			}
		}
	}
	return linked
}
