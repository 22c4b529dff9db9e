package search

import (
	"slices"
	"testing"
)

// Words written two ways have one term; words that only look like them
// keep theirs.
func TestVariantsShareTerms(t *testing.T) {
	same := [][2]string{
		{"café", "cafe"}, {"zürich", "zurich"}, {"résumé", "resume"}, {"naïve", "naive"},
		{"ångström", "angstrom"}, {"straße", "strasse"}, {"søren", "soren"}, {"łódź", "lodz"},
		{"cafe\u0301", "café"}, // decomposed
		{"visualization", "visualisation"}, {"visualize", "visualise"}, {"visualizing", "visualising"},
		{"organizations", "organisations"}, {"analyze", "analyse"}, {"analyzing", "analysing"},
		{"analyzer", "analyser"}, {"optimized", "optimised"}, {"normalizable", "normalisable"},
		{"color", "colour"}, {"behaviors", "behaviours"}, {"favorite", "favourite"}, {"colored", "coloured"},
		{"center", "centre"}, {"centers", "centres"}, {"centered", "centred"}, {"fiber", "fibre"},
		{"catalog", "catalogue"}, {"dialogs", "dialogues"},
	}
	for _, p := range same {
		if a, b := stem(p[0]), stem(p[1]); a != b {
			t.Errorf("stem(%q) = %q, stem(%q) = %q; want one term", p[0], a, p[1], b)
		}
	}
	// Folding keeps other scripts as they are, and the spelling rules
	// leave alone the words they do not describe.
	for _, w := range []string{"हिन्दी", "モデル", "한국어", "机器学习", "size", "prize", "seize", "citizen", "wizard",
		"pizza", "quiz", "hour", "four", "your", "tour", "flour", "genre", "acre", "rogue", "vogue", "analysis", "there"} {
		if got := spelling(fold(w)); got != w {
			t.Errorf("%q is written %q, want it as it is", w, got)
		}
	}
}

// Every accented word of an index is found without its accents, and every
// spelling of a word with the rules' other one, with the same results.
func TestVariantsFindTheSamePages(t *testing.T) {
	docs := []Doc{
		{Path: "a/", Section: "a", Title: "Café Zürich", Text: "A résumé of naïve Ångström units."},
		{Path: "b/", Section: "a", Title: "Colour", Text: "Visualisation of behaviour, analysed at the centre."},
		{Path: "c/", Section: "a", Title: "Catalog", Text: "A cafe with a resume; we analyze color."},
	}
	files := Index(docs)
	for _, p := range [][2]string{{"cafe", "café"}, {"zurich", "Zürich"}, {"resume", "résumé"}, {"naive", "naïve"},
		{"angstrom", "ÅNGSTRÖM"}, {"visualization", "visualisation"}, {"behavior", "behaviour"},
		{"analyzed", "analysed"}, {"center", "centre"}, {"catalogue", "catalog"}, {"colored", "colour"}} {
		a, fa := newClient(t, files).query(p[0] + " ")
		b, fb := newClient(t, files).query(p[1] + " ")
		if len(a) == 0 || !slices.Equal(a, b) || len(fa)+len(fb) > 0 {
			t.Errorf("%q finds %v (corrected %v), %q %v (corrected %v); want the same pages, uncorrected", p[0], a, fa, p[1], b, fb)
		}
	}
}
