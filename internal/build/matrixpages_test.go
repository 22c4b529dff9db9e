package build_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/render"
)

// matrixSite is a site of n roles, each linking one of three stages, with
// a roles-by-stage matrix.
func matrixSite(n int) fstest.MapFS {
	src := fstest.MapFS{
		"content/_index.md":        {Data: []byte("---\ntitle: Atlas\nmatrices:\n  - {rows: roles, field: stages, title: Roles by stage}\n---\n")},
		"content/roles/_index.md":  {Data: []byte("---\ntitle: Roles\nrelations:\n  stages: {label: Stages, inverse: Roles}\n---\n")},
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

// pageOf is the file of page k of what starts at folder.
func pageOf(folder string, k int) string {
	if k == 1 {
		return folder + "index.html"
	}
	return fmt.Sprintf("%spage/%d/index.html", folder, k)
}

// roleSlugs are the slugs of matrixSite's n roles, in order.
func roleSlugs(n int) []string {
	out := make([]string, n)
	for i := range n {
		out[i] = fmt.Sprintf("r%04d", i)
	}
	return out
}

// A matrix of more rows than a page holds is split over pages in row
// order: every row on exactly one page, each page with the columns and a
// pager whose links all exist; a small one stays one page with no pager.
func TestMatrixPages(t *testing.T) {
	rowLink := regexp.MustCompile(`<th scope="row"><a href="/roles/(r\d+)/"`)
	for _, n := range []int{3, render.MatrixRowsPerPage, render.MatrixRowsPerPage + 1, 2*render.MatrixRowsPerPage + 50} {
		res := build.Build(context.Background(), matrixSite(n), rolesite.Theme(), build.Options{CheckLinks: true})
		if !res.OK() {
			t.Fatalf("%d rows: %v", n, res.Diagnostics)
		}
		pages := (n + render.MatrixRowsPerPage - 1) / render.MatrixRowsPerPage
		var rows []string
		for k := 1; k <= pages; k++ {
			name := pageOf("matrices/roles-by-stages/", k)
			data, ok := res.Files.Get(name)
			if !ok {
				t.Fatalf("%d rows: no %s", n, name)
			}
			page := string(data)
			for _, m := range rowLink.FindAllStringSubmatch(page, -1) {
				rows = append(rows, m[1])
			}
			if c := strings.Count(page, `scope="col" class="col"`); c != 3 {
				t.Errorf("%d rows, %s: %d column headers, want 3", n, name, c)
			}
			hasPager := strings.Contains(page, `<nav class="pager"`)
			if hasPager != (pages > 1) {
				t.Errorf("%d rows, %s: pager shown %v with %d pages", n, name, hasPager, pages)
			}
			if pages > 1 && !strings.Contains(page, fmt.Sprintf(`aria-current="page" title="Roles %d–`, (k-1)*render.MatrixRowsPerPage+1)) {
				t.Errorf("%d rows, %s: the pager does not mark this page", n, name)
			}
		}
		if _, ok := res.Files.Get(fmt.Sprintf("matrices/roles-by-stages/page/%d/index.html", pages+1)); ok {
			t.Errorf("%d rows: a page past the last", n)
		}
		if !slices.Equal(rows, roleSlugs(n)) {
			t.Errorf("%d rows: the pages show %d rows, not each row once in order", n, len(rows))
		}
	}
}

// A section of more pages than a list page holds lists them over pages
// in section order, each page once, with a pager on each; the first page
// keeps the section's own text.
func TestListPages(t *testing.T) {
	card := regexp.MustCompile(`<li><a href="/roles/(r\d+)/"><strong>`)
	for _, n := range []int{3, render.ListPageSize, render.ListPageSize + 1, 2*render.ListPageSize + 7} {
		src := matrixSite(n)
		src["content/roles/_index.md"].Data = append(src["content/roles/_index.md"].Data, "The roles, one by one.\n"...)
		res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{CheckLinks: true})
		if !res.OK() {
			t.Fatalf("%d pages: %v", n, res.Diagnostics)
		}
		pages := (n + render.ListPageSize - 1) / render.ListPageSize
		var got []string
		for k := 1; k <= pages; k++ {
			name := pageOf("roles/", k)
			data, ok := res.Files.Get(name)
			if !ok {
				t.Fatalf("%d pages: no %s", n, name)
			}
			page := string(data)
			for _, m := range card.FindAllStringSubmatch(page, -1) {
				got = append(got, m[1])
			}
			if strings.Contains(page, `<nav class="pager"`) != (pages > 1) {
				t.Errorf("%d pages, %s: a pager with %d list pages is wrong", n, name, pages)
			}
			if strings.Contains(page, "The roles, one by one.") != (k == 1) {
				t.Errorf("%d pages, %s: the section's text belongs on the first page alone", n, name)
			}
		}
		if !slices.Equal(got, roleSlugs(n)) {
			t.Errorf("%d pages: the list pages show %d cards, not each page once in order", n, len(got))
		}
	}
}
