package build_test

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/output"
)

// matrixSite is a site of n roles, each linking one of three stages, with
// a roles-by-stage matrix.
func matrixSite(n int) fstest.MapFS {
	src := fstest.MapFS{
		"content/_index.md":        {Data: []byte("---\ntitle: Atlas\nmatrices:\n  - {rows: roles, field: stages, title: Roles by stage}\n---\n")},
		"content/roles/_index.md":  {Data: []byte("---\ntitle: Roles\nrelations:\n  stages: {label: Stages, inverse: Roles}\n---\nThe roles, one by one.\n")},
		"content/stages/_index.md": {Data: []byte("---\ntitle: Stages\n---\n")},
	}
	for i := range 3 {
		src[fmt.Sprintf("content/stages/s%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Stage %d\n---\n", i)}
	}
	for i := range n {
		src[fmt.Sprintf("content/roles/r%04d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Role %04d\nstages: [s%d]\n---\n", i, i%3)}
	}
	return src
}

// roleSlugs are the slugs of matrixSite's n roles, in order.
func roleSlugs(n int) []string {
	out := make([]string, n)
	for i := range n {
		out[i] = fmt.Sprintf("r%04d", i)
	}
	return out
}

var pagerLink = regexp.MustCompile(`<li>(?:<a href="([^"]+)" aria-current="page"|<a href="([^"]+)")`)

// pagerOf is the pager of a page, "" for none.
func pagerOf(page []byte) string {
	_, nav, ok := strings.Cut(string(page), `<nav class="pager"`)
	if !ok {
		return ""
	}
	nav, _, _ = strings.Cut(nav, "</nav>")
	return nav
}

// pagesOf follows the pager from the first page at folder and returns
// every page's file, in pager order, checking that each marks itself.
func pagesOf(t *testing.T, files *output.Files, folder string) []string {
	t.Helper()
	first, ok := files.Get(folder + "index.html")
	if !ok {
		t.Fatalf("no %sindex.html", folder)
	}
	var names []string
	for _, m := range pagerLink.FindAllStringSubmatch(pagerOf(first), -1) {
		names = append(names, strings.TrimPrefix(m[1]+m[2], "/")+"index.html")
	}
	if len(names) == 0 {
		return []string{folder + "index.html"}
	}
	for i, name := range names {
		data, ok := files.Get(name)
		if !ok {
			t.Fatalf("the pager links %s, which is not built", name)
		}
		marked := pagerLink.FindAllStringSubmatch(pagerOf(data), -1)
		if len(marked) != len(names) || marked[i][1] == "" || strings.Count(pagerOf(data), "aria-current") != 1 {
			t.Errorf("%s: its pager does not mark it among %d pages", name, len(names))
		}
	}
	return names
}

// A matrix or list of more pages than a page holds is split over pages in
// order: every row on exactly one page, each page with its pager, none of
// more than 300 rows; the first page keeps the section's own text.
func TestLongListsSplit(t *testing.T) {
	rowLink := regexp.MustCompile(`<th scope="row"><a href="/roles/(r\d+)/"`)
	card := regexp.MustCompile(`<li><a href="/roles/(r\d+)/"><strong>`)
	for _, n := range []int{3, 150, 450, 1200} {
		res := build.Build(context.Background(), matrixSite(n), rolesite.Theme(), build.Options{CheckLinks: true})
		if !res.OK() {
			t.Fatalf("%d rows: %v", n, res.Diagnostics)
		}
		for _, c := range []struct {
			folder string
			item   *regexp.Regexp
		}{{"matrices/roles-by-stages/", rowLink}, {"roles/", card}} {
			var got []string
			pages := pagesOf(t, res.Files, c.folder)
			for i, name := range pages {
				data, _ := res.Files.Get(name)
				items := c.item.FindAllStringSubmatch(string(data), -1)
				if len(items) > 300 || i < len(pages)-1 && len(items) < 100 {
					t.Errorf("%d rows, %s: %d items on a page", n, name, len(items))
				}
				for _, m := range items {
					got = append(got, m[1])
				}
				if c.folder == "roles/" && strings.Contains(string(data), "The roles, one by one.") != (i == 0) {
					t.Errorf("%d rows, %s: the section's text belongs on the first page alone", n, name)
				}
			}
			if !slices.Equal(got, roleSlugs(n)) {
				t.Errorf("%d rows, %s: %d pages show %d items, not each once in order", n, c.folder, len(pages), len(got))
			}
			if n >= 450 && len(pages) < 2 {
				t.Errorf("%d rows, %s: one page", n, c.folder)
			}
		}
	}
}

// Without JavaScript the search page reaches every page: a short section
// by a link to each of its pages, a long one by a link to each part of its
// list (which TestLongListsSplit follows), never by half a megabyte of
// links.
func TestSearchPageListsShortSectionsAndPartsOfLongOnes(t *testing.T) {
	item := regexp.MustCompile(`<li><a href="(/roles/[^"]*)">([^<]*)</a>`)
	for _, n := range []int{150, 1200} {
		res := build.Build(context.Background(), matrixSite(n), rolesite.Theme(), build.Options{})
		if !res.OK() {
			t.Fatalf("%d roles: %v", n, res.Diagnostics)
		}
		data, _ := res.Files.Get("search/index.html")
		_, page, _ := strings.Cut(string(data), `class="all-pages"`)
		if !strings.Contains(page, fmt.Sprintf(`Roles <span class="count">%d</span>`, n)) {
			t.Errorf("%d roles: the search page does not count them", n)
		}
		var got []string
		for _, m := range item.FindAllStringSubmatch(page, -1) {
			got = append(got, strings.TrimPrefix(m[1], "/")+"index.html")
		}
		want := roleSlugs(n)
		for i, s := range want {
			want[i] = "roles/" + s + "/index.html"
		}
		if n > 300 {
			want = pagesOf(t, res.Files, "roles/")
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d roles: the search page links %d role pages or parts, want %d: %.3q", n, len(got), len(want), got)
		}
		if parts := strings.Contains(string(data), "by the parts of its list"); parts != (n > 300) {
			t.Errorf("%d roles: the search page says it lists parts: %v", n, parts)
		}
	}
}

// A page added at the top of a long list changes the runs whose pages
// change and their neighbours (whose pagers name them), no other: a run
// page whose cards are as before, beside runs whose cards are as before,
// keeps its bytes.
func TestAddedPageChangesOnlyNearbyRuns(t *testing.T) {
	src := matrixSite(1200)
	before := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
	src["content/roles/a-top.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Aaa top\nstages: [s0]\n---\n")}
	after := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
	if !before.OK() || !after.OK() {
		t.Fatal(before.Diagnostics, after.Diagnostics)
	}
	card := regexp.MustCompile(`<li><a href="/roles/([^/"]+)/"><strong>`)
	cardsOf := func(res build.Result, name string) string {
		data, _ := res.Files.Get(name)
		return fmt.Sprint(card.FindAllStringSubmatch(string(data), -1))
	}
	runs := pagesOf(t, after.Files, "roles/")
	if old := pagesOf(t, before.Files, "roles/"); len(old) != len(runs) || len(runs) < 4 {
		t.Fatalf("%d runs before, %d after: pick a site whose runs stay", len(old), len(runs))
	}
	same := make([]bool, len(runs))
	for i, name := range runs {
		same[i] = cardsOf(before, name) == cardsOf(after, name)
	}
	kept := 0
	for i, name := range runs {
		if !same[i] || i > 0 && !same[i-1] || i+1 < len(runs) && !same[i+1] {
			continue
		}
		kept++
		a, _ := before.Files.Get(name)
		b, _ := after.Files.Get(name)
		if !bytes.Equal(a, b) {
			t.Errorf("%s changed, though its cards and its neighbours' are as before", name)
		}
	}
	if kept == 0 {
		t.Fatal("no run was far enough from the change to be checked")
	}
}
