package build_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
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
			for _, b := range []*build.Builder{full, events} {
				build.VerifyDepKeys(b, func(out string) { t.Errorf("%s reused by its dependency key, but its view changed", out) })
			}
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
// author works in serve (showing an image and no longer showing it,
// linking other pages and their headings, now and then one that is not
// there, among them), with now and then a heading, a front matter, a template or an
// image change, so that the body-only fast path runs often and is
// checked against clean builds each time.
func TestRebuildBodyEdits(t *testing.T) {
	steps := 80
	if testing.Short() {
		steps = 20
	}
	r := rand.New(rand.NewPCG(7, 7))
	src, names := contentOf(t, 80)
	src["content/roles/pic.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>`)}
	builder := build.New(rolesite.Theme(), build.Options{})
	build.VerifyDepKeys(builder, func(out string) { t.Errorf("%s reused by its dependency key, but its view changed", out) })
	if res := builder.Build(context.Background(), src); !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	fast, failed, broken := 0, 0, ""
	for step := range steps {
		name := names[r.IntN(len(names))]
		pick, mend := r.IntN(15), broken != ""
		if step == 1 {
			pick = 14 // at least one link, and one that breaks the build, below
		}
		if mend { // the last build failed on a link: the next edit mends it
			name, pick, broken = broken, 13, ""
		}
		data := string(src[name].Data)
		changed, what := name, ""
		switch pick {
		case 13, 14:
			data, what = linkEdit(r, names, name, data, mend, step == 1)
		case 10, 11: // show the image, or stop showing it: body edits too
			if shownImage.MatchString(data) {
				data = shownImage.ReplaceAllString(data, "\n")
				what = "image no longer shown"
			} else {
				data += "\n![Picture](" + strings.Repeat("../", strings.Count(name, "/")-1) + "roles/pic.svg)\n"
				what = "image shown"
			}
		case 12: // resize the image: every page showing it changes
			changed, what = "content/roles/pic.svg", "image resized"
			data = fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="3"/>`, step+5)
		case 0:
			data += fmt.Sprintf("\n## Heading %d\n", step)
			what = "heading"
		case 1:
			data = strings.Replace(data, "title: ", "title: Edited ", 1)
			what = "title"
		case 2:
			changed, what = "templates/page.html", "template"
			data = fmt.Sprintf(`{{define "main"}}%d{{.Content}}{{end}}`, step)
		default:
			data = strings.Replace(data, "\n## ", fmt.Sprintf("\nA new sentence %d, see `code`.\n\n## ", step), 1)
			what = "body"
		}
		src[changed] = &fstest.MapFile{Data: []byte(data)}
		got := builder.Rebuild(context.Background(), src, []string{changed})
		want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
		if d := compare(got, want); d != "" {
			t.Fatalf("step %d (%s of %s): rebuild differs from a clean build: %s", step, what, changed, d)
		}
		if got.Stats.BodyOnly {
			fast++
		}
		if len(got.Diagnostics) > 0 {
			broken = changed
			failed++
		}
	}
	if fast < steps/3 {
		t.Errorf("the body-only fast path ran %d times in %d steps; the test does not cover it", fast, steps)
	}
	if failed == 0 {
		t.Errorf("no body edit broke a link in %d steps; the test does not cover the problems a rebuild reports", steps)
	}
}

// contentOf is a generated site of n pages, and the names of its files
// under content/, sorted.
func contentOf(t *testing.T, n int) (fstest.MapFS, []string) {
	t.Helper()
	src, err := benchgen.MapFS(n)
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
	return src, names
}

// linkEdit adds to data, the file name, a link to one of names or to a
// heading of it (one it lacks when broken, at times when not), or, at
// times or to mend, drops the links it added.
func linkEdit(r *rand.Rand, names []string, name, data string, mend, broken bool) (string, string) {
	if bodyLink.MatchString(data) && (mend || r.IntN(2) == 0) {
		return bodyLink.ReplaceAllString(data, "\n"), "body links removed"
	}
	target := names[r.IntN(len(names))]
	frag := []string{"", "#overview", "#no-such-heading"}[r.IntN(3)]
	if broken {
		frag = "#no-such-heading"
	}
	data += "\nSee [another page](" + strings.Repeat("../", strings.Count(name, "/")-1) + strings.TrimPrefix(target, "content/") + frag + ").\n"
	return data, "body link to " + target + frag
}

// bodyLink is a link TestRebuildBodyEdits adds to a body.
var bodyLink = regexp.MustCompile(`\nSee \[another page\]\([^)]*\)\.\n`)

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
			gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					return "content of " + name + fmt.Sprintf("\nline %d\n got: %.600s\nwant: %.600s", i, gl[i], wl[i])
				}
			}
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

// TestRebuildLongLists edits, at random, a site whose roles' list is long
// enough to be split into runs, whose pages a rebuild reuses by their
// dependency keys: after every step the rebuild must give what a clean
// build gives, and no run page may be reused while its view changed.
func TestRebuildLongLists(t *testing.T) {
	steps := 15
	switch {
	case raceEnabled:
		steps = 3
	case testing.Short():
		steps = 8
	}
	r := rand.New(rand.NewPCG(5, 1))
	src, err := benchgen.MapFS(1000)
	if err != nil {
		t.Fatal(err)
	}
	b := build.New(rolesite.Theme(), build.Options{})
	build.VerifyDepKeys(b, func(out string) { t.Errorf("%s reused by its dependency key, but its view changed", out) })
	if res := b.Build(context.Background(), src); !res.OK() || len(pagesOfRoles(res)) < 3 {
		t.Fatalf("the site does not build into several runs of roles: %v", res.Diagnostics)
	}
	for step := range steps {
		what, changed := editList(r, src)
		want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
		if d := compare(b.Rebuild(context.Background(), src, changed), want); d != "" {
			t.Fatalf("step %d (%s, changed %v): rebuild differs from a clean build: %s", step, what, changed, d)
		}
	}
}

// editList edits what the roles' list shows, keeping pages in their runs
// (a title or summary edited in place) or not (a role added or removed),
// and now and then makes any edit editFiles draws.
func editList(r *rand.Rand, src fstest.MapFS) (string, []string) {
	var changed []string
	e := siteEditor{r: r, src: src, touched: func(name string) { changed = append(changed, name) }}
	p := e.pick(e.pages("roles"))
	switch r.IntN(5) {
	case 0:
		e.set(p, replaceLine(e.get(p), "title: ", "title: Role "+slugOf(p)[5:]+" edited"))
		return "title in place " + p, changed
	case 1:
		e.set(p, replaceLine(e.get(p), "summary: ", fmt.Sprintf("summary: Summary %d.", r.IntN(1000))))
		return "summary " + p, changed
	case 2:
		name := fmt.Sprintf("content/roles/%s-b.md", slugOf(p))
		e.set(name, replaceLine(e.get(p), "title: ", "title: Role "+slugOf(p)[5:]+" b"))
		return "add " + name, changed
	case 3:
		e.remove(p)
		return "remove " + p, changed
	}
	return editFiles(r, src, e.touched), changed
}

// pagesOfRoles are the run pages of the roles' list a build made.
func pagesOfRoles(res build.Result) []string {
	var runs []string
	for _, name := range res.Files.Names() {
		if name == "roles/index.html" || strings.HasPrefix(name, "roles/page/") {
			runs = append(runs, name)
		}
	}
	return runs
}
