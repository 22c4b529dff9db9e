package benchgen

import (
	"bytes"
	"strings"
)

// Hugo writes the equivalent site for Hugo through emit: the same markdown
// files, tools and stages as taxonomies (as in the reference
// figure; collaborators are plain front matter), minimal layouts that list
// the terms, and highlighting off.
func Hugo(n int, emit Emit) error {
	config := `baseURL = "https://example.org/"
title = "Generated atlas"
disableKinds = ["RSS"]
[taxonomies]
  tool = "tools"
  stage = "stages"
[markup.highlight]
  codeFences = false
`
	layouts := map[string]string{
		"layouts/_default/baseof.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head><body><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}{{ range $tax, $_ := .Site.Taxonomies }}{{ with $.GetTerms $tax }}<h2>{{ $tax }}</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}{{ end }}{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
		"layouts/_default/terms.html":  `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}`,
	}
	if err := emit("hugo.toml", []byte(config)); err != nil {
		return err
	}
	for name, data := range layouts {
		if err := emit(name, []byte(data)); err != nil {
			return err
		}
	}
	// The content is rolesite's, with the relation fields renamed to the
	// taxonomies' singular keys where Hugo needs plural ones in front matter.
	return Generate(n, func(name string, data []byte) error {
		if !strings.HasPrefix(name, "content/") {
			return nil
		}
		if strings.HasSuffix(name, "/_index.md") && name != "content/_index.md" {
			data = []byte("---\ntitle: " + strings.TrimSuffix(strings.TrimPrefix(name, "content/"), "/_index.md") + "\n---\n")
		} else if name == "content/_index.md" {
			data = []byte("---\ntitle: Generated atlas\n---\n")
		} else {
			data = bytes.Replace(data, []byte("\ncollaborates_with:"), []byte("\ncollaborates_with:"), 1)
		}
		return emit(name, data)
	})
}
