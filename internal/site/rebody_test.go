package site

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/markdown"
)

// rebodyFiles is a site with no problem: roles linking tools by front
// matter and by body links (to pages and headings), a draft, and
// sections of their own.
func rebodyFiles(roles, tools int) map[string]string {
	files := map[string]string{
		"content/_index.md":       "---\ntitle: Rebody\n---\nSee [a role](roles/role-000.md).\n",
		"content/roles/_index.md": "---\ntitle: Roles\nrelations:\n  collaborates_with: {section: roles}\n---\n",
		"content/tools/draft.md":  "---\ntitle: Draft\ndraft: true\n---\n",
	}
	for i := range tools {
		files[fmt.Sprintf("content/tools/tool-%03d.md", i)] = fmt.Sprintf("---\ntitle: Tool %d\n---\n## Setup\n\nText.\n\n## Use %d\n\nMore.\n", i, i)
	}
	for i := range roles {
		files[fmt.Sprintf("content/roles/role-%03d.md", i)] = fmt.Sprintf(
			"---\ntitle: Role %d\ntools: [tool-%03d]\ncollaborates_with: [role-%03d]\n---\n## Work\n\nUses [a tool](../tools/tool-%03d.md#setup); see [work](#work).\n",
			i, i%tools, (i+1)%roles, (i+3)%tools)
	}
	return files
}

// inputsOf parses and converts files, in path order.
func inputsOf(t *testing.T, files map[string]string) []Input {
	t.Helper()
	conv := markdown.New(markdown.Options{})
	var inputs []Input
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p, diags := content.Parse(name, []byte(files[name]))
		if p == nil {
			t.Fatalf("%s: %v", name, diags)
		}
		inputs = append(inputs, Input{Page: p, Doc: conv.Convert(p.Body)})
	}
	return inputs
}

// describeBodies writes out what every page's body gave the site.
func describeBodies(s *Site) string {
	var b strings.Builder
	for _, p := range append([]*Page{s.Home}, s.Pages...) {
		body := s.Body(p)
		fmt.Fprintf(&b, "%s %s links=%q headings=%v images=%v\n", p.URL, body.Src.Body, body.Links, body.Doc.Headings, body.ImagePos)
	}
	return b.String()
}

// sameResolve requires got, and its problems, to be what Resolve gave:
// want and wantDiags.
func sameResolve(t *testing.T, what string, want, got *Site, wantDiags, gotDiags diag.List) {
	t.Helper()
	if !slices.Equal(strs(wantDiags), strs(gotDiags)) {
		t.Errorf("%s: problems differ:\nResolve: %v\ngot:     %v", what, wantDiags, gotDiags)
	}
	if describe(want) != describe(got) || describeBodies(want) != describeBodies(got) {
		t.Errorf("%s: the site differs from what Resolve gives", what)
	}
	ownPointers(t, what, got)
}

// ownPointers requires every page and section that s's groups and
// declarations name to be s's own, not those of a site it was made after.
func ownPointers(t *testing.T, what string, s *Site) {
	t.Helper()
	pages, sections := map[*Page]bool{s.Home: true}, map[*Section]bool{}
	for _, sec := range s.Sections {
		sections[sec] = true
		pages[sec.Index] = true
		for _, p := range sec.Pages {
			pages[p] = true
		}
	}
	for p := range pages {
		if p == nil {
			continue
		}
		for _, g := range slices.Concat(p.Out, p.In) {
			if !sections[g.Section] {
				t.Errorf("%s: %s: group %s names a section of another site", what, p.URL, g.Field)
			}
			for _, q := range g.Pages {
				if !pages[q] {
					t.Errorf("%s: %s: group %s names %s of another site", what, p.URL, g.Field, q.URL)
				}
			}
		}
	}
	for sec := range sections {
		for _, d := range sec.Relations {
			if !sections[d.Target] {
				t.Errorf("%s: %s declares %s to a section of another site", what, sec.Name, d.Field)
			}
		}
	}
}

// A site made by Rebody after edits of bodies alone is the site, and the
// problems, that Resolve gives for the edited files: the edits add,
// break and remove body links (to pages, to headings, to a draft, out of
// the content folder), move them down the file, and change a heading's
// text but not its ID.
func TestRebodyMatchesResolve(t *testing.T) {
	const role = "content/roles/role-004.md"
	base := rebodyFiles(40, 12)
	head := "---\ntitle: Role 4\ntools: [tool-004]\ncollaborates_with: [role-005]\n---\n"
	reported := 0
	for _, body := range []string{
		"## Work\n\nNo links now.\n",
		"## Work\n\nA new line.\n\nUses [a tool](../tools/tool-003.md#setup) and [another](../tools/tool-009.md#use-9).\n",
		"## Work\n\nSee [nothing](../tools/tool-999.md).\n",
		"## Work\n\n\n\nSee [a heading](../tools/tool-003.md#nowhere) and [here](#work) and [there](#missing).\n",
		"## Work\n\nSee [the draft](../tools/draft.md) and [outside](../../README.md).\n",
		"## Work {#work}\n\nThe heading's text is new, its ID is not.\n",
		"## Work\n\nA [role](role-001.md), a [section](_index.md) and [home](../_index.md).\n",
	} {
		prev, diags := Resolve(inputsOf(t, base), Options{})
		if len(diags) > 0 {
			t.Fatalf("the base site has problems: %v", diags)
		}
		edited := maps.Clone(base)
		edited[role] = head + body
		inputs := inputsOf(t, edited)
		want, wantDiags := Resolve(inputs, Options{})
		i := slices.IndexFunc(inputs, func(in Input) bool { return in.Page.Path == role })
		got, gotDiags, ok := Rebody(prev, inputs[i:i+1])
		if !ok {
			t.Fatalf("Rebody refused an edit of %s", role)
		}
		if len(wantDiags) > 0 {
			reported++
		}
		sameResolve(t, fmt.Sprintf("body %q", body), want, got, wantDiags, gotDiags)
		if describeBodies(prev) == describeBodies(got) {
			t.Errorf("body %q: the new site has the old body", body)
		}
		if prev.Pages[0] != got.Pages[0] || prev.Body(prev.Pages[0]) == got.Body(got.Pages[0]) {
			t.Error("the new site should share its pages with the old and have bodies of its own")
		}
	}
	if reported < 3 {
		t.Errorf("only %d edits broke a link: the test would not see a lost problem", reported)
	}
}

// Rebody refuses a page that the site does not have: a new file, or a
// draft left out.
func TestRebodyRefusesUnknownPages(t *testing.T) {
	base := rebodyFiles(5, 3)
	prev, _ := Resolve(inputsOf(t, base), Options{})
	for _, name := range []string{"content/roles/role-new.md", "content/tools/draft.md"} {
		in := inputsOf(t, map[string]string{name: "---\ntitle: New\n---\nText.\n"})
		if _, _, ok := Rebody(prev, in); ok {
			t.Errorf("Rebody took %s, which is no page of the site", name)
		}
	}
}

// A site without content/_index.md gets a home page made up, with an empty
// Body of its own, not another page's.
func TestMadeUpHomeHasItsOwnBody(t *testing.T) {
	s, diags := Resolve(inputsOf(t, map[string]string{
		"content/roles/a.md": "---\ntitle: A\n---\n## Work\n\nSee [b](b.md).\n",
		"content/roles/b.md": "---\ntitle: B\n---\n## Play\n",
	}), Options{})
	if len(diags) == 0 {
		t.Fatal("no problem reported for the missing home page")
	}
	home := s.Body(s.Home)
	if home.Src != s.Home.Src || len(home.Doc.Headings) > 0 || len(home.Links) > 0 {
		t.Errorf("the made-up home page has another page's body: %+v", home)
	}
	if got := s.Body(s.Pages[0]).Doc.Headings; len(got) != 1 || got[0].ID != "work" {
		t.Errorf("page a's headings are %v", got)
	}
}

// ResolveAfter gives what Resolve gives after edits of front matter and
// bodies, taking the links it can from the last site: edits that keep
// every link as it resolved (a title), and ones after which links resolve
// otherwise or break (a heading's ID, a page gone, a draft, a new base
// URL). Each starts from the base site.
func TestResolveAfterMatchesResolve(t *testing.T) {
	base := rebodyFiles(40, 12)
	edits := []func(files map[string]string){
		func(f map[string]string) {
			f["content/tools/tool-003.md"] = strings.Replace(f["content/tools/tool-003.md"], "title: Tool 3", "title: Tool three", 1)
		},
		func(f map[string]string) {
			f["content/tools/tool-003.md"] = strings.Replace(f["content/tools/tool-003.md"], "## Setup", "## Set-up", 1)
		},
		func(f map[string]string) { delete(f, "content/tools/tool-009.md") },
		func(f map[string]string) {
			f["content/tools/tool-003.md"] = strings.Replace(f["content/tools/tool-003.md"], "title: Tool 3", "title: Tool 3\ndraft: true", 1)
		},
		func(f map[string]string) {
			f["content/_index.md"] = strings.Replace(f["content/_index.md"], "title: Rebody", "title: Rebody\nbase_url: https://example.org/atlas/", 1)
		},
		func(f map[string]string) {
			f["content/roles/role-004.md"] = strings.Replace(f["content/roles/role-004.md"], "title: Role 4", "title: Role four", 1) + "See [home](../_index.md#nowhere).\n"
		},
		func(f map[string]string) {
			f["content/tools/tool-new.md"] = "---\ntitle: New\n---\nSee [a tool](tool-003.md).\n"
		},
	}
	// Whether the unchanged pages keep their links: not after a heading
	// ID or the base URL changed; after a page went, those not linking it.
	keepsLinks := []bool{true, false, true, true, false, true, true}
	prev, diags := Resolve(inputsOf(t, base), Options{})
	if len(diags) > 0 {
		t.Fatalf("the base site has problems: %v", diags)
	}
	reported := 0
	for i, edit := range edits {
		files := maps.Clone(base)
		edit(files)
		// The same parsed files as the base site's, where unchanged, as a
		// build's load gives them.
		inputs := inputsOf(t, files)
		for j, in := range inputs {
			if q := prev.byPath[in.Page.Path]; q != nil && base[in.Page.Path] == files[in.Page.Path] {
				b := prev.Body(q)
				inputs[j] = Input{Page: b.Src, Doc: b.Doc, ImagePos: b.ImagePos}
			}
		}
		want, wantDiags := Resolve(inputs, Options{})
		got, gotDiags := ResolveAfter(prev, inputs, Options{})
		if len(wantDiags) > 0 {
			reported++
		}
		sameResolve(t, fmt.Sprint("edit ", i), want, got, wantDiags, gotDiags)
		if keepsLinks[i] != (got.keptLinks > 0) {
			t.Errorf("edit %d: %d pages kept their links, want them kept: %v", i, got.keptLinks, keepsLinks[i])
		}
	}
	if reported < 3 {
		t.Errorf("only %d edits broke a link: the test would not see a link taken from the last site that no longer resolves", reported)
	}
}
