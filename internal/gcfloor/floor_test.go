package gcfloor

import (
	"runtime"
	"runtime/debug"
	"testing"
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
	} {
		if got := Percent(c.floor, c.base, c.live); got != c.want {
			t.Errorf("Percent(%d MB, %d, %d MB) = %d, want %d", c.floor>>20, c.base, c.live>>20, got, c.want)
		}
	}
}

// With a floor, building a heap up to well under it collects far less
// often than without; stop puts GOGC back.
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
	stop := Start(256 << 20)
	with := build()
	stop()
	if got := debug.SetGCPercent(25); got != 25 {
		t.Errorf("GOGC after stop = %d, want 25 as before", got)
	}
	t.Logf("collections: %d without a floor, %d with", without, with)
	if without < 8 || with*4 > without {
		t.Errorf("collections: %d without a floor, %d with: want a quarter or fewer", without, with)
	}
}
