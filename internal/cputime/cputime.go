// Package cputime measures the CPU time the process uses, user and
// system: on a machine that other work shares, benchmarks report it
// beside the wall time, which that work disturbs far more.
package cputime

import (
	"testing"
	"time"
)

// A Meter measures the CPU time the process uses from when it started.
type Meter struct {
	start time.Duration
	ok    bool
}

// Start starts a Meter.
func Start() Meter {
	d, ok := process()
	return Meter{start: d, ok: ok}
}

// Used is the CPU time used since m started; false where the system does
// not tell.
func (m Meter) Used() (time.Duration, bool) {
	d, ok := process()
	return d - m.start, ok && m.ok
}

// ReportPerOp reports the CPU time used since m started, in milliseconds
// an op of b, as the metric cpu-ms/op; nothing where the system does not
// tell.
func (m Meter) ReportPerOp(b *testing.B) {
	if d, ok := m.Used(); ok {
		b.ReportMetric(float64(d)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
