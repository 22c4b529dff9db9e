package pool

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines share n items taken grain at a time: one
// per processor, but no more than there are grains, and at least one.
func Workers(n, grain int) int {
	return max(1, min(runtime.GOMAXPROCS(0), (n+grain-1)/max(grain, 1)))
}

// Each calls f(w, i) for every i in [0, n), until ctx is done.
func Each(ctx context.Context, n int, f func(w, i int)) {
	Ranges(ctx, n, 1, func(w, lo, hi int) {
		for i := lo; i < hi; i++ {
			f(w, i)
		}
	})
}

// Ranges calls f(w, lo, hi) for consecutive ranges of [0, n) about grain
// items long, until ctx is done.
func Ranges(ctx context.Context, n, grain int, f func(w, lo, hi int)) {
	grain = max(grain, 1)
	done := ctx.Done()
	k := Workers(n, grain)
	var next atomic.Int64
	work := func(w int) {
		for {
			select {
			case <-done:
				return
			default:
			}
			lo := int(next.Add(int64(grain))) - grain
			if lo >= n {
				return
			}
			f(w, lo, min(lo+grain, n))
		}
	}
	if k == 1 {
		work(0)
		return
	}
	var wg sync.WaitGroup
	for w := range k {
		wg.Go(func() { work(w) })
	}
	wg.Wait()
}

// Split calls f(w, lo, hi) for k ranges of [0, n) as equal as can be, in
// order (w numbers the range), each on its own goroutine.
func Split(n, k int, f func(w, lo, hi int)) {
	if k <= 1 {
		f(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range k {
		wg.Go(func() { f(w, w*n/k, (w+1)*n/k) })
	}
	wg.Wait()
}
