package benchgen

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// hugoSite is what Hugo's output of the n-page site must hold, worked out
// from the generated markdown.
type hugoSite struct {
	pages    map[string]wantPage            // by output path: roles/role-00001/index.html
	sections map[string][]string            // section name to its pages' links
	terms    map[string]map[string][]string // taxonomy to term to the links of the pages that have it
}

type wantPage struct {
	title, item string   // the title and the first list item of the body
	terms       []string // links to the page's term pages
}

func expectHugo(n int) (*hugoSite, error) {
	src, err := MapFS(n)
	if err != nil {
		return nil, err
	}
	s := &hugoSite{pages: map[string]wantPage{}, sections: map[string][]string{},
		terms: map[string]map[string][]string{HugoToolTaxonomy: {}, HugoStageTaxonomy: {}}}
	names := make([]string, 0, len(src))
	for name := range src {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		section, file, ok := strings.Cut(strings.TrimPrefix(name, "content/"), "/")
		if !ok || file == "_index.md" {
			continue
		}
		slug := strings.TrimSuffix(file, ".md")
		link := "/" + section + "/" + slug + "/"
		s.sections[section] = append(s.sections[section], link)
		text := string(hugoContent(src[name].Data))
		p := wantPage{title: field(text, "title")}
		if _, rest, ok := strings.Cut(text, "\n- "); ok {
			p.item, _, _ = strings.Cut(rest, "\n")
		}
		for _, tax := range []string{HugoStageTaxonomy, HugoToolTaxonomy} {
			list := strings.Trim(field(text, tax), "[]")
			for term := range strings.SplitSeq(list, ", ") {
				if term == "" {
					continue
				}
				s.terms[tax][term] = append(s.terms[tax][term], link)
				p.terms = append(p.terms, "/"+tax+"/"+term+"/")
			}
		}
		s.pages[section+"/"+slug+"/index.html"] = p
	}
	return s, nil
}

// field returns the value of a front matter line "name: value".
func field(text, name string) string {
	_, v, ok := strings.Cut(text, "\n"+name+": ")
	if !ok {
		return ""
	}
	v, _, _ = strings.Cut(v, "\n")
	return v
}

// htmlFiles is the number of pages Hugo writes for the site: the home
// page, the sections, the pages, the taxonomies and their terms.
func (s *hugoSite) htmlFiles() int {
	n := 1 + len(s.sections) + len(s.pages)
	for _, terms := range s.terms {
		n += 1 + len(terms)
	}
	return n
}

// CheckHugo checks Hugo's output of the generated n-page site: as many
// HTML files as the site has pages, sections, taxonomies and terms; every
// page with its title, its body (its first list item) and links to its
// terms; every section, taxonomy and term listing exactly its pages or
// terms. It returns the first problems found, or nil.
func CheckHugo(n int, out fs.FS) error {
	s, err := expectHugo(n)
	if err != nil {
		return err
	}
	var problems []string
	problem := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	count := 0
	err = fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".html" {
			count++
		}
		return err
	})
	if err != nil {
		return err
	}
	if want := s.htmlFiles(); count != want {
		problem("%d HTML files, want %d", count, want)
	}
	for _, name := range sortedKeys(s.pages) {
		p := s.pages[name]
		want := append([]string{"<h1>" + p.title + "</h1>", "<li>" + p.item + "</li>"}, hrefs(p.terms)...)
		checkPage(out, name, want, -1, problem)
	}
	for section, links := range s.sections {
		checkPage(out, section+"/index.html", hrefs(links), len(links), problem)
	}
	for tax, terms := range s.terms {
		var links []string
		for term, pages := range terms {
			links = append(links, "/"+tax+"/"+term+"/")
			checkPage(out, tax+"/"+term+"/index.html", hrefs(pages), len(pages), problem)
		}
		checkPage(out, tax+"/index.html", hrefs(links), len(links), problem)
	}
	var sections []string
	for _, section := range sortedKeys(s.sections) {
		sections = append(sections, "/"+section+"/")
	}
	checkPage(out, "index.html", hrefs(sections), len(sections), problem)
	if len(problems) > 10 {
		problems = append(problems[:10], fmt.Sprintf("and %d more", len(problems)-10))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// checkPage reports a page that lacks one of the strings in want or,
// unless items < 0, whose list in <main> does not have items entries.
func checkPage(out fs.FS, name string, want []string, items int, problem func(string, ...any)) {
	data, err := fs.ReadFile(out, name)
	if err != nil {
		problem("%v", err)
		return
	}
	page := string(data)
	for _, w := range want {
		if !strings.Contains(page, w) {
			problem("%s lacks %s", name, w)
			return
		}
	}
	_, main, _ := strings.Cut(page, "<main>")
	if got := strings.Count(main, "<li><a href="); items >= 0 && got != items {
		problem("%s lists %d entries, want %d", name, got, items)
	}
}

func hrefs(links []string) []string {
	out := make([]string, len(links))
	for i, l := range links {
		out[i] = `href="` + l + `"`
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
