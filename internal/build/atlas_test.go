package build_test

import (
	"context"
	"os"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/site"
)

// TestAtlasInvariants keeps the repository's atlas whole as people add
// pages: every role names at least two tools and one stage, every tool is
// used by a role and names a stage, every stage has a role, every stage has
// a place in the lifecycle, and no page is an orphan (nothing links to it).
func TestAtlasInvariants(t *testing.T) {
	res := build.Build(context.Background(), os.DirFS("../.."), rolesite.Theme(), build.Options{})
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	s := res.Site
	section := map[string]*site.Section{}
	for _, sec := range s.Sections {
		section[sec.Name] = sec
	}
	for _, name := range []string{"roles", "tools", "stages"} {
		if section[name] == nil || len(section[name].Pages) == 0 {
			t.Fatalf("the atlas has no %s", name)
		}
	}
	count := func(groups []*site.Group, field, target string) int {
		n := 0
		for _, g := range groups {
			if g.Section.Name == target && (field == "" || g.Field == field) {
				n += len(g.Pages)
			}
		}
		return n
	}
	for _, p := range section["roles"].Pages {
		if n := count(p.Out, "tools", "tools"); n < 2 {
			t.Errorf("%s names %d tools, want at least 2", p.Src.Path, n)
		}
		if n := count(p.Out, "stages", "stages"); n < 1 {
			t.Errorf("%s names no stage", p.Src.Path)
		}
	}
	for _, p := range section["tools"].Pages {
		if count(p.In, "tools", "roles") < 1 {
			t.Errorf("%s is used by no role", p.Src.Path)
		}
		if count(p.Out, "stages", "stages") < 1 {
			t.Errorf("%s names no stage", p.Src.Path)
		}
		if _, ok := p.Src.Params["category"].(string); !ok {
			t.Errorf("%s has no category", p.Src.Path)
		}
	}
	for _, p := range section["stages"].Pages {
		if count(p.In, "", "roles") < 1 {
			t.Errorf("%s has no role", p.Src.Path)
		}
		if !p.Src.Weighed {
			t.Errorf("%s has no order in the lifecycle", p.Src.Path)
		}
	}
	// No orphans: every page is named by a relation or a body link of another page.
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
		for _, url := range p.Links {
			for _, q := range s.Pages {
				if q != p && url != "" && (url == s.Permalink(q) || len(url) > len(s.Permalink(q)) && url[:len(s.Permalink(q))+1] == s.Permalink(q)+"#") {
					linked[q.Src.Path] = true
				}
			}
		}
	}
	for _, p := range s.Pages {
		if !linked[p.Src.Path] {
			t.Errorf("%s is an orphan: no other page relates or links to it", p.Src.Path)
		}
	}
	if s.Lifecycle == nil || len(s.Matrices) < 2 {
		t.Error("the atlas should declare its lifecycle and its two matrices")
	}
}
