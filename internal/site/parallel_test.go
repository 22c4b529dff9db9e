package site

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/markdown"
)

// largeInputs is a site big enough that Resolve shares its pages among
// workers: roles linking tools and each other, body links to pages and
// headings (some broken), long pages with many headings, aliases, list
// fields that name no section, and slugs that are missing or in the wrong
// case, so that every parallel step has something to report.
func largeInputs(t *testing.T, roles, tools int) []Input {
	t.Helper()
	r := rand.New(rand.NewPCG(7, 11))
	conv := markdown.New(markdown.Options{})
	var inputs []Input
	add := func(path, text string) {
		p, diags := content.Parse(path, []byte(text))
		if p == nil {
			t.Fatalf("%s: %v", path, diags)
		}
		inputs = append(inputs, Input{Page: p, Doc: conv.Convert(p.Body)})
	}
	add("content/_index.md", "---\ntitle: Large\n---\n")
	add("content/roles/_index.md", "---\ntitle: Roles\nrelations:\n  collaborates_with: {section: roles}\n---\n")
	for i := range tools {
		var body strings.Builder
		for h := range 1 + i%50 { // some pages have more headings than hasID searches
			fmt.Fprintf(&body, "## Part %d\n\nText.\n\n", h)
		}
		add(fmt.Sprintf("content/tools/tool-%04d.md", i), fmt.Sprintf("---\ntitle: Tool %d\n---\n%s", i, body.String()))
	}
	for i := range roles {
		slug := func() string {
			switch n := r.IntN(100); {
			case n == 0:
				return "tool-9999" // no such page
			case n == 1:
				return fmt.Sprintf("Tool-%04d", r.IntN(tools)) // wrong case
			default:
				return fmt.Sprintf("tool-%04d", r.IntN(tools))
			}
		}
		fm := fmt.Sprintf("title: Role %d\ntools: [%s, %s]\ncollaborates_with: [role-%05d]\ntool: [a, b]\n", i, slug(), slug(), r.IntN(roles))
		if i%97 == 0 {
			fm += fmt.Sprintf("aliases: [/old/role-%d/]\n", i)
		}
		target := r.IntN(tools)
		body := fmt.Sprintf("See [a tool](../tools/tool-%04d.md#part-%d) and [another](../tools/tool-%04d.md#part-%d).\n",
			target, r.IntN(3), r.IntN(tools), r.IntN(60))
		add(fmt.Sprintf("content/roles/role-%05d.md", i), "---\n"+fm+"---\n"+body)
	}
	return inputs
}

// Resolve shares the pages of a large site among workers: the site and
// its problems are the same whatever the order of the inputs, and the
// same as every page resolved by one worker gives (run under -race, this
// is also where concurrent resolving is checked).
func TestResolveInParallelIsDeterministic(t *testing.T) {
	inputs := largeInputs(t, 3000, 400)
	s1, d1 := Resolve(inputs, Options{})
	shuffled := slices.Clone(inputs)
	rand.New(rand.NewPCG(3, 5)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	s2, d2 := Resolve(shuffled, Options{})
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	s3, d3 := Resolve(inputs, Options{}) // one worker
	if len(d1) == 0 {
		t.Fatal("the site reported no problems: the test would not see a lost report")
	}
	for i, d := range []diag.List{d2, d3} {
		if !slices.Equal(strs(d1), strs(d)) {
			t.Fatalf("run %d: problems differ:\n%v\n---\n%v", i+2, d1, d)
		}
	}
	for i, s := range []*Site{s2, s3} {
		if describe(s1) != describe(s) {
			t.Fatalf("run %d: the resolved site differs", i+2)
		}
	}
	for _, want := range []string{"no page \"tool-9999\"", "differs from the file name", "has no heading with that ID", "no section named tool"} {
		if !slices.ContainsFunc(strs(d1), func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("no problem says %q", want)
		}
	}
}

func strs(l diag.List) []string {
	out := make([]string, len(l))
	for i, d := range l {
		out[i] = d.String()
	}
	return out
}

// describe writes out what the site resolved for every page: its URL, its
// groups both ways with their pages (and qualifiers), its resolved links
// and aliases.
func describe(s *Site) string {
	var b strings.Builder
	for _, sec := range s.Sections {
		for _, p := range append([]*Page{sec.Index}, sec.Pages...) {
			if p == nil {
				continue
			}
			fmt.Fprintf(&b, "%s %d links=%v aliases=%v\n", p.URL, p.Position(), s.Body(p).Links, p.Aliases)
			for _, gs := range [][]*Group{p.Out, p.In} {
				for _, g := range gs {
					fmt.Fprintf(&b, "  %s %s %s scale=%q:", g.Field, g.Label, g.Section.Name, g.Scale)
					for i, q := range g.Pages {
						b.WriteString(" " + q.URL)
						if g.Quals != nil {
							b.WriteString("=" + g.Quals[i])
						}
					}
					b.WriteString("\n")
				}
			}
		}
	}
	return b.String()
}
