package e2e

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// problems collects what a check finds. A template's mistake shows on
// every page it writes, so the same problem on many pages is reported once,
// with the count and the first few pages.
type problems map[string][]string

func (ps problems) add(on, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	ps[msg] = append(ps[msg], on)
}

// report fails t with each problem, in a stable order.
func (ps problems) report(t *testing.T) {
	t.Helper()
	for _, msg := range slices.Sorted(maps.Keys(ps)) {
		on := ps[msg]
		more := ""
		if len(on) > 3 {
			more = fmt.Sprintf(" and %d more", len(on)-3)
			on = on[:3]
		}
		t.Errorf("%s\n\ton %s%s", msg, strings.Join(on, ", "), more)
	}
}
