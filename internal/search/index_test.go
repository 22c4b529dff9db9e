package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// fixture is a small site: a few pages whose words are chosen so each
// test below has exactly one right answer.
func fixture() []Doc {
	return []Doc{
		{Path: "", Title: "The ML atlas", Summary: "Roles, tools and stages.", Text: "Welcome."},
		{Path: "tools/apache-spark/", Section: "tools", SectionTitle: "Tools", Title: "Apache Spark",
			Summary: "A distributed engine for data processing.", Headings: []string{"Use"},
			Text: "Spark runs batch and streaming jobs on a cluster."},
		{Path: "tools/kafka/", Section: "tools", SectionTitle: "Tools", Title: "Kafka",
			Summary: "An event log.", Headings: []string{"Spark streaming"},
			Text: "Kafka feeds spark spark spark spark spark spark spark spark jobs."},
		{Path: "roles/data-engineer/", Section: "roles", SectionTitle: "Roles", Title: "Data Engineer",
			Summary: "Builds pipelines; uses Spark.", Headings: []string{"Skills", "Tools"},
			Text: "Writes SQL and R, knows C++ and CI/CD. Spark spark spark spark spark spark spark spark spark spark spark spark spark spark spark spark spark."},
		{Path: "roles/data-scientist/", Section: "roles", SectionTitle: "Roles", Title: "Data Scientist",
			Summary: "Builds models.", Headings: []string{"Skills"},
			Text: "Explores data with notebooks; once used a quokkaesque heuristic. Mentions spark once."},
		{Path: "stages/monitoring/", Section: "stages", SectionTitle: "Stages", Title: "Monitoring",
			Summary: "Watching models in production.", Text: "Données dérivent; drift is measured."},
	}
}

func titles(rs []result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Title)
	}
	return out
}

func query(t *testing.T, files map[string][]byte, q string) []string {
	t.Helper()
	return titles(newClient(t, files).search(q, shownResults))
}

func TestQueries(t *testing.T) {
	files := Index(fixture())
	tests := []struct {
		q    string
		want []string
	}{
		// A word in one page's body only finds that page.
		{"quokkaesque", []string{"Data Scientist"}},
		// Title, then heading, then summary, then body, whatever the counts.
		{"spark", []string{"Apache Spark", "Kafka", "Data Engineer", "Data Scientist"}},
		// The last word is a prefix; earlier words are whole.
		{"spa", []string{"Apache Spark", "Kafka", "Data Engineer", "Data Scientist"}},
		{"quokka", []string{"Data Scientist"}},
		{"quokka heuristic", nil},
		{"heuristic quokka", []string{"Data Scientist"}},
		{"spa ", nil}, // a separator after the word ends the prefix
		{"s", nil},    // one letter matches only the term "s"
		{"r", []string{"Data Engineer"}},
		{"c++", []string{"Data Engineer"}},
		{"C#", nil},
		{"ci/cd", []string{"Data Engineer"}},
		// AND of words.
		{"spark sql", []string{"Data Engineer"}},
		{"data spark", []string{"Data Engineer", "Apache Spark", "Data Scientist"}},
		{"spark nosuchword", nil},
		// Case and accents as typed.
		{"DONNÉES", []string{"Monitoring"}},
		{"dér", []string{"Monitoring"}},
		{"", nil},
		{"  --  ", nil},
	}
	for _, tt := range tests {
		if got := query(t, files, tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("query %q = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestResultFields(t *testing.T) {
	files := Index(fixture())
	c := newClient(t, files)
	got := c.search("monitoring", 20)
	if len(got) != 1 {
		t.Fatalf("got %d results, want 1", len(got))
	}
	r := got[0]
	e := c.doc(r.Doc)
	if r.Path != "stages/monitoring/" || r.Section != "Stages" || e.Snippet != "Watching models in production." {
		t.Errorf("result = %+v, entry = %+v", r, e)
	}
	home := newClient(t, files).search("atlas", 20)
	if len(home) != 1 || home[0].Path != "" || home[0].Section != "Pages" {
		t.Errorf("home result = %+v, want path \"\" in section Pages", home)
	}
}

func TestDeterministic(t *testing.T) {
	docs := corpus(t, 300)
	want := Index(docs)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3 {
		shuffled := slices.Clone(docs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := Index(shuffled)
		if !maps.EqualFunc(got, want, bytes.Equal) {
			t.Fatal("Index output depends on the order of docs")
		}
	}
	for name := range want {
		if !strings.HasPrefix(name, "search/") || !strings.HasSuffix(name, ".json") {
			t.Errorf("file %q is not search/*.json", name)
		}
	}
}

// A term in more pages than the cap is a sample; it must not hide a page
// that a rarer word of the same query finds.
func TestSampledTermDoesNotExclude(t *testing.T) {
	var docs []Doc
	for i := range 3 * maxPostings {
		d := Doc{Path: fmt.Sprintf("p/%04d/", i), Title: fmt.Sprintf("Page %d", i), Text: "data"}
		if i < maxPostings+10 {
			d.Title += " data" // these outrank the page below for "data"
		}
		if i == 2*maxPostings {
			d.Text += " zebrafish"
		}
		docs = append(docs, d)
	}
	files := Index(docs)
	want := []string{fmt.Sprintf("Page %d", 2*maxPostings)}
	for _, q := range []string{"zebrafish data", "data zebrafish", "data zebra"} {
		if got := query(t, files, q); !slices.Equal(got, want) {
			t.Errorf("query %q = %q, want %q", q, got, want)
		}
	}
	// Two sampled terms: pages with both rank before pages with one.
	if got := newClient(t, files).search("data page", 5); len(got) != 5 || got[0].Matched != 2 {
		t.Errorf("query %q = %+v, want 5 results matching both words", "data page", got)
	}
}

// On a large synthetic site, the index agrees with a brute-force scan of
// the pages, including for terms and prefixes in split shards.
func TestAgainstBruteForce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-page index")
	}
	docs := corpus(t, 10_000)
	files := Index(docs)
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.Path, b.Path) })
	pageHits := make([]map[string]hit, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		pageHits[i] = map[string]hit{}
		hits(d, pageHits[i])
		for term := range pageHits[i] {
			df[term]++
		}
	}
	// Queries over complete lists, whose answers are exact: rare terms,
	// pairs of them, and prefixes.
	var queries []string
	rng := rand.New(rand.NewPCG(5, 6))
	terms := slices.Sorted(maps.Keys(df))
	for len(queries) < 40 {
		term := terms[rng.IntN(len(terms))]
		if df[term] > maxPostings/4 {
			continue
		}
		queries = append(queries, term+" ")
		if len(queries)%4 == 0 {
			queries = append(queries, term[:len(term)/2+1]+" "+term+" ")
		}
		if len(term) > 4 {
			queries = append(queries, term[:4])
		}
	}
	checked := 0
	for _, q := range queries {
		words := tokens(q)
		prefix := !strings.HasSuffix(q, " ")
		var want []result
		for doc, h := range pageHits {
			r := result{Doc: doc}
			for i, w := range words {
				best, found := 0, false
				for term, th := range h {
					if term == w || prefix && i == len(words)-1 && strings.HasPrefix(term, w) {
						best, found = max(best, th.score()), true
					}
				}
				if found {
					r.Matched++
					r.Score += best
				}
			}
			if r.Matched == len(words) {
				want = append(want, r)
			}
		}
		complete := true
		for _, w := range words[:len(words)-1] {
			complete = complete && df[w] <= maxPostings
		}
		got := newClient(t, files).search(q, len(docs))
		if !complete || len(want) > maxPostings {
			continue // a sampled list: checked by TestSampledTermDoesNotExclude
		}
		checked++
		slices.SortFunc(want, func(a, b result) int {
			if a.Score != b.Score {
				return b.Score - a.Score
			}
			return a.Doc - b.Doc
		})
		if len(got) != len(want) {
			t.Errorf("query %q: %d results, brute force finds %d", q, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i].Doc != want[i].Doc || got[i].Score != want[i].Score {
				t.Errorf("query %q: result %d is page %d (score %d), brute force says page %d (score %d)",
					q, i, got[i].Doc, got[i].Score, want[i].Doc, want[i].Score)
				break
			}
		}
	}
	if checked < len(queries)*3/4 {
		t.Errorf("only %d of %d queries had exact answers to check", checked, len(queries))
	}
	t.Logf("%d queries checked against brute force", checked)
}
