// Package pool runs independent pieces of work on a goroutine per
// processor: the one worker pool of the tree.
//
// Each hands out the indexes [0, n) one at a time, for work whose items
// differ in cost (pages to render, files to read); Ranges hands out
// consecutive ranges of a given grain, for many small items (terms to
// index); Split cuts [0, n) into k equal ranges in order, for work that
// must come back in order. Every function returns once all work handed
// out is done. f's first argument numbers the worker (0 to k-1), so that
// f can keep scratch space per worker without locking. Which worker takes
// which item varies from run to run: results must not depend on it.
//
// Each and Ranges stop handing out work once ctx is done; the items a
// worker holds are finished, the rest are never started.
package pool
