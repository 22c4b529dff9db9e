package gcfloor

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		floor uint64
		base  int
		live  uint64
		want  int
	}{
		{64 << 20, 100, 8 << 20, 700},   // next collection at 64 MB
		{64 << 20, 100, 32 << 20, 100},  // the usual point, 64 MB, is not earlier
		{64 << 20, 100, 100 << 20, 100}, // past the floor: as usual
		{64 << 20, 50, 40 << 20, 60},    // 40 + 24 = 64
		{64 << 20, 300, 20 << 20, 300},  // GOGC=300 already goes further
		{64 << 20, 100, 0, 1600},        // before the first collection: 4 MB x 16
		{64 << 20, 100, 1 << 20, 1600},  // a tiny live heap: minHeap x 16 is the floor
		{160 << 20, 100, 1 << 20, 4000}, // not 15,900%, which aims at 636 MB
	} {
		if got := Percent(c.floor, c.base, c.live); got != c.want {
			t.Errorf("Percent(%d MB, %d, %d MB) = %d, want %d", c.floor>>20, c.base, c.live>>20, got, c.want)
		}
	}
}

// The runtime aims at the larger of live x (1 + GOGC/100) and minHeap x
// GOGC/100; whatever the live heap, Percent's GOGC keeps both at or under
// the floor, or is base.
func TestPercentNeverAimsPastTheFloor(t *testing.T) {
	for _, floor := range []uint64{16 << 20, 64 << 20, 160 << 20, 1 << 30} {
		for _, base := range []int{25, 100, 400} {
			for live := uint64(1 << 10); live < 2*floor; live += live/3 + 1<<10 {
				p := Percent(floor, base, live)
				if p == base {
					continue
				}
				byLive := live + live*uint64(p)/100
				byMin := uint64(minHeap) * uint64(p) / 100
				if byLive > floor || byMin > floor {
					t.Fatalf("Percent(%d, %d, %d) = %d aims at %d and %d bytes, past the floor", floor, base, live, p, byLive, byMin)
				}
				if p < base {
					t.Fatalf("Percent(%d, %d, %d) = %d, below GOGC as found", floor, base, live, p)
				}
			}
		}
	}
}

// After a collection that leaves almost nothing live, the runtime's next
// goal is near the floor, not far past it.
func TestGoalAfterSmallHeap(t *testing.T) {
	const floor = 64 << 20
	defer Start(floor, 0).Stop()
	sample := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC() // the tuner's cleanup runs after it, then the next GC applies it
		runtime.GC()
		metrics.Read(sample)
		goal := sample[0].Value.Uint64()
		if goal <= floor+floor/8 && goal >= floor/2 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("heap goal %d MB with a %d MB floor and a small live heap", goal>>20, floor>>20)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// With a floor, building a heap up to well under it collects far less
// often than without; Stop puts GOGC back.
func TestFloorCutsEarlyCollections(t *testing.T) {
	build := func() uint32 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var keep [][]byte
		for range 6000 {
			keep = append(keep, make([]byte, 8<<10)) // 48 MB kept
			for range 8 {
				_ = make([]byte, 8<<10) // and garbage
			}
		}
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(keep)
		return after.NumGC - before.NumGC
	}
	// A low GOGC makes the collections without a floor many.
	orig := debug.SetGCPercent(25)
	defer debug.SetGCPercent(orig)
	without := build()
	b := Start(256<<20, 0)
	with := build()
	b.Stop()
	if got := debug.SetGCPercent(25); got != 25 {
		t.Errorf("GOGC after Stop = %d, want 25 as before", got)
	}
	t.Logf("collections: %d without a floor, %d with", without, with)
	if without < 8 || with*4 > without {
		t.Errorf("collections: %d without a floor, %d with: want a quarter or fewer", without, with)
	}
}

func TestLimit(t *testing.T) {
	for _, c := range []struct{ ceiling, live, want uint64 }{
		{768 << 20, 0, 768 << 20},
		{768 << 20, 300 << 20, 768 << 20}, // room to spare
		{768 << 20, 512 << 20, 768 << 20}, // two thirds: half the live heap again
		{768 << 20, 600 << 20, 900 << 20}, // past: grows with the live heap
		{768 << 20, 2 << 30, 3 << 30},     // a site far bigger than the ceiling
	} {
		if got := Limit(c.ceiling, c.live); got != c.want {
			t.Errorf("Limit(%d MB, %d MB) = %d MB, want %d MB", c.ceiling>>20, c.live>>20, got>>20, c.want>>20)
		}
	}
}

// With a ceiling the process has a memory limit, at the ceiling while the
// live heap is small; Stop puts back the limit it found.
func TestCeilingSetsTheMemoryLimit(t *testing.T) {
	const ceiling = 3 << 30
	before := debug.SetMemoryLimit(-1)
	b := Start(64<<20, ceiling)
	runtime.GC()
	if got := debug.SetMemoryLimit(-1); got != ceiling {
		t.Errorf("memory limit %d with a %d ceiling", got, int64(ceiling))
	}
	b.Stop()
	runtime.GC() // a cleanup left over must not set it again
	runtime.GC()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("memory limit after Stop = %d, want %d as before", got, before)
	}
}

// A memory limit set before (GOMEMLIMIT) is the user's: a ceiling leaves
// it alone.
func TestCeilingKeepsTheUsersLimit(t *testing.T) {
	const users = 5 << 30
	orig := debug.SetMemoryLimit(users)
	defer debug.SetMemoryLimit(orig)
	b := Start(64<<20, 1<<30)
	runtime.GC()
	runtime.GC()
	got := debug.SetMemoryLimit(-1)
	b.Stop()
	if got != users {
		t.Errorf("memory limit %d with the user's %d and a ceiling", got, int64(users))
	}
	if got := debug.SetMemoryLimit(-1); got != users {
		t.Errorf("memory limit after Stop = %d, want the user's %d", got, int64(users))
	}
}

// Without a ceiling there is no memory limit.
func TestNoCeilingNoLimit(t *testing.T) {
	b := Start(64<<20, 0)
	runtime.GC()
	runtime.GC()
	got := debug.SetMemoryLimit(-1)
	b.Stop()
	if got != math.MaxInt64 {
		t.Errorf("memory limit %d without a ceiling", got)
	}
}

// Raise moves the floor at once: GOGC is set for the new floor before the
// next collection. After Stop it does nothing.
func TestRaise(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	b := Start(16<<20, 0)
	runtime.GC()
	runtime.GC()
	low := debug.SetGCPercent(-1)
	debug.SetGCPercent(low)
	b.Raise(1 << 30)
	high := debug.SetGCPercent(-1)
	debug.SetGCPercent(high)
	b.Raise(8 << 20) // never lowers
	again := debug.SetGCPercent(-1)
	debug.SetGCPercent(again)
	b.Stop()
	b.Raise(2 << 30)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC after Stop and Raise = %d, want 100 as found", got)
	}
	if high <= low || again != high {
		t.Errorf("GOGC %d with a 16 MB floor, %d raised to 1 GB, %d after raising to 8 MB: want the second larger, the third the same", low, high, again)
	}
}

// The tuner follows the live heap from collection to collection: once the
// live heap has grown past the floor, the goal is GOGC's again, not the
// large percent a small heap needed to reach the floor.
func TestFollowsTheLiveHeap(t *testing.T) {
	const floor = 64 << 20
	base := debug.SetGCPercent(100)
	debug.SetGCPercent(base)
	if base < 0 {
		t.Skip("GOGC is off: there is nothing to tune")
	}
	defer Start(floor, 0).Stop()
	runtime.GC() // a small live heap: a percent far above base
	runtime.GC()
	keep := make([][]byte, 0, 1536)
	for range cap(keep) {
		keep = append(keep, make([]byte, 64<<10)) // 96 MB live
	}
	sample := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/live:bytes"}}
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		runtime.GC()
		metrics.Read(sample)
		goal, live := sample[0].Value.Uint64(), sample[1].Value.Uint64()
		if want := live + live*uint64(base)/100; goal <= want+want/4 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("heap goal %d MB with %d MB live past a %d MB floor, GOGC %d", goal>>20, live>>20, floor>>20, base)
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(keep)
}
