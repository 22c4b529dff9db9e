package benchgen

import (
	"strings"
)

// The Hugo site's taxonomies. Their plurals differ from the sections'
// names: a taxonomy named "tools" would share /tools/ with the tools
// section, and Hugo would write each term page over the tool page of the
// same name (Hugo 0.111 did so silently, leaving 320 of 1,000 pages
// without their content).
const (
	HugoToolTaxonomy  = "tooltags"
	HugoStageTaxonomy = "stagetags"
)

// Hugo's template names changed in 0.146 (layouts/_default/single.html and
// friends became layouts/page.html and friends; taxonomy.html, once the
// term page's template, became the taxonomy page's). Each layout set is a
// theme of the generated site, chosen on the command line:
// hugo --theme HugoTheme(version).
const (
	HugoThemeBefore146 = "before-0.146"
	HugoThemeSince146  = "since-0.146"
)

const hugoConfig = `baseURL = "https://example.org/"
title = "Generated atlas"
disableKinds = ["RSS"]
[taxonomies]
  tooltag = "tooltags"
  stagetag = "stagetags"
[markup.highlight]
  noClasses = false
`

// The layouts: the same HTML from both sets. Pages show their title,
// summary, content and terms; the home and section pages list their
// pages; a taxonomy lists its terms with their counts; a term lists the
// pages that have it.
const (
	hugoBaseof = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head><body><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav><main>{{ block "main" . }}{{ end }}</main></body></html>`
	hugoPage   = `{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}{{ range $tax, $_ := .Site.Taxonomies }}{{ with $.GetTerms $tax }}<h2>{{ $tax }}</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}{{ end }}{{ end }}`
	hugoList   = `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`
	hugoTerm   = `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`
	hugoTerms  = `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}`
)

func hugoLayouts() map[string]string {
	old := "themes/" + HugoThemeBefore146 + "/layouts/_default/"
	cur := "themes/" + HugoThemeSince146 + "/layouts/"
	return map[string]string{
		old + "baseof.html":   hugoBaseof,
		old + "single.html":   hugoPage,
		old + "list.html":     hugoList, // the home and section pages
		old + "taxonomy.html": hugoTerm, // before 0.146, a term's page
		old + "terms.html":    hugoTerms,
		cur + "baseof.html":   hugoBaseof,
		cur + "page.html":     hugoPage,
		cur + "home.html":     hugoList,
		cur + "section.html":  hugoList,
		cur + "term.html":     hugoTerm,
		cur + "taxonomy.html": hugoTerms,
	}
}

// HugoTheme returns the theme of the generated Hugo site that the Hugo
// whose `hugo version` output is given accepts.
func HugoTheme(version string) string {
	for f := range strings.FieldsSeq(version) {
		f, ok := strings.CutPrefix(f, "v0.")
		if !ok {
			continue
		}
		minor, _, _ := strings.Cut(f, ".")
		if len(minor) < 3 || minor < "146" {
			return HugoThemeBefore146
		}
		return HugoThemeSince146
	}
	return HugoThemeSince146
}

// Hugo writes the equivalent site for Hugo through emit: the same markdown
// files, a role's tools and stages and a tool's stages as taxonomies
// (collaborators and skills stay plain front matter), minimal layouts that
// list pages and terms, in one theme for Hugo before 0.146 and one since,
// and highlighting with CSS classes, as rolesite highlights.
func Hugo(n int, emit Emit) error {
	if err := emit("hugo.toml", []byte(hugoConfig)); err != nil {
		return err
	}
	for name, data := range hugoLayouts() {
		if err := emit(name, []byte(data)); err != nil {
			return err
		}
	}
	return Generate(n, func(name string, data []byte) error {
		if !strings.HasPrefix(name, "content/") {
			return nil
		}
		return emit(name, hugoContent(data))
	})
}

// hugoContent renames a page's tools and stages to the taxonomies' names.
// Only the front matter has such lines: a body line never starts with a
// field name and a colon.
func hugoContent(data []byte) []byte {
	s := string(data)
	s = strings.Replace(s, "\ntools: [", "\n"+HugoToolTaxonomy+": [", 1)
	s = strings.Replace(s, "\nstages: [", "\n"+HugoStageTaxonomy+": [", 1)
	return []byte(s)
}
