package search

import (
	"bytes"
	"cmp"
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
			Summary: "A distributed engine for data processing.", Headings: headings("Use"),
			Text: "Spark runs batch and streaming jobs on a cluster."},
		{Path: "tools/kafka/", Section: "tools", SectionTitle: "Tools", Title: "Kafka",
			Summary: "An event log.", Headings: headings("Spark streaming"),
			Text: "Kafka feeds spark spark spark spark spark spark spark spark jobs."},
		{Path: "roles/data-engineer/", Section: "roles", SectionTitle: "Roles", Title: "Data Engineer", Aliases: []string{"ETL developer"},
			Summary: "Builds pipelines; uses Spark.", Headings: headings("Skills", "Tools"),
			Text: "Writes SQL and R, knows C++ and CI/CD. Spark spark spark spark spark spark spark spark spark spark spark spark spark spark spark spark spark."},
		{Path: "roles/data-scientist/", Section: "roles", SectionTitle: "Roles", Title: "Data Scientist",
			Summary: "Builds models.", Headings: headings("Skills"),
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
	spark := []string{"Data Engineer", "Kafka", "Apache Spark", "Data Scientist"}
	tests := []struct {
		q    string
		want []string
	}{
		// A word in one page's body only finds that page.
		{"quokkaesque", []string{"Data Scientist"}},
		// BM25F: field weights, and counts that saturate; in these tiny
		// pages seventeen mentions in the body beat the title.
		{"spark", spark},
		// The last word is a prefix; earlier words are whole.
		{"spa", spark},
		{"quokka", []string{"Data Scientist"}},
		{"heuristic quokka", []string{"Data Scientist"}},
		{"spa ", nil}, // a separator after the word ends the prefix
		{"s", nil},    // one letter matches only the term "s"
		{"r", []string{"Data Engineer"}},
		{"c++", []string{"Data Engineer"}},
		{"C#", nil},
		{"ci/cd", []string{"Data Engineer"}},
		// Pages with more of the words first, then the others.
		{"spark sql", spark},
		{"sql spark", spark},
		{"data spark", []string{"Data Engineer", "Data Scientist", "Apache Spark", "Kafka"}},
		{"spark nosuchword", spark},
		{"quokka heuristic", []string{"Data Scientist"}},
		// Words are stemmed: "model" finds "models", "watched" finds "Watching".
		{"model", []string{"Data Scientist", "Monitoring"}},
		{"watched", []string{"Monitoring"}},
		{"processes", []string{"Apache Spark"}},
		// Stop words count only when there is nothing else.
		{"the spark", spark},
		{"the", []string{"The ML atlas"}},
		// Aliases are searchable.
		{"etl", []string{"Data Engineer"}},
		// A word that matches nothing is corrected within one or two edits.
		{"monitorng", []string{"Monitoring"}},
		{"dsitributed", []string{"Apache Spark"}},
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
	c := newClient(t, files)
	if got := c.search("spark sql", 1); got[0].Matched != 2 {
		t.Errorf("spark sql: first result matches %d words, want 2", got[0].Matched)
	}
	if _, fixes := c.query("monitorng"); len(fixes) != 1 || fixes[0] != (fix{"monitorng", "monitor"}) {
		t.Errorf("monitorng: fixes = %v, want monitor", fixes)
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
	want := fmt.Sprintf("Page %d", 2*maxPostings)
	for _, q := range []string{"zebrafish data", "data zebrafish", "data zebra"} {
		if got := query(t, files, q); len(got) == 0 || got[0] != want {
			t.Errorf("query %q = %q, want %q first", q, got, want)
		}
	}
	// Two sampled terms: pages with both rank before pages with one.
	if got := newClient(t, files).search("data page", 5); len(got) != 5 || got[0].Matched != 2 {
		t.Errorf("query %q = %+v, want 5 results matching both words", "data page", got)
	}
}

// On a large synthetic site, the index agrees with a brute-force scan of
// the pages (scored by the reference implementation), for words and pairs
// of words whose lists are complete, including in split shards.
func TestAgainstBruteForce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-page index")
	}
	docs := corpus(t, 10_000)
	files := Index(docs)
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.Path, b.Path) })
	pageHits := make([]map[string]refHit, len(docs))
	bodyLen := make([]int, len(docs))
	df := map[string]int{}
	memo := map[string]string{}
	for i, d := range docs {
		pageHits[i] = map[string]refHit{}
		bodyLen[i] = refHits(d, pageHits[i], memo)
		for term := range pageHits[i] {
			df[term]++
		}
	}
	var queries [][]string
	rng := rand.New(rand.NewPCG(5, 6))
	terms := slices.Sorted(maps.Keys(df))
	for len(queries) < 40 {
		a, b := terms[rng.IntN(len(terms))], terms[rng.IntN(len(terms))]
		if df[a] > maxPostings || df[b] > maxPostings || isStopWord(a) || isStopWord(b) || stem(a) != a || stem(b) != b {
			continue // a stem may not stem to itself: query by the words that do
		}
		queries = append(queries, []string{a}, []string{a, b})
	}
	ids := refNumbers(docs)
	for _, words := range queries {
		var want []result
		for doc, h := range pageHits {
			r := result{Doc: ids[doc]}
			for _, w := range words {
				if th, ok := h[w]; ok {
					r.Matched++
					r.Score += idf(len(docs), df[w]) * th.score(bodyLen[doc])
				}
			}
			if r.Matched > 0 {
				want = append(want, r)
			}
		}
		slices.SortFunc(want, func(a, b result) int {
			return cmp.Or(cmp.Compare(b.Matched, a.Matched), cmp.Compare(b.Score, a.Score), cmp.Compare(a.Doc, b.Doc))
		})
		q := strings.Join(words, " ") + " "
		got := newClient(t, files).search(q, len(docs))
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
}

// headings makes headings of texts, each with an ID made of its text.
func headings(texts ...string) []Heading {
	var hs []Heading
	for _, t := range texts {
		hs = append(hs, Heading{ID: strings.ReplaceAll(strings.ToLower(t), " ", "-"), Text: t})
	}
	return hs
}
