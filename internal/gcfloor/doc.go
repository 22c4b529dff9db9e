// Package gcfloor bounds the heap of a build from both sides: the garbage
// collector does not run while the heap is under a floor, and the process
// aims to stay under a ceiling.
//
// Go collects when the heap has grown by GOGC percent (100) since the last
// collection, starting from 4 MB. A build whose live heap grows from
// nothing to a hundred megabytes in its first second therefore collects
// forty times on the way, each time marking everything it has built so
// far. With a floor, the collector lets the heap reach the floor first
// (it sets GOGC so that the next collection comes at the floor, or at the
// usual point when that is later): the early collections go, and the peak
// of a build whose live heap later exceeds half the floor is the same as
// without it.
//
// The other way round, GOGC lets the heap reach twice the live heap, plus
// what the runtime keeps beside it (partly used spans, memory freed but not
// yet returned), whatever the machine has. With a ceiling, Start sets the
// runtime's memory limit to it: the collector runs earlier when the
// process nears the ceiling, and the runtime returns freed memory to the
// system to stay under it. A live heap too large for the ceiling raises
// the limit (see Limit), so a site bigger than the ceiling allows builds
// with GOGC at 50 rather than with the collector running all the time.
//
// Start sets both for the process until the Budget it returns is stopped;
// Raise raises the floor meanwhile. It adjusts them after every
// collection, from a cleanup (runtime.AddCleanup) on an object made to be
// collected; it never sets GOGC below the value it found (GOGC from the
// environment, say), and it leaves a memory limit it found (GOMEMLIMIT)
// alone.
package gcfloor
