package search

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// A word typed as the last of a query matches its term and, as a prefix,
// every term that begins with it; the pages that have the word itself
// come before those that only have a word it begins.
func TestExactBeforePrefix(t *testing.T) {
	docs := corpus(t, 2000)
	files := Index(docs)
	byPath := map[string]map[string]refHit{}
	memo := map[string]string{}
	var words []string
	df := map[string]int{}
	for _, d := range docs {
		m := map[string]refHit{}
		refHits(d, m, memo)
		byPath[d.Path] = m
		for term, h := range m {
			words = append(words, h.form+" "+term)
			df[term]++
		}
	}
	slices.Sort(words)
	words = slices.Compact(words)
	forms := shardEntries(t, files)
	rng := rand.New(rand.NewPCG(3, 4))
	tried := 0
	for tried < 150 {
		form, term, _ := strings.Cut(words[rng.IntN(len(words))], " ")
		// Only words that begin other words, and are no prefix of their
		// own term's form (which would make them a prefix themselves).
		i, _ := slices.BinarySearch(words, form+"!")
		f := cmp.Or(forms[term], term)
		// A term in more pages than an entry keeps is a sample: its other
		// pages match as prefixes.
		if len(form) < 2 || isStopWord(form) || df[term] > maxPostings || i == len(words) || !strings.HasPrefix(words[i], form) ||
			f != form && strings.HasPrefix(f, form) {
			continue
		}
		tried++
		hits, _ := newClient(t, files).query(form)
		c := newClient(t, files)
		prefixOnly := ""
		for _, h := range hits {
			path := c.doc(h.Doc).Path
			_, exact := byPath[path][term]
			if !exact && prefixOnly == "" {
				prefixOnly = path
			}
			if exact && prefixOnly != "" {
				t.Errorf("%q: %s, which has the word, ranks below %s, which only has a word it begins", form, path, prefixOnly)
				break
			}
		}
	}
}
