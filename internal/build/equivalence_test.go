package build_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/build"
)

// TestRebuildEquivalence applies random edit sequences to a site — titles,
// relations, body links, pages and whole sections added and removed,
// templates and static files edited, edits that break the build and edits
// that fix it — and after every step requires the long-lived Builder (what
// serve uses) to give exactly what a clean build of the same files gives:
// the same diagnostics, the same file names, the same bytes.
func TestRebuildEquivalence(t *testing.T) {
	steps, seeds := 120, 3
	if testing.Short() {
		steps, seeds = 25, 1
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 99))
			src, err := benchgen.MapFS(60)
			if err != nil {
				t.Fatal(err)
			}
			src["static/css/extra.css"] = &fstest.MapFile{Data: []byte("body{}")}
			full := build.New(rolesite.Theme(), build.Options{})   // rebuilds reading every file
			events := build.New(rolesite.Theme(), build.Options{}) // rebuilds told what changed
			events.Build(context.Background(), src)
			for step := range steps {
				what, changed := edit(r, src)
				want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
				if d := compare(full.Build(context.Background(), src), want); d != "" {
					t.Fatalf("step %d (%s): rebuild differs from a clean build: %s", step, what, d)
				}
				if d := compare(events.Rebuild(context.Background(), src, changed), want); d != "" {
					t.Fatalf("step %d (%s, changed %v): rebuild from events differs from a clean build: %s", step, what, changed, d)
				}
			}
		})
	}
}

// TestRebuildBodyEdits edits page bodies of a site that builds, the way an
// author works in serve, with now and then a heading, a front matter or a
// template change, so that the body-only fast path runs often and is
// checked against clean builds each time.
func TestRebuildBodyEdits(t *testing.T) {
	steps := 80
	if testing.Short() {
		steps = 20
	}
	r := rand.New(rand.NewPCG(7, 7))
	src, err := benchgen.MapFS(80)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range src {
		if strings.HasPrefix(name, "content/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	builder := build.New(rolesite.Theme(), build.Options{})
	if res := builder.Build(context.Background(), src); !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	fast := 0
	for step := range steps {
		name := names[r.IntN(len(names))]
		data := string(src[name].Data)
		var what string
		switch r.IntN(10) {
		case 0:
			data += fmt.Sprintf("\n## Heading %d\n", step)
			what = "heading"
		case 1:
			data = strings.Replace(data, "title: ", "title: Edited ", 1)
			what = "title"
		case 2:
			src["templates/page.html"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(`{{define "main"}}%d{{.Content}}{{end}}`, step))}
			what = "template"
			want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
			if d := compare(builder.Rebuild(context.Background(), src, []string{"templates/page.html"}), want); d != "" {
				t.Fatalf("step %d (%s): %s", step, what, d)
			}
			continue
		default:
			data = strings.Replace(data, "\n## ", fmt.Sprintf("\nA new sentence %d, see `code`.\n\n## ", step), 1)
			what = "body"
		}
		src[name] = &fstest.MapFile{Data: []byte(data)}
		got := builder.Rebuild(context.Background(), src, []string{name})
		want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
		if d := compare(got, want); d != "" {
			t.Fatalf("step %d (%s of %s): rebuild differs from a clean build: %s", step, what, name, d)
		}
		if got.Stats.BodyOnly {
			fast++
		}
	}
	if fast < steps/3 {
		t.Errorf("the body-only fast path ran %d times in %d steps; the test does not cover it", fast, steps)
	}
}

// compare returns "" when two results are the same, else what differs.
func compare(got, want build.Result) string {
	if g, w := got.Diagnostics.Error(), want.Diagnostics.Error(); g != w {
		return fmt.Sprintf("diagnostics\n got: %s\nwant: %s", g, w)
	}
	if g, w := got.Warnings.Error(), want.Warnings.Error(); g != w {
		return fmt.Sprintf("warnings\n got: %s\nwant: %s", g, w)
	}
	if (got.Files == nil) != (want.Files == nil) {
		return "one build failed, the other did not"
	}
	if got.Files == nil {
		return ""
	}
	gn, wn := got.Files.Names(), want.Files.Names()
	if !slices.Equal(gn, wn) {
		return fmt.Sprintf("file lists differ: %d vs %d files", len(gn), len(wn))
	}
	for _, name := range wn {
		g, _ := got.Files.Get(name)
		w, _ := want.Files.Get(name)
		if !bytes.Equal(g, w) {
			return "content of " + name
		}
	}
	return ""
}

// edit changes src at random and says what it did and which files changed.
func edit(r *rand.Rand, src fstest.MapFS) (string, []string) {
	var changed []string
	what := editFiles(r, src, func(name string) { changed = append(changed, name) })
	return what, changed
}

func editFiles(r *rand.Rand, src fstest.MapFS, touched func(string)) string {
	pages := func(section string) []string {
		var out []string
		for name := range src {
			if strings.HasPrefix(name, "content/"+section+"/") && !strings.HasSuffix(name, "_index.md") {
				out = append(out, name)
			}
		}
		slices.Sort(out)
		return out
	}
	pick := func(list []string) string {
		if len(list) == 0 {
			return ""
		}
		return list[r.IntN(len(list))]
	}
	slugOf := func(name string) string {
		return strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".md")
	}
	set := func(name, data string) {
		src[name] = &fstest.MapFile{Data: []byte(data)}
		touched(name)
	}
	remove := func(name string) {
		delete(src, name)
		touched(name)
	}
	get := func(name string) string {
		if f := src[name]; f != nil {
			return string(f.Data)
		}
		return ""
	}
	switch r.IntN(15) {
	case 12, 13: // edit the body text only (the fast path)
		p := pick(append(pages("roles"), pages("stages")...))
		if r.IntN(5) == 0 {
			p = "content/_index.md"
		}
		if p == "" || src[p] == nil {
			break
		}
		set(p, get(p)+fmt.Sprintf("\nMore words %d, with *emphasis*.\n", r.IntN(1000)))
		return "body of " + p
	case 14: // a new heading changes the page's fragment IDs
		p := pick(pages("stages"))
		if p == "" {
			break
		}
		set(p, get(p)+fmt.Sprintf("\n## Heading %d\n", r.IntN(5)))
		return "heading in " + p
	case 0: // retitle a page
		p := pick(append(pages("roles"), pages("tools")...))
		if p == "" {
			break
		}
		set(p, replaceLine(get(p), "title: ", fmt.Sprintf("title: Renamed %d", r.IntN(1000))))
		return "retitle " + p
	case 1: // change a role's tools
		p, tool := pick(pages("roles")), pick(pages("tools"))
		if p == "" || tool == "" {
			break
		}
		set(p, replaceLine(get(p), "tools: ", "tools: ["+slugOf(tool)+"]"))
		return "relink tools of " + p
	case 2: // a relation to a page that does not exist (breaks the build)
		p := pick(pages("roles"))
		if p == "" {
			break
		}
		set(p, replaceLine(get(p), "stages: ", "stages: [no-such-stage]"))
		return "break stages of " + p
	case 3: // point a body link elsewhere, sometimes nowhere
		p, q := pick(pages("roles")), pick(pages("tools"))
		if p == "" || q == "" {
			break
		}
		target := "../tools/" + slugOf(q) + ".md"
		if r.IntN(4) == 0 {
			target = "../tools/missing.md"
		}
		set(p, get(p)+"\nSee [this]("+target+").\n")
		return "body link in " + p
	case 4: // add a page
		name := fmt.Sprintf("content/tools/new-%d.md", r.IntN(50))
		set(name, "---\ntitle: New tool\nsummary: Fresh.\ncategory: Languages\nstages: []\n---\nNew.\n")
		return "add " + name
	case 5: // remove a page
		p := pick(append(pages("tools"), pages("roles")...))
		if p == "" {
			break
		}
		remove(p)
		return "remove " + p
	case 6: // add a section
		name := fmt.Sprintf("sec%d", r.IntN(3))
		set("content/"+name+"/_index.md", "---\ntitle: Section "+name+"\nweight: 9\n---\n")
		set("content/"+name+"/p.md", "---\ntitle: P\ntools: ["+slugOf(pick(pages("tools")))+"]\n---\n")
		return "add section " + name
	case 7: // remove a section
		name := fmt.Sprintf("content/sec%d/", r.IntN(3))
		for k := range src {
			if strings.HasPrefix(k, name) {
				remove(k)
			}
		}
		return "remove section " + name
	case 8: // edit or break or fix a template
		switch r.IntN(3) {
		case 0:
			set("templates/page.html", `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}{{range .In}}<p>{{.Label}}{{range .Links}} {{.Title}}{{end}}</p>{{end}}{{end}}`)
		case 1:
			set("templates/page.html", `{{define "main"}}{{.Broken}{{end}}`)
		default:
			remove("templates/page.html")
		}
		return "template"
	case 9: // edit a static file, or add or remove a file no build reads as a page
		if r.IntN(3) == 0 {
			if name := "content/roles/Notes.MD"; src[name] == nil {
				set(name, "---\ntitle: Notes\n---\n")
			} else {
				remove(name)
			}
			return "a page named .MD"
		}
		set("static/css/extra.css", fmt.Sprintf("body{margin:%dpx}", r.IntN(20)))
		return "static"
	case 10: // reorder: weights and stage order
		p := pick(pages("stages"))
		if p == "" {
			break
		}
		set(p, replaceLine(get(p), "order: ", fmt.Sprintf("order: %d", r.IntN(30))))
		return "reorder " + p
	case 11: // drafts and aliases
		p := pick(pages("roles"))
		if p == "" {
			break
		}
		if r.IntN(2) == 0 {
			set(p, strings.Replace(get(p), "---\n", "---\ndraft: true\n", 1))
			return "draft " + p
		}
		set(p, strings.Replace(get(p), "---\n", fmt.Sprintf("---\naliases: [/old/%d/]\n", r.IntN(5)), 1))
		return "alias " + p
	}
	return "nothing"
}

// replaceLine replaces the first line starting with prefix, or adds it to
// the front matter.
func replaceLine(doc, prefix, line string) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = line
			return strings.Join(lines, "\n")
		}
	}
	return strings.Replace(doc, "---\n", "---\n"+line+"\n", 1)
}
