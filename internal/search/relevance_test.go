package search_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/search"
)

// A relevanceCase is a query and the pages that must be in its first n
// results.
type relevanceCase struct {
	query string
	n     int
	want  []string
}

// relevanceCases reads testdata/relevance.txt.
func relevanceCases(t testing.TB) []relevanceCase {
	data, err := os.ReadFile("testdata/relevance.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []relevanceCase
	for i, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		n, err := strconv.Atoi(strings.TrimSpace(parts[min(1, len(parts)-1)]))
		if len(parts) != 3 || err != nil {
			t.Fatalf("relevance.txt:%d: want \"query | n | path, ...\"", i+1)
		}
		c := relevanceCase{query: strings.TrimSpace(parts[0]), n: n}
		for _, p := range strings.Split(parts[2], ",") {
			c.want = append(c.want, strings.TrimSpace(p))
		}
		cases = append(cases, c)
	}
	return cases
}

// atlasIndex builds the atlas in content/ and returns its search files.
func atlasIndex(t testing.TB) map[string][]byte {
	res := build.Build(context.Background(), os.DirFS("../.."), rolesite.Theme(), build.Options{})
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	files := map[string][]byte{}
	for _, name := range res.Files.Names() {
		if strings.HasPrefix(name, "search/") {
			files[name], _ = res.Files.Get(name)
		}
	}
	return files
}

// relevanceFloor is the share of the relevance set that must find every
// expected page. Ranking is a trade-off: a weighting that puts one query
// right can put another wrong, so the set is held to a rate, and every
// miss is logged (BENCHMARKS.md lists them).
const relevanceFloor = 0.9

// TestRelevance runs the relevance set against the index of the atlas.
func TestRelevance(t *testing.T) {
	files := atlasIndex(t)
	cases := relevanceCases(t)
	if len(cases) < 30 {
		t.Fatalf("%d queries in the relevance set, want at least 30", len(cases))
	}
	passed := 0
	for _, c := range cases {
		got := search.TopPaths(t, files, c.query, c.n)
		missing := slices.DeleteFunc(slices.Clone(c.want), func(p string) bool { return slices.Contains(got, p) })
		if len(missing) > 0 {
			t.Logf("miss: %q: top %d = %v, missing %v", c.query, c.n, got, missing)
			continue
		}
		passed++
	}
	t.Logf("%d of %d queries find every expected page", passed, len(cases))
	if float64(passed) < relevanceFloor*float64(len(cases)) {
		t.Errorf("%d of %d queries find every expected page, want at least %.0f%%", passed, len(cases), 100*relevanceFloor)
	}
}

// TestBrowserRelevance runs every fourth query of the relevance set
// through search.js and holds it to the Go model's answers, which
// TestRelevance checks.
func TestBrowserRelevance(t *testing.T) {
	files := atlasIndex(t)
	var queries []string
	for i, c := range relevanceCases(t) {
		if i%4 == 0 {
			queries = append(queries, c.query)
		}
	}
	got := search.BrowserTopPaths(t, files, queries, 5)
	for _, q := range queries {
		want := search.TopPaths(t, files, q, 5)
		if !slices.Equal(got[q], want) {
			t.Errorf("%q: search.js gives %v, the Go model %v", q, got[q], want)
		}
	}
}

// A query of a page's title, as a reader types it, finds that page first:
// a title matched in full ranks above one that only contains the words,
// however the scores saturate. Pages whose titles have the same terms
// ("Software Engineer", "Software engineering") are left out.
func TestTitlesFindTheirPages(t *testing.T) {
	files := atlasIndex(t)
	titles := search.PageTitles(t, files)
	same := map[string]int{}
	key := search.TermSet
	for _, title := range titles {
		same[key(title)]++
	}
	tried := 0
	for path, title := range titles {
		if same[key(title)] > 1 || path == "" {
			continue
		}
		tried++
		if got := search.TopPaths(t, files, title, 1); len(got) == 0 || got[0] != path {
			t.Errorf("%q: first result %v, want %s", title, got, path)
		}
	}
	if tried < 50 {
		t.Errorf("tried %d titles, want the atlas's pages", tried)
	}
}
