package cli

import (
	"testing"
	"time"
)

func TestHeapRoomCrowded(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		name    string
		room    heapRoom
		rebuild uint64
		want    bool
	}{
		{"no rebuild measured yet", heapRoom{goal: 900 * mb, inUse: 899 * mb}, 0, false},
		{"room for many rebuilds", heapRoom{goal: 900 * mb, inUse: 500 * mb}, 70 * mb, false},
		{"room for exactly two", heapRoom{goal: 900 * mb, inUse: 760 * mb}, 70 * mb, false},
		{"room for less than two", heapRoom{goal: 900 * mb, inUse: 761 * mb}, 70 * mb, true},
		{"past the goal", heapRoom{goal: 900 * mb, inUse: 950 * mb}, 70 * mb, true},
	} {
		if got := c.room.crowded(c.rebuild); got != c.want {
			t.Errorf("%s: crowded(%d MB) with %+v = %v, want %v", c.name, c.rebuild/mb, c.room, got, c.want)
		}
	}
}

// TestIdleCollector drives an idleCollector with a heap it is told about:
// it measures what a rebuild allocates, fires once idle after a rebuild,
// not while one runs, and collects only when the heap is crowded.
func TestIdleCollector(t *testing.T) {
	room := heapRoom{goal: 1000}
	collected := make(chan bool, 4)
	c := newIdleCollector()
	c.read = func() heapRoom { return room }
	c.collect = func() { collected <- true }
	defer c.stop()

	rebuild := func(allocates uint64) {
		c.start()
		room.allocated += allocates
		room.inUse += allocates
		c.done()
	}
	fired := func() bool {
		select {
		case <-c.C():
			return true
		case <-time.After(idleGCDelay + 2*time.Second):
			return false
		}
	}
	collects := func() bool {
		if !c.idle() {
			return false
		}
		select {
		case <-collected:
			return true
		case <-time.After(5 * time.Second):
			t.Fatal("idle said it collects, and did not")
			return false
		}
	}

	rebuild(300) // 300 in use of 1000: room for two more
	if c.last != 300 {
		t.Fatalf("the rebuild allocated 300, measured %d", c.last)
	}
	if !fired() {
		t.Fatal("no idle signal after a rebuild")
	}
	if collects() {
		t.Fatal("collected with room for two more rebuilds")
	}
	rebuild(100) // 400 in use: room for six more of 100
	if !fired() || collects() {
		t.Fatal("collected with room for six more rebuilds, or no idle signal")
	}
	rebuild(350) // 750 in use: 250 left, less than two of 350
	if !fired() || !collects() {
		t.Fatal("did not collect a crowded heap once idle")
	}

	// A rebuild that starts stops the signal of the last one.
	rebuild(10)
	c.start()
	select {
	case <-c.C():
		t.Fatal("idle signal while a rebuild runs")
	case <-time.After(idleGCDelay + 250*time.Millisecond):
	}
}

// TestReadHeapRoom reads the runtime's figures: a goal, a heap in use,
// and allocation that grows.
func TestReadHeapRoom(t *testing.T) {
	a := readHeapRoom()
	keep := make([][]byte, 0, 64)
	for range 64 {
		keep = append(keep, make([]byte, 64<<10))
	}
	b := readHeapRoom()
	if a.goal == 0 || a.inUse == 0 {
		t.Fatalf("no heap goal or heap in use read: %+v", a)
	}
	if b.allocated < a.allocated+64*64<<10 {
		t.Fatalf("allocated 4 MiB, the count grew from %d to %d", a.allocated, b.allocated)
	}
	_ = keep
}
