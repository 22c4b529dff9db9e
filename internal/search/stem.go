package search

import "github.com/kljensen/snowball/english"

// stem returns the English stem of a term (a lower-cased token), as the
// Snowball (Porter2) English stemmer gives it: "deploys", "deploying" and
// "deployment" are all "deploy". Stop words and terms of one or two bytes
// stay as they are. static/js/search.js carries a port of the same
// algorithm for queries; TestBrowserStemmerAgrees holds the two together.
func stem(term string) string {
	return english.Stem(term, false)
}

// isStopWord reports whether a term is one of the common English words
// that a query ignores unless it has nothing else.
func isStopWord(term string) bool { return english.IsStopWord(term) }
