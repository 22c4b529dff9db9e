package build

import (
	"hash/maphash"
	"html/template"
	"testing"
	"time"

	"github.com/rolesite/rolesite/internal/render"
)

func TestViewHashSeesEveryField(t *testing.T) {
	seed := maphash.MakeSeed()
	sv := &render.SiteView{Title: "S", Sections: []render.Link{{Title: "A", URL: "/a/"}}}
	base := func() *render.PageView {
		return &render.PageView{Site: sv, Title: "T", Content: template.HTML("<p>x</p>"),
			Out:    []render.Group{{Label: "Tools", Links: []render.Link{{Title: "Py", URL: "/py/"}}}},
			Params: map[string]any{"skills": []any{"a", "b"}, "updated": time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}
	}
	want := newViewHasher(seed).sum("page", base())
	if got := newViewHasher(seed).sum("page", base()); got != want {
		t.Fatal("the same view hashes differently")
	}
	for name, change := range map[string]func(v *render.PageView){
		"title":        func(v *render.PageView) { v.Title = "U" },
		"content":      func(v *render.PageView) { v.Content = "<p>y</p>" },
		"link title":   func(v *render.PageView) { v.Out[0].Links[0].Title = "Python" },
		"link added":   func(v *render.PageView) { v.Out[0].Links = append(v.Out[0].Links, render.Link{}) },
		"param":        func(v *render.PageView) { v.Params["skills"] = []any{"a", "c"} },
		"param date":   func(v *render.PageView) { v.Params["updated"] = time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC) },
		"site":         func(v *render.PageView) { v.Site = &render.SiteView{Title: "S2", Sections: sv.Sections} },
		"prev":         func(v *render.PageView) { v.Prev = &render.Link{Title: "P"} },
		"field moved":  func(v *render.PageView) { v.Title, v.Summary = "", "T" },
		"current flag": func(v *render.PageView) { v.Out[0].Links[0].Current = true },
	} {
		v := base()
		change(v)
		if got := newViewHasher(seed).sum("page", v); got == want {
			t.Errorf("%s: changing it does not change the hash", name)
		}
	}
	if got := newViewHasher(seed).sum("list", base()); got == want {
		t.Error("the kind is not part of the hash")
	}
}
