package site

import (
	"fmt"
	"maps"
	"strings"
	"testing"
)

// keptFiles is a site with no problem whose roles link skills with
// qualifiers (so that their groups are ordered by the skills' titles),
// tools by an implied relation and each other by a declared one, and a
// section no page links yet.
func keptFiles() map[string]string {
	files := map[string]string{
		"content/_index.md": "---\ntitle: Kept\n---\n",
		"content/roles/_index.md": "---\ntitle: Roles\nrelations:\n  collaborates_with: {section: roles, label: Works with}\n" +
			"  skills: {section: skills, scale: [awareness, working, expert]}\n---\n",
		"content/tools/draft.md": "---\ntitle: Draft\ndraft: true\n---\n",
	}
	for i := range 8 {
		files[fmt.Sprintf("content/skills/skill-%03d.md", i)] = fmt.Sprintf("---\ntitle: Skill %d\n---\n", i)
	}
	for i := range 6 {
		files[fmt.Sprintf("content/tools/tool-%03d.md", i)] = fmt.Sprintf("---\ntitle: Tool %d\n---\n", i)
	}
	for i := range 3 {
		files[fmt.Sprintf("content/stages/stage-%d.md", i)] = fmt.Sprintf("---\ntitle: Stage %d\n---\n", i)
	}
	for i := range 20 {
		files[fmt.Sprintf("content/roles/role-%03d.md", i)] = fmt.Sprintf(
			"---\ntitle: Role %d\ntools: [tool-%03d]\ncollaborates_with: [role-%03d]\nskills: {skill-%03d: expert, skill-%03d: working, skill-%03d: expert}\n---\nText.\n",
			i, i%6, (i+1)%20, i%8, (i+1)%8, (i+2)%8)
	}
	// A relation to a left-out draft is dropped, not broken.
	files["content/roles/role-019.md"] = strings.Replace(files["content/roles/role-019.md"], "tools: [tool-001]", "tools: [tool-001, draft]", 1)
	return files
}

// ResolveAfter keeps the relations of the pages whose file did not change
// when nothing they name pages by changed, and gives what Resolve gives
// all the same: after a target's title changes (qualified groups are
// ordered by title), a page's relations or qualifiers change, a relation
// breaks or names a draft, a page is added; it keeps none of the pages
// that named a page gone; and it keeps none at all after edits that change
// what relations mean: a section's declarations, a field that implies a
// new relation, a draft published, a page that takes a draft's or a
// page's name.
func TestResolveAfterKeepsRelations(t *testing.T) {
	const role = "content/roles/role-004.md"
	base := keptFiles()
	edit := func(name, old, new string) func(map[string]string) {
		return func(f map[string]string) {
			if !strings.Contains(f[name], old) {
				t.Fatalf("%s has no %q", name, old)
			}
			f[name] = strings.Replace(f[name], old, new, 1)
		}
	}
	add := func(name, data string) func(map[string]string) {
		return func(f map[string]string) { f[name] = data }
	}
	const none = -1
	cases := []struct {
		name string
		edit func(map[string]string)
		lost int // unchanged pages that cannot keep their relations, or none
	}{
		{"a skill's title", edit("content/skills/skill-002.md", "title: Skill 2", "title: Aardvark"), 0},
		{"a tool's title", edit("content/tools/tool-001.md", "title: Tool 1", "title: Zed"), 0},
		{"a role's title", edit("content/roles/role-005.md", "title: Role 5", "title: A role"), 0},
		{"a role's tools", edit(role, "tools: [tool-004]", "tools: [tool-001, tool-002]"), 0},
		{"a qualifier", edit(role, "skill-005: working", "skill-005: awareness"), 0},
		{"a missing skill", edit(role, "skill-005: working", "skill-099: working"), 0},
		{"a draft tool", edit(role, "tools: [tool-004]", "tools: [tool-004, draft]"), 0},
		{"a tool added", add("content/tools/tool-new.md", "---\ntitle: New\n---\n"), 0},
		{"a role added", add("content/roles/role-new.md", "---\ntitle: New\ntools: [tool-001]\ncollaborates_with: [role-003]\n---\n"), 0},
		// The roles naming skill 5: role i names skills i, i+1 and i+2
		// (mod 8), so i mod 8 is 3, 4 or 5: roles 3, 4, 5, 11, 12, 13, 19.
		{"a skill gone", func(f map[string]string) { delete(f, "content/skills/skill-005.md") }, 7},
		{"a new implied relation", edit(role, "tools: [tool-004]", "tools: [tool-004]\nstages: [stage-1]"), none},
		{"a declaration's label", edit("content/roles/_index.md", "label: Works with", "label: Collaborates"), none},
		{"a draft published", edit("content/tools/draft.md", "draft: true", "draft: false"), none},
		{"a page takes a draft's name", add("content/tools/Draft.md", "---\ntitle: Not a draft\n---\n"), none},
		{"a page takes a page's name", add("content/tools/TOOL-001.md", "---\ntitle: Loud\n---\n"), none},
	}
	prev, diags := Resolve(inputsOf(t, base), Options{})
	if len(diags) > 0 {
		t.Fatalf("the base site has problems: %v", diags)
	}
	for _, c := range cases {
		files := maps.Clone(base)
		c.edit(files)
		inputs, changed := sameInputs(t, prev, base, files)
		want, wantDiags := Resolve(inputs, Options{})
		got, gotDiags := ResolveAfter(prev, inputs, Options{})
		sameResolve(t, c.name, want, got, wantDiags, gotDiags)
		switch regular := len(got.Pages); {
		case c.lost >= 0 && got.keptOut != regular-changed-c.lost:
			t.Errorf("%s: %d of %d pages kept their relations, want all but the %d edited and %d more", c.name, got.keptOut, regular, changed, c.lost)
		case c.lost == none && got.keptOut != 0:
			t.Errorf("%s: %d pages kept their relations, want none", c.name, got.keptOut)
		}
	}
}

// sameInputs parses files, giving each file that base had the same the
// parsed page prev was made from, as a build's load does, and counts the
// regular pages (drafts aside) it parsed anew.
func sameInputs(t *testing.T, prev *Site, base, files map[string]string) ([]Input, int) {
	t.Helper()
	inputs := inputsOf(t, files)
	changed := 0
	for j, in := range inputs {
		if q := prev.byPath[in.Page.Path]; q != nil && base[in.Page.Path] == files[in.Page.Path] {
			b := prev.Body(q)
			inputs[j] = Input{Page: b.Src, Doc: b.Doc, ImagePos: b.ImagePos}
		} else if !in.Page.IsIndex() && !in.Page.Draft {
			changed++
		}
	}
	return inputs, changed
}
