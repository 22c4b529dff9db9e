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
	return files
}

// ResolveAfter keeps the relations of the pages whose file did not change
// when nothing they name pages by changed, and gives what Resolve gives
// all the same: after a target's title changes (qualified groups are
// ordered by title), a page's relations or qualifiers change, a relation
// breaks or names a draft; and it keeps none after edits that change what
// relations mean: a section's declarations, a field that implies a new
// relation, a page gone.
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
	cases := []struct {
		name string
		edit func(map[string]string)
		keep bool
	}{
		{"a skill's title", edit("content/skills/skill-002.md", "title: Skill 2", "title: Aardvark"), true},
		{"a tool's title", edit("content/tools/tool-001.md", "title: Tool 1", "title: Zed"), true},
		{"a role's title", edit("content/roles/role-005.md", "title: Role 5", "title: A role"), true},
		{"a role's tools", edit(role, "tools: [tool-004]", "tools: [tool-001, tool-002]"), true},
		{"a qualifier", edit(role, "skill-005: working", "skill-005: awareness"), true},
		{"a missing skill", edit(role, "skill-005: working", "skill-099: working"), true},
		{"a draft tool", edit(role, "tools: [tool-004]", "tools: [tool-004, draft]"), true},
		{"a new implied relation", edit(role, "tools: [tool-004]", "tools: [tool-004]\nstages: [stage-1]"), false},
		{"a declaration's label", edit("content/roles/_index.md", "label: Works with", "label: Collaborates"), false},
		{"a skill gone", func(f map[string]string) { delete(f, "content/skills/skill-005.md") }, false},
		{"a draft published", edit("content/tools/draft.md", "draft: true", "draft: false"), false},
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
		case c.keep && got.keptOut != regular-changed:
			t.Errorf("%s: %d of %d pages kept their relations, want all but the %d edited", c.name, got.keptOut, regular, changed)
		case !c.keep && got.keptOut != 0:
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
