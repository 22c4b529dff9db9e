package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/benchgen"
)

// BenchmarkServeLatency measures, in a real browser, the time from an edit
// of the site folder to the open page showing it, for each kind of edit of
// issue 18: a role's body, its title, the title of a tool it lists, its
// tools list, the title of a stage it lists, its section's _index.md, a
// template, a new role and a deleted one. It runs on the repository's atlas
// and, with ROLESITE_BENCH_10K=1 (generating and building it takes a
// while), on a generated 10,000-page site. Each kind reports the median and
// the worst latency, and the median rebuild time and count of changed files
// that serve printed, as metrics (see latency). ROLESITE_BENCH_PACE, a
// duration, waits that long after each edit has shown and serve has said it
// rebuilt, as a person reading the page would (the dev server collects
// garbage while idle: see idleCollector); by default the next edit follows
// at once.
//
//	go test ./internal/cli -run '^$' -bench ServeLatency -benchtime 20x
func BenchmarkServeLatency(b *testing.B) {
	sites := []struct {
		name string
		open func(b *testing.B) latencySite
	}{{"atlas", atlasSite}, {"10k", site10k}}
	for _, site := range sites {
		for _, k := range latencyKinds {
			b.Run(site.name+k.name, func(b *testing.B) {
				s := site.open(b)
				page, next := k.plan(b, s)
				latency(b, s.src, page, next)
			})
		}
	}
}

// A latencyPlan prepares a site for one kind of edit, and returns the page
// to open and the edit of each iteration i, from 1.
type latencyPlan func(b *testing.B, s latencySite) (page string, next func(i int) latencyStep)

// latencyKinds are the kinds of edit, named by the suffix of their
// sub-benchmark: the first is a body edit.
var latencyKinds = []struct {
	name string
	plan latencyPlan
}{
	{"", func(b *testing.B, s latencySite) (string, func(int) latencyStep) {
		return s.rolePage(), s.rewrite(b, s.roleFile(), inBody)
	}},
	{"-title", func(b *testing.B, s latencySite) (string, func(int) latencyStep) {
		return s.rolePage(), s.rewrite(b, s.roleFile(), inTitle)
	}},
	{"-tool-title", func(b *testing.B, s latencySite) (string, func(int) latencyStep) {
		return s.rolePage(), s.rewrite(b, "content/tools/"+s.tool+".md", inTitle)
	}},
	{"-tools-list", toolsListEdits},
	{"-stage", func(b *testing.B, s latencySite) (string, func(int) latencyStep) {
		return s.rolePage(), s.rewrite(b, "content/stages/"+s.stage+".md", inTitle)
	}},
	{"-section-index", func(b *testing.B, s latencySite) (string, func(int) latencyStep) {
		return s.rolePage(), s.rewrite(b, "content/roles/_index.md", inTitle) // in the breadcrumbs
	}},
	{"-template", templateEdits},
	{"-new-role", newRoleEdits},
	{"-delete-role", deleteRoleEdits},
}

// A latencySite is a site folder to edit, and the pages of it that the
// edits are about: a role, the open page of most edits, and the first tool
// and the first stage it lists.
type latencySite struct {
	src, role, tool, stage string
}

// atlasSite is a copy of the repository's atlas, edited around its data
// scientist.
func atlasSite(b *testing.B) latencySite {
	src := b.TempDir()
	copyTree(b, "../..", src, "content")
	return openLatencySite(b, src, "data-scientist")
}

// site10k is a generated 10,000-page site, edited around one of its roles.
func site10k(b *testing.B) latencySite {
	if os.Getenv("ROLESITE_BENCH_10K") != "1" {
		b.Skip("set ROLESITE_BENCH_10K=1 to measure on a generated 10,000-page site")
	}
	src := b.TempDir()
	if err := benchgen.Generate(10000, benchgen.ToDir(src)); err != nil {
		b.Fatal(err)
	}
	return openLatencySite(b, src, "role-00042")
}

func openLatencySite(b *testing.B, src, role string) latencySite {
	s := latencySite{src: src, role: role}
	text := readFileB(b, s.path(s.roleFile()))
	s.tool, s.stage = links(b, text, "tools")[0], links(b, text, "stages")[0]
	return s
}

func (s latencySite) path(name string) string { return filepath.Join(s.src, filepath.FromSlash(name)) }
func (s latencySite) roleFile() string        { return "content/roles/" + s.role + ".md" }
func (s latencySite) rolePage() string        { return "roles/" + s.role + "/" }
func (s latencySite) toolPage() string        { return "tools/" + s.tool + "/" }

// rewrite returns the edits of the file name that apply edit, with the
// iteration's marker, to what the file held at first.
func (s latencySite) rewrite(b *testing.B, name string, edit func(orig, marker string) string) func(int) latencyStep {
	path := s.path(name)
	orig := readFileB(b, path)
	return func(i int) latencyStep {
		marker := latencyMarker(i)
		text := edit(orig, marker)
		if text == orig {
			b.Fatalf("the edit of %s changed nothing", name)
		}
		return latencyStep{edit: func() { writeFileB(b, path, text) }, marker: marker}
	}
}

// roleCopy is a new role file for iteration i, a copy of the role with the
// marker in its title, and so listing the same tools.
func (s latencySite) roleCopy(b *testing.B, prefix string, i int) (path, text, marker string) {
	marker = latencyMarker(i)
	text = inTitle(readFileB(b, s.path(s.roleFile())), marker)
	return s.path(fmt.Sprintf("content/roles/%s-%d.md", prefix, i)), text, marker
}

func latencyMarker(i int) string { return fmt.Sprintf("Latency marker %d.", i) }

// inBody adds the marker as a paragraph before the first second-level
// heading.
func inBody(orig, marker string) string {
	return strings.Replace(orig, "\n## ", "\n"+marker+"\n\n## ", 1)
}

// inTitle appends the marker to the title in the front matter.
func inTitle(orig, marker string) string {
	old := frontField(orig, "title")
	return strings.Replace(orig, "\ntitle: "+old+"\n", "\ntitle: "+old+" "+marker+"\n", 1)
}

// toolsListEdits swap the role's first tool for another tool each time,
// one the role does not list, and wait for that tool's title as a link in
// the role's tools panel.
func toolsListEdits(b *testing.B, s latencySite) (string, func(int) latencyStep) {
	path := s.path(s.roleFile())
	orig := readFileB(b, path)
	listed := links(b, orig, "tools")
	entries, err := os.ReadDir(s.path("content/tools"))
	if err != nil {
		b.Fatal(err)
	}
	var others []string
	for _, e := range entries {
		slug, ok := strings.CutSuffix(e.Name(), ".md")
		if ok && slug != "_index" && !slices.Contains(listed, slug) && len(others) < 32 {
			others = append(others, slug)
		}
	}
	if len(others) < 2 {
		b.Fatalf("the site has %d tools %s does not list, too few to swap", len(others), s.role)
	}
	return s.rolePage(), func(i int) latencyStep {
		other := others[i%len(others)]
		text := strings.Replace(orig, "tools: ["+s.tool+",", "tools: ["+other+",", 1)
		if text == orig {
			b.Fatalf("%s: no tools list starting with %s and another tool", path, s.tool)
		}
		title := frontField(readFileB(b, s.path("content/tools/"+other+".md")), "title")
		return latencyStep{edit: func() { writeFileB(b, path, text) }, marker: title, field: "tools"}
	}
}

// templateEdits override the theme's footer in the site folder (a site
// replaces the theme file by file), then add the marker to it: every page
// changes.
func templateEdits(b *testing.B, s latencySite) (string, func(int) latencyStep) {
	const footer = "templates/partials/footer.html"
	copyTree(b, "../..", s.src, footer)
	return s.rolePage(), s.rewrite(b, footer, func(orig, marker string) string {
		return strings.Replace(orig, "Built with rolesite", "Built with rolesite. "+marker, 1)
	})
}

// newRoleEdits add a role each time, a copy of the role, and wait for its
// title on the page of the first tool it lists.
func newRoleEdits(b *testing.B, s latencySite) (string, func(int) latencyStep) {
	return s.toolPage(), func(i int) latencyStep {
		path, text, marker := s.roleCopy(b, "latency-new", i)
		return latencyStep{edit: func() { writeFileB(b, path, text) }, marker: marker}
	}
}

// deleteRoleEdits add a role, untimed, and time its removal: from deleting
// the file to its title leaving the page of the first tool it lists.
func deleteRoleEdits(b *testing.B, s latencySite) (string, func(int) latencyStep) {
	return s.toolPage(), func(i int) latencyStep {
		path, text, marker := s.roleCopy(b, "latency-gone", i)
		return latencyStep{
			before: func() { writeFileB(b, path, text) },
			edit: func() {
				if err := os.Remove(path); err != nil {
					b.Fatal(err)
				}
			},
			marker: marker,
			gone:   true,
		}
	}
}

// frontField is the value of the first line "field: value" of the front
// matter of text, or "" when it has none.
func frontField(text, field string) string {
	front, _, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	for line := range strings.SplitSeq(front, "\n") {
		if v, ok := strings.CutPrefix(line, field+": "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// links are the slugs of a relation in the front matter of text, written
// as a list ([a, b]) or as a map ({a: level, b: level}).
func links(b *testing.B, text, field string) []string {
	v := strings.Trim(frontField(text, field), "[]{}")
	var slugs []string
	for item := range strings.SplitSeq(v, ",") {
		slug, _, _ := strings.Cut(item, ":")
		if slug = strings.TrimSpace(slug); slug != "" {
			slugs = append(slugs, slug)
		}
	}
	if len(slugs) == 0 {
		b.Fatalf("no %s in the front matter of:\n%s", field, text)
	}
	return slugs
}

func readFileB(b testing.TB, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func writeFileB(b testing.TB, path, text string) {
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}

// copyTree copies the named folders or files of one site folder into
// another.
func copyTree(b testing.TB, from, to string, names ...string) {
	for _, d := range names {
		err := filepath.WalkDir(filepath.Join(from, d), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			dst := filepath.Join(to, rel)
			_ = os.MkdirAll(filepath.Dir(dst), 0o755)
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
