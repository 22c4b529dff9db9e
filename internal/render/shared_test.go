package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
)

func TestViewReads(t *testing.T) {
	for _, c := range []struct {
		src  string // the body of "t", then the templates it calls
		want string // the fields read, sorted, or "all"
	}{
		{`{{.Site.Title}}{{range .Site.Sections}}{{.Title}}{{end}}`, "Site"},
		{`{{if eq .Kind "home"}}{{.Title}}{{else}}{{.Summary}}{{end}}`, "Kind Summary Title"},
		{`{{range .Pages}}{{.URL}}{{$.Slug}}{{end}}`, "Pages Slug"},
		{`{{with .Site}}{{.Title}}{{else}}{{.Summary}}{{end}}`, "Site Summary"},
		{`{{(.Site).Title}}{{len .Out | printf "%d"}}`, "Out Site"},
		{`{{$first := .Title}}{{with .Compare}}{{$first = .A.Title}}{{end}}{{$first}}`, "Compare Title"},
		{`{{template "x" .}}{{define "x"}}{{.Slug}}{{template "x" .}}{{end}}`, "Slug"},
		{`{{template "x" .Site}}{{define "x"}}{{.Title}}{{$.Here}}{{end}}`, "Site"},
		{`{{shared "x" .}}{{define "x"}}{{.Section}}{{end}}`, "Section"},
		{`{{each "x" .Related}}{{define "x"}}{{.Title}}{{$.URL}}{{end}}`, "Related"},
		{`{{range .Pages}}{{template "x" .}}{{end}}{{define "x"}}{{.Title}}{{end}}`, "Pages"},
		{`no actions`, ""},
		{`{{.}}`, "all"},
		{`{{$}}`, "all"},
		{`{{$v := .}}{{$v.Title}}`, "all"},
		{`{{join "," .}}`, "all"},
		{`{{with .}}{{.Title}}{{end}}`, "all"},
		{`{{template "missing" .}}`, "all"},
		{`{{shared "x" .}}{{define "x"}}{{.}}{{end}}`, "all"},
	} {
		body, defs, _ := strings.Cut(c.src, "{{define")
		if defs != "" {
			defs = "{{define" + defs
		}
		set := template.Must(template.New("").Funcs(funcs()).Parse(`{{define "t"}}` + body + `{{end}}` + defs))
		fields, all := viewReads(set, "t")
		got := strings.Join(slices.Sorted(maps.Keys(fields)), " ")
		if all {
			got = "all"
		}
		if got != c.want {
			t.Errorf("%s: reads %q, want %q", c.src, got, c.want)
		}
	}
}

func TestSharedKeepsWhatPagesShare(t *testing.T) {
	sv := (&SiteView{Title: "S"}).identify()
	other := (&SiteView{Title: "T"}).identify()
	pages := []*PageView{{Site: sv, Kind: "page", Title: "A"}, {Site: sv, Kind: "page", Title: "B"},
		{Site: other, Kind: "page", Title: "C"}, {Site: sv, Kind: "home", Title: "D"}, {Site: &SiteView{Title: "U"}, Title: "E"}}
	for _, c := range []struct {
		header string
		want   []string
		kept   int
	}{
		{`{{.Site.Title}}{{if eq .Kind "home"}} home{{end}}`, []string{"S", "S", "T", "S home", "U"}, 3}, // one a site view and kind
		{`{{.Site.Title}} {{.Title}}`, []string{"S A", "S B", "T C", "S D", "U E"}, 0},                   // the page's own title
	} {
		set := template.Must(template.New("").Funcs(funcs()).Parse(`{{define "header"}}` + c.header + `{{end}}`))
		s := newSharer(set)
		var got []string
		for _, v := range pages {
			h, err := s.shared("header", v)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, string(h))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: wrote %q, want %q", c.header, got, c.want)
		}
		if len(s.memo) != c.kept {
			t.Errorf("%s: %d kept, want %d", c.header, len(s.memo), c.kept)
		}
	}
}

func TestEachKeepsEachLink(t *testing.T) {
	set := template.Must(template.New("").Funcs(funcs()).Parse(`{{define "li"}}<li>{{link .}}{{with .Qual}} {{.}}{{end}}</li>{{end}}`))
	s := newSharer(set)
	a, b := Link{Title: "A", URL: "/a/"}, Link{Title: "B <b>", URL: "/b/"}
	aq := a
	aq.Qual = "expert"
	for range 2 {
		h, err := s.each("li", []Link{a, b, aq, a})
		if err != nil {
			t.Fatal(err)
		}
		if want := `<li><a href="/a/">A</a></li><li><a href="/b/">B &lt;b&gt;</a></li><li><a href="/a/">A</a> expert</li><li><a href="/a/">A</a></li>`; string(h) != want {
			t.Errorf("wrote %s, want %s", h, want)
		}
	}
	if s.links.len() != 3 {
		t.Errorf("%d links kept, want 3", s.links.len())
	}
}

func TestEachOtherLists(t *testing.T) {
	set := template.Must(template.New("").Funcs(funcs()).Parse(`{{define "h"}}<a href="#{{.ID}}">{{.Text}}</a>{{end}}{{define "s"}}<i>{{.}}</i>{{end}}`))
	s := newSharer(set)
	h, err := s.each("h", []Heading{{Level: 2, ID: "x", Text: "X & Y"}, {Level: 2, ID: "x", Text: "X & Y"}})
	if want := `<a href="#x">X &amp; Y</a><a href="#x">X &amp; Y</a>`; err != nil || string(h) != want || s.headings.len() != 1 {
		t.Errorf("headings: wrote %s (%v), keeping %d; want %s, keeping 1", h, err, s.headings.len(), want)
	}
	h, err = s.each("s", []string{"a", "<b>"})
	if want := `<i>a</i><i>&lt;b&gt;</i>`; err != nil || string(h) != want {
		t.Errorf("strings: wrote %s (%v), want %s", h, err, want)
	}
	if _, err := s.each("s", "abc"); err == nil {
		t.Errorf("each of a string: no error")
	}
}

// sharedTemplates loads a site's templates whose layout writes the header
// partial through shared.
func sharedTemplates(t *testing.T, header string) *Templates {
	t.Helper()
	fsys := fstest.MapFS{
		"templates/base.html":            {Data: []byte(`{{shared "header" .}}|{{template "main" .}}`)},
		"templates/partials/header.html": {Data: []byte(`{{define "header"}}` + header + `{{end}}`)},
		"templates/page.html":            {Data: []byte(`{{define "main"}}{{.Title}}{{end}}`)},
	}
	tpl, diags := LoadTemplates(fsys, []string{TemplatePage}, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return tpl
}

func TestSharedThroughTheLayout(t *testing.T) {
	sv := (&SiteView{Title: "S"}).identify()
	for _, tpl := range sharedTemplates(t, `{{.Site.Title}} {{.Title}}`).Copies(2) {
		for _, title := range []string{"A", "B"} {
			var b bytes.Buffer
			if err := tpl.Execute(&b, TemplatePage, "", &PageView{Site: sv, Title: title}); err != nil {
				t.Fatal(err)
			}
			if want := "S " + title + "|" + title; b.String() != want {
				t.Errorf("wrote %q, want %q", b.String(), want)
			}
		}
	}
}

func TestSharedFailureAtThePartial(t *testing.T) {
	tpl := sharedTemplates(t, "\n{{.Site.NoSuchField}}")
	var b bytes.Buffer
	err := tpl.Execute(&b, TemplatePage, "", &PageView{Site: (&SiteView{}).identify()})
	if err == nil || !strings.HasPrefix(err.Error(), "templates/partials/header.html:2:") {
		t.Errorf("error %v, want it at templates/partials/header.html:2", err)
	}
}

func TestEachFailureAtThePartial(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/base.html":        {Data: []byte(`{{each "li" .Breadcrumbs}}`)},
		"templates/partials/li.html": {Data: []byte("{{define \"li\"}}\n{{.NoSuchField}}{{end}}")},
		"templates/page.html":        {Data: []byte(`{{define "main"}}{{end}}`)},
	}
	tpl, diags := LoadTemplates(fsys, []string{TemplatePage}, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	err := tpl.Execute(&bytes.Buffer{}, TemplatePage, "", &PageView{Breadcrumbs: []Link{{Title: "A"}}})
	if err == nil || !strings.HasPrefix(err.Error(), "templates/partials/li.html:2:") {
		t.Errorf("error %v, want it at templates/partials/li.html:2", err)
	}
}

func TestSiteViewHere(t *testing.T) {
	sv := (&SiteView{Sections: []Link{{URL: "/roles/"}}, Glance: []Link{{URL: "/matrices/m/"}}}).identify()
	for url, here := range map[string]string{"/roles/": "/roles/", "/matrices/m/": "/matrices/m/", "/roles/a/": "", "/": ""} {
		v := sv.at(url)
		if v.Here != here || (here == "") != (v == sv) || v.id == sv.id && here != "" {
			t.Errorf("at(%q): Here %q, same view %v; want Here %q", url, v.Here, v == sv, here)
		}
	}
	if sv.Here != "" {
		t.Errorf("at changed the view it was called on")
	}
}

// themeWith is the embedded theme's templates with files of a site's own
// laid over them.
func themeWith(t *testing.T, own map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(rolesite.Theme(), "templates", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rolesite.Theme(), name)
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range own {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// TestThemePartialOverride: a site overriding the header partial, which
// the default layout writes through shared, sees its own header, written
// for each page when it shows the page's title.
func TestThemePartialOverride(t *testing.T) {
	own := map[string]string{"templates/partials/header.html": `{{define "header"}}<p class="own">{{.Site.Title}}: {{.Title}}</p>{{end}}`}
	tpl, diags := LoadTemplates(themeWith(t, own), []string{TemplatePage}, nil, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	sv := (&SiteView{Title: "Atlas", BasePath: "/", HomeURL: "/"}).identify()
	for _, title := range []string{"A", "B"} {
		var b bytes.Buffer
		if err := tpl.Execute(&b, TemplatePage, "roles", &PageView{Site: sv, Kind: TemplatePage, Title: title}); err != nil {
			t.Fatal(err)
		}
		if want := `<p class="own">Atlas: ` + title + `</p>`; !strings.Contains(b.String(), want) || strings.Contains(b.String(), "site-header") {
			t.Errorf("page %s: want its own header %s, got\n%s", title, want, b.String())
		}
	}
}
