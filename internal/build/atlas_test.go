package build_test

import (
	"context"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/site"
)

// TestAtlasInvariants keeps the repository's atlas whole as people add
// pages. What a section schema can say, the sections' _index.md declare
// and the build enforces (every role names at least three skills, two
// tools and one stage, every tool a stage and a category from its list,
// every page a source; no undeclared field): atlasSchemas checks that
// those declarations stay. The rest is checked here: every tool is used by
// a role, every stage has a role, every stage has
// a place in the lifecycle, every tool a role uses serves one of its stages,
// and no page is an orphan (nothing links to it).
// Skills and sources are pages too: every role's "Key skills" section links exactly the skills its front matter
// names, at the levels its front matter gives them; every stage a role
// names carries the level its Who does what section gives; every move says
// what to learn; every skill is needed by a role; every page's sources field names
// exactly the source pages its body links, and every source is cited.
// Every stage's "Who does what" section names exactly the roles active in it,
// and every career move names what to learn and who says so.
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
	atlasSchemas(t, section)
	for _, name := range []string{"roles", "tools", "stages", "skills", "sources"} {
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
	stagesOf := func(p *site.Page) map[*site.Page]bool {
		m := map[*site.Page]bool{}
		for _, g := range p.Out {
			if g.Field == "stages" && g.Section.Name == "stages" {
				for _, q := range g.Pages {
					m[q] = true
				}
			}
		}
		return m
	}
	for _, p := range section["roles"].Pages {
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
	for _, p := range section["tools"].Pages {
		if count(p.In, "tools", "roles") < 1 {
			t.Errorf("%s is used by no role", p.Src.Path)
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
	if s.Lifecycle == nil || len(s.Matrices) < 3 {
		t.Error("the atlas should declare its lifecycle and its three matrices (stages, tools, skills)")
	}

	// Skills: the front matter and the "Key skills" section agree.
	skillLink := regexp.MustCompile(`\]\(\.\./skills/([a-z0-9-]+)\.md\)`)
	sourceLink := regexp.MustCompile(`\]\((?:\.\./)?sources/([a-z0-9-]+)\.md\)`)
	slugs := func(groups []*site.Group, field, target string) []string {
		var out []string
		for _, g := range groups {
			if g.Section.Name == target && g.Field == field {
				for _, q := range g.Pages {
					out = append(out, q.Src.Slug)
				}
			}
		}
		sort.Strings(out)
		return out
	}
	matches := func(re *regexp.Regexp, text string) []string {
		seen := map[string]bool{}
		var out []string
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				out = append(out, m[1])
			}
		}
		sort.Strings(out)
		return out
	}
	body := func(p *site.Page) string {
		b, err := os.ReadFile("../../" + p.Src.Path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, p := range section["roles"].Pages {
		fm := slugs(p.Out, "skills", "skills")
		text := body(p)
		i := strings.Index(text, "\n## Key skills\n")
		if i < 0 {
			t.Errorf("%s has no Key skills section", p.Src.Path)
			continue
		}
		sec := text[i+1:]
		if j := strings.Index(sec[3:], "\n## "); j >= 0 {
			sec = sec[:j+3]
		}
		if got := matches(skillLink, sec); strings.Join(got, " ") != strings.Join(fm, " ") {
			t.Errorf("%s: Key skills links %v, front matter names %v", p.Src.Path, got, fm)
		}
	}
	// Stages: the "Who does what" section names exactly the roles active here.
	roleLink := regexp.MustCompile(`\]\(\.\./roles/([a-z0-9-]+)\.md\)`)
	for _, p := range section["stages"].Pages {
		var in []string
		for _, g := range p.In {
			if g.Section.Name == "roles" && g.Field == "stages" {
				for _, q := range g.Pages {
					in = append(in, q.Src.Slug)
				}
			}
		}
		sort.Strings(in)
		text := body(p)
		i := strings.Index(text, "\n## Who does what\n")
		if i < 0 {
			t.Errorf("%s has no Who does what section", p.Src.Path)
			continue
		}
		sec := text[i+1:]
		if j := strings.Index(sec[3:], "\n## "); j >= 0 {
			sec = sec[:j+3]
		}
		if got := matches(roleLink, sec); strings.Join(got, " ") != strings.Join(in, " ") {
			t.Errorf("%s: Who does what names %v, the roles active here are %v", p.Src.Path, got, in)
		}
	}
	// Career moves: "Where it can lead" names exactly the roles in moves_to,
	// and each move says who says so: a source, or common practice.
	sibling := regexp.MustCompile(`\*\*\[[^\]]+\]\(([a-z0-9-]+)\.md\)\*\*`)
	for _, p := range section["roles"].Pages {
		moves := slugs(p.Out, "moves_to", "roles")
		text := body(p)
		i := strings.Index(text, "\n## Where it can lead\n")
		if i < 0 {
			if len(moves) > 0 {
				t.Errorf("%s moves to %v but has no Where it can lead section", p.Src.Path, moves)
			}
			continue
		}
		sec := text[i+1:]
		if j := strings.Index(sec[3:], "\n## "); j >= 0 {
			sec = sec[:j+3]
		}
		if got := matches(sibling, sec); strings.Join(got, " ") != strings.Join(moves, " ") {
			t.Errorf("%s: Where it can lead names %v, moves_to %v", p.Src.Path, got, moves)
		}
		for _, line := range strings.Split(sec, "\n") {
			if strings.HasPrefix(line, "- **[") && !strings.Contains(line, "common practice") && !sourceLink.MatchString(line) {
				t.Errorf("%s: a move says neither its source nor common practice: %.60s", p.Src.Path, line)
			}
			if strings.HasPrefix(line, "- **[") && !strings.Contains(line, "learn ") {
				t.Errorf("%s: a move does not say what to learn: %.60s", p.Src.Path, line)
			}
		}
	}
	// Levels: the level each role's Key skills section gives a skill is the
	// qualifier its front matter gives it, and every stage a role names is
	// qualified with the level the stage's Who does what section gives it.
	levelled := regexp.MustCompile(`\*\*\[[^\]]+\]\(\.\./skills/([a-z0-9-]+)\.md\)\*\* \((awareness|working|practitioner|expert)\)`)
	quals := func(p *site.Page, field string) []string {
		var out []string
		for _, g := range p.Out {
			if g.Field != field {
				continue
			}
			for i, q := range g.Pages {
				level := ""
				if g.Quals != nil {
					level = g.Quals[i]
				}
				out = append(out, q.Src.Slug+" "+level)
			}
		}
		sort.Strings(out)
		return out
	}
	stageLevel := map[string]string{} // "role stage" -> level, from the stage pages
	levelLine := regexp.MustCompile(`(?m)^- \*\*(Leads|Contributes|Consulted):\*\* (.*)$`)
	for _, p := range section["stages"].Pages {
		for _, m := range levelLine.FindAllStringSubmatch(body(p), -1) {
			for _, r := range roleLink.FindAllStringSubmatch(m[2], -1) {
				stageLevel[r[1]+" "+p.Src.Slug] = strings.ToLower(m[1])
			}
		}
	}
	for _, p := range section["roles"].Pages {
		var want []string
		for _, m := range levelled.FindAllStringSubmatch(body(p), -1) {
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
		for _, m := range quals(p, "moves_to") {
			if !strings.Contains(m, " learn ") {
				t.Errorf("%s: the move to %s does not say what to learn", p.Src.Path, m)
			}
		}
	}
	for _, p := range section["skills"].Pages {
		if count(p.In, "skills", "roles") < 1 {
			t.Errorf("%s is needed by no role", p.Src.Path)
		}
	}
	// Sources: what a page cites in its body is what its front matter lists.
	// "one source" must name it at once: "one source, [the roles notebook](...)".
	anon := regexp.MustCompile(`(?i)\bone source\b(?:[^,]|,[^ ]|, [^\[])`)
	for _, name := range []string{"roles", "tools", "stages", "skills"} {
		for _, p := range section[name].Pages {
			fm := slugs(p.Out, "sources", "sources")
			if got := matches(sourceLink, body(p)); strings.Join(got, " ") != strings.Join(fm, " ") {
				t.Errorf("%s: body cites %v, front matter lists %v", p.Src.Path, got, fm)
			}
			if anon.MatchString(body(p)) {
				t.Errorf("%s says \"one source\" without naming it", p.Src.Path)
			}
		}
	}
	for _, p := range section["sources"].Pages {
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
