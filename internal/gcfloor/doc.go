// Package gcfloor keeps the garbage collector from running while the heap
// is small.
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
// Start sets the floor for the process until the returned stop is called.
// It adjusts GOGC after every collection, from a finalizer, and never sets
// it below the value it found (GOGC from the environment, say).
package gcfloor
