package gcfloor

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A tuner adjusts GOGC and the memory limit after every collection until
// stopped.
type tuner struct {
	floor   uint64
	ceiling uint64 // 0 for none
	base    int    // GOGC as found
	limit   int64  // the memory limit as found; math.MaxInt64 when none was set
	sample  []metrics.Sample

	mu      sync.Mutex // held while adjusting, so that Stop has the last word
	stopped bool
}

// sentinel is garbage made to be collected: its cleanup runs after each
// collection and makes the next one.
type sentinel struct{ t *tuner }

// A Budget is the floor and ceiling of the process's heap, from Start
// until Stop.
type Budget struct{ t *tuner }

// Start keeps the heap from being collected below floor bytes and, when
// ceiling is not 0, the process's memory under ceiling bytes while the
// live heap allows (see Limit), until Stop. GOGC off (negative) is left
// alone, and so is the ceiling then.
func Start(floor, ceiling uint64) *Budget {
	base := debug.SetGCPercent(100)
	debug.SetGCPercent(base)
	if base < 0 {
		return &Budget{}
	}
	t := &tuner{floor: floor, ceiling: ceiling, base: base, limit: debug.SetMemoryLimit(-1),
		sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.adjust()
	t.arm()
	return &Budget{t}
}

// Raise raises the floor to floor bytes, from now on. It is safe to call
// from any goroutine, and does nothing after Stop.
func (b *Budget) Raise(floor uint64) {
	if b.t == nil {
		return
	}
	b.t.mu.Lock()
	b.t.floor = max(b.t.floor, floor)
	b.t.mu.Unlock()
	b.t.adjust()
}

// Stop ends the budget and restores GOGC and the memory limit as Start
// found them.
func (b *Budget) Stop() {
	t := b.t
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	debug.SetGCPercent(t.base)
	debug.SetMemoryLimit(t.limit)
}

func (t *tuner) arm() {
	runtime.AddCleanup(&sentinel{t}, func(t *tuner) {
		if t.adjust() {
			t.arm()
		}
	}, t)
}

// adjust sets GOGC so that the next collection comes when the heap reaches
// the floor, unless the usual GOGC comes later, and the memory limit to
// the ceiling, or above it when the live heap needs more. It reports
// whether it did: not once stopped.
func (t *tuner) adjust() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return false
	}
	live := t.live()
	debug.SetGCPercent(Percent(t.floor, t.base, live))
	if t.ceiling > 0 && t.limit == math.MaxInt64 {
		debug.SetMemoryLimit(int64(min(Limit(t.ceiling, live), math.MaxInt64)))
	}
	return true
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

// Limit is the memory limit for a ceiling and a live heap of live bytes:
// the ceiling, unless that leaves the live heap less than half itself
// again to grow into. Under the limit the runtime keeps its own memory
// too (stacks, partly used spans), so a live heap near the ceiling would
// have the collector run without pause; past two thirds of the ceiling
// the limit grows with the live heap instead, as GOGC=50 would.
func Limit(ceiling, live uint64) uint64 {
	return max(ceiling, live+live/2)
}
