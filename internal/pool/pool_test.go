package pool

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestEachVisitsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		seen := make([]atomic.Int32, n)
		Each(context.Background(), n, func(w, i int) {
			if w < 0 || w >= Workers(n, 1) {
				t.Errorf("worker number %d out of range", w)
			}
			seen[i].Add(1)
		})
		for i := range seen {
			if got := seen[i].Load(); got != 1 {
				t.Fatalf("n=%d: index %d visited %d times", n, i, got)
			}
		}
	}
}

func TestRangesCoverInOrderPieces(t *testing.T) {
	for _, tc := range []struct{ n, grain int }{{0, 4}, {1, 4}, {10, 3}, {1000, 64}, {5, 0}} {
		seen := make([]atomic.Int32, tc.n)
		Ranges(context.Background(), tc.n, tc.grain, func(w, lo, hi int) {
			if lo >= hi || hi > tc.n || (tc.grain > 0 && hi-lo > tc.grain) {
				t.Errorf("n=%d grain=%d: range [%d,%d)", tc.n, tc.grain, lo, hi)
			}
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
		})
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Fatalf("n=%d grain=%d: index %d visited %d times", tc.n, tc.grain, i, seen[i].Load())
			}
		}
	}
}

// Once ctx is done no new item starts; items already taken finish.
func TestEachStopsWhenDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Int32
	Each(ctx, 100000, func(w, i int) {
		if ran.Add(1) == 10 {
			cancel()
		}
	})
	if got := ran.Load(); got < 10 || got > 10+int32(Workers(100000, 1)) {
		t.Errorf("%d items ran after the context was done at the 10th", got)
	}
	cancel()
	ran.Store(0)
	Each(ctx, 100, func(w, i int) { ran.Add(1) })
	if ran.Load() != 0 {
		t.Errorf("%d items ran with a context done before the start", ran.Load())
	}
}

func TestSplitInOrder(t *testing.T) {
	got := make([][2]int, 3)
	Split(10, 3, func(w, lo, hi int) { got[w] = [2]int{lo, hi} })
	if got[0] != [2]int{0, 3} || got[1] != [2]int{3, 6} || got[2] != [2]int{6, 10} {
		t.Errorf("Split(10, 3) = %v", got)
	}
}
