package search

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// firstQueryBudget is what a reader's first query may download in total,
// uncompressed: the script, meta.json, the shards the query needs and the
// page table entries of the results shown.
const firstQueryBudget = 300_000

const scriptPath = "../../static/js/search.js"

// shownResults is how many results the dropdown shows (search.js: LIMIT).
const shownResults = 20

func TestFirstQueryBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-page index")
	}
	script, err := os.ReadFile(scriptPath)
	if err != nil {
		t.Fatal(err)
	}
	files := Index(corpus(t, 10_000))
	logSizes(t, files)

	queries := []string{
		"data", "the", "data pipeline", "spa", "spark", "kubernetes deployment",
		"machine learning engineer", "model monitoring drift", "c++", "r", "co", "pr",
		"feature store", "the and of to in", "how to deploy a model to production with kubernetes and spark",
	}
	for _, q := range queries {
		c := newClient(t, files)
		start := time.Now()
		res := c.search(q, shownResults)
		elapsed := time.Since(start)
		total := len(script) + c.downloaded()
		t.Logf("%-28q %3d results  %7d bytes  %v", q, len(res), total, elapsed.Round(time.Microsecond))
		if total > firstQueryBudget {
			t.Errorf("first query %q downloads %d bytes, budget %d", q, total, firstQueryBudget)
		}
		// Typed one character at a time, with nothing debounced, the
		// query still fits: shards are shared between keystrokes.
		typed := newClient(t, files)
		for i := range q {
			typed.search(q[:i+1], shownResults)
		}
		if n := len(script) + typed.downloaded(); n > firstQueryBudget {
			t.Errorf("typing %q downloads %d bytes, budget %d", q, n, firstQueryBudget)
		}
	}

	// Whatever is typed, no query can exceed the budget: the script,
	// meta.json, the largest shard for each word that counts and a full
	// page of results each in a distinct chunk stay within it.
	var largestShard, largestChunk int
	for name, b := range files {
		switch {
		case strings.HasPrefix(name, "search/t/"):
			largestShard = max(largestShard, len(b))
		case strings.HasPrefix(name, "search/d/"):
			largestChunk = max(largestChunk, len(b))
		}
	}
	worst := len(script) + len(files["search/meta.json"]) + maxQueryTerms*largestShard + shownResults*largestChunk
	t.Logf("worst possible first query: %d bytes (script %d, largest shard %d, largest chunk %d)",
		worst, len(script), largestShard, largestChunk)
	if worst > firstQueryBudget {
		t.Errorf("worst possible first query downloads %d bytes, budget %d", worst, firstQueryBudget)
	}
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

// The script is part of every first query's download; it must stay small.
func TestScriptSize(t *testing.T) {
	script, err := os.ReadFile(scriptPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(script) > 12_000 {
		t.Errorf("search.js is %d bytes, limit 12,000", len(script))
	}
}
