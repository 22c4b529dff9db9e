package search

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rolesite/rolesite/internal/publish"
)

// The budgets of a reader's first query, in bytes downloaded, uncompressed:
// the scripts as a build serves them (minified), meta.json, the shards the
// query needs, the page table entries of the results shown and the
// passages of the first few. An ordinary query (a word or two that pages
// use) must stay under ordinaryBudget, any query at all under
// firstQueryBudget.
const (
	ordinaryBudget   = 100_000
	firstQueryBudget = 250_000
)

const scriptPath = "../../static/js/search.js"
const stemmerPath = "../../static/search/stem.js"

// shownResults is how many results the dropdown shows (search.js: LIMIT),
// shownPassages how many of them show their best passage (PASSAGES).
const (
	shownResults  = 10
	shownPassages = 5
)

// servedScripts is the size of search.js and stem.js as a build serves them.
func servedScripts(t testing.TB) int {
	n := 0
	m := publish.NewMinifier()
	for _, p := range []string{scriptPath, stemmerPath} {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		min, err := m.Minify("js/x.js", src)
		if err != nil {
			t.Fatal(err)
		}
		n += len(min)
	}
	return n
}

func TestFirstQueryBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-page index")
	}
	script := servedScripts(t)
	files := Index(corpus(t, 10_000))
	logSizes(t, files)

	ordinary := []string{"data", "data pipeline", "spa", "spark", "kubernetes deployment",
		"machine learning engineer", "model monitoring drift", "feature store"}
	queries := append(ordinary, "the", "c++", "r", "co", "pr", "the and of to in",
		"how to deploy a model to production with kubernetes and spark", "kubernets deploymnt")
	for _, q := range queries {
		c := newClient(t, files)
		start := time.Now()
		res := c.search(q, shownResults)
		elapsed := time.Since(start)
		c.passages(res, shownPassages)
		total := script + c.downloaded()
		t.Logf("%-28q %3d results  %7d bytes  %v", q, len(res), total, elapsed.Round(time.Microsecond))
		budget := firstQueryBudget
		if slices.Contains(ordinary, q) {
			budget = ordinaryBudget
		}
		if total > budget {
			t.Errorf("first query %q downloads %d bytes, budget %d", q, total, budget)
		}
		// Typed one character at a time, with nothing debounced, the
		// query still fits: shards are shared between keystrokes.
		// search.js fetches passages once typing pauses.
		typed := newClient(t, files)
		for i := range q {
			typed.search(q[:i+1], shownResults)
		}
		typed.passages(typed.search(q, shownResults), shownPassages)
		if n := script + typed.downloaded(); n > firstQueryBudget {
			t.Errorf("typing %q downloads %d bytes, budget %d", q, n, firstQueryBudget)
		}
	}

	// Whatever is typed, no query can exceed the budget: the scripts,
	// meta.json, the largest shard for each word that counts (twice for
	// the last, whose prefix may live elsewhere), the results each in a
	// distinct chunk and the largest passages files stay within it.
	var shards, chunks, passages []int
	for name, b := range files {
		switch {
		case strings.HasPrefix(name, "search/t/"):
			shards = append(shards, len(b))
		case strings.HasPrefix(name, "search/d/"):
			chunks = append(chunks, len(b))
		case strings.HasPrefix(name, "search/x/"):
			passages = append(passages, len(b))
		}
	}
	for _, s := range [][]int{shards, chunks, passages} {
		slices.Sort(s)
		slices.Reverse(s)
	}
	worst := script + len(files["search/meta.json"]) + (maxQueryTerms+1)*shards[0] +
		shownResults*chunks[0] + sum(passages[:shownPassages])
	t.Logf("worst possible first query: %d bytes (scripts %d, largest shard %d, largest chunk %d, largest passages %d)",
		worst, script, shards[0], chunks[0], passages[0])
	if worst > firstQueryBudget {
		t.Errorf("worst possible first query downloads %d bytes, budget %d", worst, firstQueryBudget)
	}
}

func sum(s []int) int {
	n := 0
	for _, v := range s {
		n += v
	}
	return n
}

func logSizes(t *testing.T, files map[string][]byte) {
	total := 0
	var shards []int
	for name, b := range files {
		total += len(b)
		if strings.HasPrefix(name, "search/t/") {
			shards = append(shards, len(b))
		}
	}
	slices.Sort(shards)
	t.Logf("index: %d files, %d bytes; meta.json %d bytes; %d shards, median %d, max %d bytes",
		len(files), total, len(files["search/meta.json"]), len(shards), shards[len(shards)/2], shards[len(shards)-1])
}

func BenchmarkIndex10k(b *testing.B) {
	docs := corpus(b, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		Index(docs)
	}
}

// The scripts are part of every first query's download; they must stay small.
func TestScriptSize(t *testing.T) {
	if n := servedScripts(t); n > 16_000 {
		t.Errorf("search.js and stem.js are %d bytes as served, limit 16,000", n)
	}
}
