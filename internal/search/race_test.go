//go:build race

package search

// raceDetector reports whether the tests run under the race detector,
// which makes the long equivalence tests too slow to run in full.
const raceDetector = true
