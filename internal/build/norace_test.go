//go:build !race

package build_test

// raceEnabled reports whether the tests run under the race detector, which
// makes CPU-bound work several times slower.
const raceEnabled = false
