package search

import "github.com/kljensen/snowball/english"

// stem returns the term of a token (lower-cased): the token folded and
// spelt as the index spells it (see variants.go), then stemmed as the
// Snowball (Porter2) English stemmer stems it: "deploys", "deploying" and
// "deployment" are all "deploy", "Café" "cafe". Stop words and terms of
// one or two bytes are not stemmed. static/search/stem.js carries a port
// of the same for queries; TestBrowserStemmerAgrees holds the two
// together.
func stem(term string) string {
	return english.Stem(spelling(fold(term)), false)
}

// isStopWord reports whether a term is one of the common English words
// that a query ignores unless it has nothing else.
func isStopWord(term string) bool { return english.IsStopWord(term) }
