package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The optimised Index must write exactly what the reference (a naive
// implementation, reference_test.go) writes: these tests compare the two
// on the fixture, on synthetic sites and on pages full of awkward text.

func TestIndexMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	sites := map[string][]Doc{
		"empty":    nil,
		"one page": {{Path: "a/", Title: "A", Text: "alpha"}},
		"fixture":  fixture(),
		"awkward":  awkwardDocs(rng, 400),
		"corpus":   append(corpus(t, 1500), awkwardDocs(rng, 200)...),
		"sampled":  sampledDocs(),
	}
	if !testing.Short() {
		sites["corpus 10k"] = corpus(t, 10_000)
	}
	for name, docs := range sites {
		t.Run(name, func(t *testing.T) {
			requireSameFiles(t, Index(docs), refIndex(docs))
		})
	}
	// The work is shared among GOMAXPROCS goroutines; how many must not
	// show in the files.
	want := refIndex(sites["corpus"])
	for _, procs := range []int{1, 3, 8} {
		t.Run(fmt.Sprint("GOMAXPROCS=", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			requireSameFiles(t, Index(sites["corpus"]), want)
		})
	}
}

// sampledDocs has terms in more than maxPostings pages, with many equal
// scores, so which pages a sample keeps depends on the tie-break.
func sampledDocs() []Doc {
	var docs []Doc
	for i := range 3*maxPostings + 17 {
		d := Doc{Path: fmt.Sprintf("p/%04d/", i), Title: fmt.Sprintf("Page %d", i%37), Text: strings.Repeat("data ", 1+i%5)}
		if i%3 == 0 {
			d.Summary = "data and more data"
		}
		if i%7 == 0 {
			d.Headings = headings("Data")
		}
		docs = append(docs, d)
	}
	return docs
}

func TestTermsMatchReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20_000 {
		s := awkwardText(rng, rng.IntN(40))
		if got, want := tokens(s), slices.Collect(refTerms(s)); !slices.Equal(got, want) {
			t.Fatalf("terms(%q) = %q, reference %q", s, got, want)
		}
	}
}

func TestSnippetMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 20_000 {
		d := Doc{Text: awkwardText(rng, rng.IntN(120))}
		if rng.IntN(2) == 0 {
			d.Summary = awkwardText(rng, rng.IntN(60))
		}
		if got, want := snippet(d), refSnippet(d); got != want {
			t.Fatalf("snippet(summary %q, text %q) = %q, reference %q", d.Summary, d.Text, got, want)
		}
	}
}

func TestAppendStringMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for range 20_000 {
		s := awkwardText(rng, rng.IntN(10))
		var want bytes.Buffer
		refWriteString(&want, s)
		if got := appendString([]byte("x"), s); !bytes.Equal(got[1:], want.Bytes()) || got[0] != 'x' {
			t.Fatalf("appendString(%q) = %s, reference %s", s, got, want.Bytes())
		}
	}
}

// requireSameFiles fails unless got and want hold the same files with the
// same bytes.
func requireSameFiles(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[name]
		if !ok {
			t.Fatalf("file %s missing", name)
		}
		if !bytes.Equal(g, want[name]) {
			t.Fatalf("file %s differs:\n%s", name, firstDiff(want[name], g))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Fatalf("extra file %s", name)
		}
	}
}

// awkwardPieces are the text the tokenizer, the snippet and the JSON
// encoder could get wrong: case, accents, scripts, combining marks,
// technology names, separators, white space beyond ASCII, characters JSON
// escapes, invalid UTF-8 and words too long to index.
var awkwardPieces = []string{
	"spark", "Spark", "SPARK", "data", "Data", "pipeline", "pipelines", "model", "models", "mode",
	"C++", "c#", "C#d", "c++x", "x+", "#", "++", "+", "CI/CD", "scikit-learn", "1.5", "2024",
	"Données", "ÜBER", "naïve", "İstanbul", "ǅemal", "ΣΟΦΊΑ", "straße", "ẞ", "机器学习", "モデル", "हिन्दी",
	"a\u0301b", "\u0301x", "٣٤", "Ⅻ", "½", "😀", "ok😀ok",
	" ", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u00a0", "\u0085", "\u2003", "\u3000",
	",", ";", ":", ".", "-", "—", "…", "/", "'", "don't",
	`"quoted"`, `back\slash`, "<b>&amp;</b>", "\x01ctrl", "\x7f", "x\u2028y", "\u2029",
	"\xff", "\xe2\x82", "\xc3", "\xed\xa0\x80",
	strings.Repeat("a", 32), strings.Repeat("b", 33), strings.Repeat("é", 33),
}

// awkwardText joins n pieces, mostly with spaces.
func awkwardText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 && rng.IntN(4) != 0 {
			b.WriteByte(' ')
		}
		b.WriteString(awkwardPieces[rng.IntN(len(awkwardPieces))])
	}
	return b.String()
}

// awkwardDocs makes n pages of awkward text, with paths that collide,
// sections without titles and summaries that are empty or only space.
func awkwardDocs(rng *rand.Rand, n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = awkwardDoc(rng, i)
	}
	return docs
}

func awkwardDoc(rng *rand.Rand, i int) Doc {
	sections := []struct{ key, title string }{{"", ""}, {"", "Home"}, {"tools", "Tools"}, {"tools", ""}, {"roles", "Roles"}, {"é\"x", "Ü<&>"}}
	sec := sections[rng.IntN(len(sections))]
	d := Doc{
		Path:         fmt.Sprintf("%s/%s-%d/", sec.key, awkwardText(rng, 1), rng.IntN(i+10)), // some collide
		Section:      sec.key,
		SectionTitle: sec.title,
		Title:        awkwardText(rng, rng.IntN(5)),
		Text:         awkwardText(rng, rng.IntN(300)),
	}
	switch rng.IntN(3) {
	case 0:
		d.Summary = awkwardText(rng, 1+rng.IntN(50))
	case 1:
		d.Summary = " \t "
	}
	for range rng.IntN(4) {
		h := Heading{ID: awkwardText(rng, rng.IntN(2)), Text: awkwardText(rng, rng.IntN(4))}
		d.Headings = append(d.Headings, h)
		if rng.IntN(2) == 0 { // a heading line, and its section's text
			d.Text += "\n " + h.Text + "\t\n" + awkwardText(rng, rng.IntN(30))
		}
	}
	for range rng.IntN(3) {
		d.Aliases = append(d.Aliases, awkwardText(rng, 1+rng.IntN(2)))
	}
	if sec.key == "tools" {
		d.FilterLabel, d.Filter = "Category", awkwardText(rng, rng.IntN(2))
	}
	return d
}

// planShards must plan what the naive refPlanShards plans, on terms that
// share long prefixes, with multi-byte runes, and entries of any size, so
// that groups split at every depth and single terms exceed a shard.
func TestPlanShardsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	alphabet := []string{"a", "b", "é", "ж", "1", "+"}
	for round := range 300 {
		set := make(map[string]bool)
		for range 1 + rng.IntN(300) {
			var b strings.Builder
			for range 1 + rng.IntN(6) {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			set[b.String()] = true
		}
		terms := slices.Sorted(maps.Keys(set))
		size := make([]int, len(terms))
		entries := make(map[string][]byte)
		for i, term := range terms {
			size[i] = 1 + rng.IntN(shardBytes/(1+rng.IntN(40)))
			if rng.IntN(3) == 0 {
				size[i] = shardBytes / (1 + rng.IntN(4)) // groups that fill a shard exactly
			}
			entries[term] = make([]byte, size[i])
		}
		var got []string
		for _, s := range planShards(terms, size) {
			got = append(got, fmt.Sprint(s.key, terms[s.lo:s.hi], s.split, terms[s.plo:s.phi]))
		}
		var want []string
		for _, s := range refPlanShards("", terms, entries) {
			prefixed := s.prefixed
			if !s.split {
				prefixed = terms[:0]
			}
			want = append(want, fmt.Sprint(s.key, s.terms, s.split, prefixed))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: planShards(%q) =\n%q\nwant\n%q", round, terms, got, want)
		}
	}
}

// entrySize must count exactly what appendEntry writes: shards are planned
// by it.
func TestEntrySize(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for range 2000 {
		var list []posting
		doc := int32(0)
		for range rng.IntN(3 * maxPostings) {
			doc += 1 + rng.Int32N(5000)
			list = append(list, makePosting(doc, makeValue(uint8(1+rng.IntN(106)), uint8(rng.IntN(4)))))
		}
		term, form := awkwardText(rng, 1), ""
		if rng.IntN(2) == 0 {
			form = awkwardText(rng, 1)
		}
		if got, want := entrySize(term, form, list), len(appendEntry(nil, term, form, list)); got != want {
			t.Fatalf("entrySize(%q, %q, %d postings) = %d, want %d", term, form, len(list), got, want)
		}
	}
}
