//go:build !unix

package cputime

import "time"

// process cannot tell the CPU time here.
func process() (time.Duration, bool) { return 0, false }
