package cli

import (
	"runtime"
	"runtime/metrics"
	"time"
)

// The dev server holds a whole site in memory (some 500 MB at 10,000
// pages), and every rebuild allocates a little of it again (some 70 MB
// after a title edit at 10,000). The collector runs when the heap has
// grown to its goal, which is every few rebuilds, and it then takes one of
// the two cores of a small machine for 70–180 ms in the middle of a
// rebuild, while the reader waits for the page.
//
// An idleCollector collects instead while nobody waits: once no rebuild
// has run for idleGCDelay, and only when the room left before the goal is
// less than two rebuilds of the size of the last one. A person who saves,
// then reads, so finds a collected heap at the next save. One who saves
// faster than that is no worse off than without it: the collection runs
// beside the rebuild, as it would have.

// idleGCDelay is how long after a rebuild the collector waits for the
// next one before it collects.
const idleGCDelay = 750 * time.Millisecond

// heapRoom is what the collector needs to know of the heap: the goal at
// which the next collection starts, the bytes in use now, and the bytes
// allocated since the process started.
type heapRoom struct {
	goal, inUse, allocated uint64
}

// readHeapRoom reads heapRoom from the runtime.
func readHeapRoom() heapRoom {
	samples := []metrics.Sample{
		{Name: "/gc/heap/goal:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/allocs:bytes"},
	}
	metrics.Read(samples)
	var v [3]uint64
	for i, s := range samples {
		if s.Value.Kind() == metrics.KindUint64 {
			v[i] = s.Value.Uint64()
		}
	}
	return heapRoom{goal: v[0], inUse: v[1], allocated: v[2]}
}

// crowded reports whether a heap with room r would likely be collected
// during one of the next two rebuilds that each allocate rebuild bytes.
func (r heapRoom) crowded(rebuild uint64) bool {
	return rebuild > 0 && (r.inUse >= r.goal || r.goal-r.inUse < 2*rebuild)
}

// An idleCollector collects garbage between rebuilds (see above). Its
// methods are for the serve loop's goroutine; the collection itself runs
// on its own.
type idleCollector struct {
	read    func() heapRoom
	collect func()
	timer   *time.Timer
	before  uint64 // bytes allocated when the rebuild in progress started
	last    uint64 // bytes the last rebuild allocated
}

func newIdleCollector() *idleCollector {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &idleCollector{read: readHeapRoom, collect: runtime.GC, timer: t}
}

// C fires once no rebuild ran for idleGCDelay after the last one: then
// call idle.
func (c *idleCollector) C() <-chan time.Time { return c.timer.C }

// start is called as a rebuild starts.
func (c *idleCollector) start() {
	c.timer.Stop()
	c.before = c.read().allocated
}

// done is called as a rebuild ends.
func (c *idleCollector) done() {
	c.last = c.read().allocated - c.before
	c.timer.Reset(idleGCDelay)
}

// idle starts a collection beside the caller when the heap is crowded,
// and reports whether it did.
func (c *idleCollector) idle() bool {
	if !c.read().crowded(c.last) {
		return false
	}
	go c.collect()
	return true
}

// stop stops the timer.
func (c *idleCollector) stop() { c.timer.Stop() }
