package cputime

import (
	"runtime"
	"testing"
	"time"
)

func TestUsedCountsWork(t *testing.T) {
	if _, ok := process(); !ok {
		t.Skip("this system does not tell the CPU time")
	}
	m := Start()
	x := 0
	for end := time.Now().Add(100 * time.Millisecond); time.Now().Before(end); {
		x++
	}
	runtime.KeepAlive(x)
	// Busy for 100 ms of wall time: at least a little of it on a CPU,
	// however loaded the machine, and no more than the wall time on each.
	d, ok := m.Used()
	if !ok || d < 5*time.Millisecond || d > time.Duration(runtime.NumCPU())*time.Second {
		t.Errorf("a 100 ms busy loop used %v of CPU (%v)", d, ok)
	}
}
