package build_test

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/site"
)

// The TestAtlas tests keep the repository's atlas whole as people add
// pages (atlasSite builds it once for them all). What a section schema
// can say, the sections' _index.md declare and the build enforces (every
// role names at least three skills, two tools and one stage, every tool a
// stage and a category from its list, every page a source; no undeclared
// field): TestAtlasSchemas checks that those declarations stay. The rest:
//   - TestAtlasRelations: every tool is used by a role, every stage has a
//     role and a place in the lifecycle, every tool a role uses serves one
//     of its stages, every skill is needed by a role;
//   - TestAtlasNoOrphans: no page is an orphan (nothing links to it);
//   - TestAtlasSkillsAgree: every role's "Key skills" section links
//     exactly the skills its front matter names;
//   - TestAtlasStagesWhoDoesWhat: every stage's "Who does what" section
//     names exactly the roles active in it;
//   - TestAtlasCareerMoves: every role's "Where it can lead" names exactly
//     its moves, and every move says what to learn and who says so;
//   - TestAtlasLevels: skills carry the levels the Key skills section
//     gives them, and every stage a role names the level its Who does what
//     section gives;
//   - TestAtlasSources: every page's sources field names exactly the
//     source pages its body links, and every source is cited.

// TestAtlasSchemas checks the sections' schemas (see atlasSchemas) and
// that the atlas declares its lifecycle and matrices.
func TestAtlasSchemas(t *testing.T) {
	a := atlasSite(t)
	atlasSchemas(t, a.section)
	if a.site.Lifecycle == nil || len(a.site.Matrices) < 3 {
		t.Error("the atlas should declare its lifecycle and its three matrices (stages, tools, skills)")
	}
}

// TestAtlasRelations checks that roles, tools, stages and skills hold
// together: a role's tools serve its stages, every tool and skill has a
// role, every stage a role and an order.
func TestAtlasRelations(t *testing.T) {
	a := atlasSite(t)
	for _, p := range a.section["roles"].Pages {
		// A tool a role uses serves at least one of the role's stages.
		mine := stagesOf(p)
		for _, g := range p.Out {
			if g.Field != "tools" {
				continue
			}
			for _, tool := range g.Pages {
				shared := false
				for st := range stagesOf(tool) {
					shared = shared || mine[st]
				}
				if !shared {
					t.Errorf("%s uses %s, which serves none of its stages", p.Src.Path, tool.Src.Slug)
				}
			}
		}
	}
	for _, p := range a.section["tools"].Pages {
		if groupCount(p.In, "tools", "roles") < 1 {
			t.Errorf("%s is used by no role", p.Src.Path)
		}
	}
	for _, p := range a.section["stages"].Pages {
		if groupCount(p.In, "", "roles") < 1 {
			t.Errorf("%s has no role", p.Src.Path)
		}
		if !p.Src.Weighed {
			t.Errorf("%s has no order in the lifecycle", p.Src.Path)
		}
	}
	for _, p := range a.section["skills"].Pages {
		if groupCount(p.In, "skills", "roles") < 1 {
			t.Errorf("%s is needed by no role", p.Src.Path)
		}
	}
}

// TestAtlasNoOrphans checks that every page is named by a relation or a
// body link of another page.
func TestAtlasNoOrphans(t *testing.T) {
	a := atlasSite(t)
	linked := linkedPaths(a.site)
	for _, p := range a.site.Pages {
		if !linked[p.Src.Path] {
			t.Errorf("%s is an orphan: no other page relates or links to it", p.Src.Path)
		}
	}
}

// TestAtlasSkillsAgree checks that a role's front matter and its "Key
// skills" section name the same skills.
func TestAtlasSkillsAgree(t *testing.T) {
	a := atlasSite(t)
	sectionLinksAgree(t, a.section["roles"].Pages, "Key skills", atlasSkillLink,
		func(p *site.Page) []string { return groupSlugs(p.Out, "skills", "skills") },
		"Key skills links %v, front matter names %v")
}

// TestAtlasStagesWhoDoesWhat checks that a stage's "Who does what"
// section names exactly the roles active in it.
func TestAtlasStagesWhoDoesWhat(t *testing.T) {
	a := atlasSite(t)
	sectionLinksAgree(t, a.section["stages"].Pages, "Who does what", atlasRoleLink,
		func(p *site.Page) []string { return groupSlugs(p.In, "stages", "roles") },
		"Who does what names %v, the roles active here are %v")
}

// TestAtlasCareerMoves checks that a role's "Where it can lead" names
// exactly the roles in moves_to, and that each move says who says so (a
// source, or common practice) and what to learn.
func TestAtlasCareerMoves(t *testing.T) {
	a := atlasSite(t)
	sibling := regexp.MustCompile(`\*\*\[[^\]]+\]\(([a-z0-9-]+)\.md\)\*\*`)
	for _, p := range a.section["roles"].Pages {
		for _, m := range quals(p, "moves_to") {
			if !strings.Contains(m, " learn ") {
				t.Errorf("%s: the move to %s does not say what to learn", p.Src.Path, m)
			}
		}
		moves := groupSlugs(p.Out, "moves_to", "roles")
		sec, ok := mdSection(atlasBody(t, p), "Where it can lead")
		if !ok {
			if len(moves) > 0 {
				t.Errorf("%s moves to %v but has no Where it can lead section", p.Src.Path, moves)
			}
			continue
		}
		if got := uniqueMatches(sibling, sec); strings.Join(got, " ") != strings.Join(moves, " ") {
			t.Errorf("%s: Where it can lead names %v, moves_to %v", p.Src.Path, got, moves)
		}
		for _, line := range strings.Split(sec, "\n") {
			if strings.HasPrefix(line, "- **[") && !strings.Contains(line, "common practice") && !atlasSourceLink.MatchString(line) {
				t.Errorf("%s: a move says neither its source nor common practice: %.60s", p.Src.Path, line)
			}
			if strings.HasPrefix(line, "- **[") && !strings.Contains(line, "learn ") {
				t.Errorf("%s: a move does not say what to learn: %.60s", p.Src.Path, line)
			}
		}
	}
}

// TestAtlasLevels checks that the level each role's Key skills section
// gives a skill is the qualifier its front matter gives it, and that
// every stage a role names is qualified with the level the stage's Who
// does what section gives it.
func TestAtlasLevels(t *testing.T) {
	a := atlasSite(t)
	levelled := regexp.MustCompile(`\*\*\[[^\]]+\]\(\.\./skills/([a-z0-9-]+)\.md\)\*\* \((awareness|working|practitioner|expert)\)`)
	stageLevel := map[string]string{} // "role stage" -> level, from the stage pages
	levelLine := regexp.MustCompile(`(?m)^- \*\*(Leads|Contributes|Consulted):\*\* (.*)$`)
	for _, p := range a.section["stages"].Pages {
		for _, m := range levelLine.FindAllStringSubmatch(atlasBody(t, p), -1) {
			for _, r := range atlasRoleLink.FindAllStringSubmatch(m[2], -1) {
				stageLevel[r[1]+" "+p.Src.Slug] = strings.ToLower(m[1])
			}
		}
	}
	for _, p := range a.section["roles"].Pages {
		var want []string
		for _, m := range levelled.FindAllStringSubmatch(atlasBody(t, p), -1) {
			want = append(want, m[1]+" "+m[2])
		}
		sort.Strings(want)
		if got := quals(p, "skills"); strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: front matter skills %v, Key skills section %v", p.Src.Path, got, want)
		}
		want = want[:0]
		for _, g := range p.Out {
			if g.Field == "stages" {
				for _, q := range g.Pages {
					want = append(want, q.Src.Slug+" "+stageLevel[p.Src.Slug+" "+q.Src.Slug])
				}
			}
		}
		sort.Strings(want)
		if got := quals(p, "stages"); strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: front matter stages %v, the stage pages' Who does what %v", p.Src.Path, got, want)
		}
	}
}

// TestAtlasSources checks that what a page cites in its body is what its
// front matter lists, that "one source" names it at once ("one source,
// [the roles notebook](...)"), and that every source is cited.
func TestAtlasSources(t *testing.T) {
	a := atlasSite(t)
	anon := regexp.MustCompile(`(?i)\bone source\b(?:[^,]|,[^ ]|, [^\[])`)
	for _, name := range []string{"roles", "tools", "stages", "skills"} {
		for _, p := range a.section[name].Pages {
			fm := groupSlugs(p.Out, "sources", "sources")
			text := atlasBody(t, p)
			if got := uniqueMatches(atlasSourceLink, text); strings.Join(got, " ") != strings.Join(fm, " ") {
				t.Errorf("%s: body cites %v, front matter lists %v", p.Src.Path, got, fm)
			}
			if anon.MatchString(text) {
				t.Errorf("%s says \"one source\" without naming it", p.Src.Path)
			}
		}
	}
	for _, p := range a.section["sources"].Pages {
		cited := 0
		for _, g := range p.In {
			if g.Field == "sources" {
				cited += len(g.Pages)
			}
		}
		if cited < 1 {
			t.Errorf("%s is cited by no page", p.Src.Path)
		}
	}
}

// atlasSchemas checks that the sections declare the schemas that keep
// their pages whole (the build enforces them): every section closed, and
// the bounds and required fields the atlas relies on.
func atlasSchemas(t *testing.T, section map[string]*site.Section) {
	t.Helper()
	bounds := map[string]map[string]int{
		"roles":  {"skills": 3, "tools": 2, "stages": 1, "sources": 1},
		"tools":  {"stages": 1, "sources": 1},
		"stages": {"sources": 1},
		"skills": {"sources": 1},
	}
	for name, sec := range section {
		if !sec.Schema {
			t.Errorf("content/%s/_index.md declares no fields: its schema is open", name)
		}
		for field, min := range bounds[name] {
			i := slices.IndexFunc(sec.Relations, func(d *site.Decl) bool { return d.Field == field })
			if i < 0 || sec.Relations[i].Min < min {
				t.Errorf("content/%s/_index.md: %s wants min: %d", name, field, min)
			}
		}
	}
	tools := section["tools"]
	if i := slices.IndexFunc(tools.Fields, func(f *site.FieldDecl) bool { return f.Name == "category" }); i < 0 || !tools.Fields[i].Required || tools.Fields[i].Values == nil {
		t.Errorf("content/tools/_index.md: category wants to be required, with its values")
	}
}
