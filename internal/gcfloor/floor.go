package gcfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// A tuner adjusts GOGC after every collection until stopped.
type tuner struct {
	floor   uint64
	base    int // GOGC as found
	stopped atomic.Bool
	sample  []metrics.Sample
}

// sentinel is garbage made to be collected: its finalizer runs after each
// collection and makes the next one.
type sentinel struct{ t *tuner }

// Start keeps the heap from being collected below floor bytes, and returns
// what ends that and restores GOGC. GOGC off (negative) is left alone.
func Start(floor uint64) (stop func()) {
	base := debug.SetGCPercent(100)
	debug.SetGCPercent(base)
	if base < 0 {
		return func() {}
	}
	t := &tuner{floor: floor, base: base, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.adjust()
	t.arm()
	return func() {
		t.stopped.Store(true)
		debug.SetGCPercent(t.base)
	}
}

func (t *tuner) arm() {
	runtime.SetFinalizer(&sentinel{t}, func(s *sentinel) {
		if s.t.stopped.Load() {
			return
		}
		s.t.adjust()
		s.t.arm()
	})
}

// adjust sets GOGC so that the next collection comes when the heap reaches
// the floor, unless the usual GOGC comes later.
func (t *tuner) adjust() {
	debug.SetGCPercent(Percent(t.floor, t.base, t.live()))
}

func (t *tuner) live() uint64 {
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return t.sample[0].Value.Uint64()
}

// minHeap is the runtime's heap goal before its first collection, at
// GOGC=100. At another GOGC it scales with it, and it stays a lower bound
// of every goal after: the runtime never aims below minHeap x GOGC/100.
const minHeap = 4 << 20

// Percent is the GOGC that puts the next collection at floor bytes for a
// live heap of live bytes, or base when that puts it later. Before the
// first collection (live is 0) the runtime aims at minHeap scaled by GOGC.
// Because that bound holds after too, the GOGC is never more than the one
// that puts minHeap at the floor: with a small live heap a larger GOGC
// would aim past the floor (at 160 MB and 1 MB live, 15,900% aims at
// 636 MB).
func Percent(floor uint64, base int, live uint64) int {
	ceiling := max(base, int(floor*100/minHeap))
	if live == 0 {
		return ceiling
	}
	goal := live + live*uint64(base)/100
	if goal >= floor {
		return base
	}
	return min(ceiling, int((floor-live)*100/live))
}
