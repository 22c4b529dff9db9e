package search

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workers is how many goroutines share n items of work taken grain at a
// time: one per processor, but no more than there are grains.
func workers(n, grain int) int {
	return max(1, min(runtime.GOMAXPROCS(0), (n+grain-1)/grain))
}

// parallel calls f for consecutive ranges [lo, hi) of [0, n), about grain
// items long, on workers(n, grain) goroutines, and returns when all are
// done. w, from 0 to workers(n, grain), numbers the goroutine, so f can
// keep scratch space per goroutine. Which goroutine takes which range
// varies; results must not depend on it.
func parallel(n, grain int, f func(w, lo, hi int)) {
	k := workers(n, grain)
	if k == 1 {
		if n > 0 {
			f(0, 0, n)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range k {
		wg.Go(func() {
			for {
				lo := int(next.Add(int64(grain))) - grain
				if lo >= n {
					return
				}
				f(w, lo, min(lo+grain, n))
			}
		})
	}
	wg.Wait()
}

// spread calls f(w, lo, hi) for k ranges of [0, n) as equal as can be, in
// order (w numbers the range), each on its own goroutine.
func spread(n, k int, f func(w, lo, hi int)) {
	if k == 1 {
		f(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range k {
		wg.Go(func() { f(w, w*n/k, (w+1)*n/k) })
	}
	wg.Wait()
}
