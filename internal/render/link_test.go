package render

import (
	"bytes"
	"html/template"
	"testing"
)

// {{link .}} writes what <a href="{{.URL}}">{{.Title}}</a> in the same
// place writes, for links that need escaping too, the first time and from
// memory.
func TestLinkAsInline(t *testing.T) {
	inline := template.Must(template.New("").Parse(`<ul>{{range .}}<li><a href="{{.URL}}">{{.Title}}</a></li>{{end}}</ul>`))
	viaLink := template.Must(template.New("").Funcs(funcs()).Parse(`<ul>{{range .}}<li>{{link .}}</li>{{end}}</ul>`))
	links := []Link{
		{Title: "Data scientist", URL: "/roles/data-scientist/"},
		{Title: `Q&A <b>"quoted"</b> 'single' +plus`, URL: "/a b/ü/?q=1&r=<2>#frag"},
		{Title: "Bad", URL: "javascript:alert(1)"},
		{Title: "Data scientist", URL: "/roles/data-scientist/"},
		{Title: "", URL: ""},
		{Title: "Ünïcödé — dash", URL: "https://example.org/x?y=%20z"},
	}
	for round := range 2 {
		var want, got bytes.Buffer
		if err := inline.Execute(&want, links); err != nil {
			t.Fatal(err)
		}
		if err := viaLink.Execute(&got, links); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("round %d:\n link: %s\ninline: %s", round, got.String(), want.String())
		}
	}
}
