package linkcheck

import (
	"fmt"
	"testing"
)

// TestStrtab holds a strtab to a map numbering the same strings, with
// real hashes and with hashes that all collide (mask 0), so that the
// strings a different string's hash sends elsewhere are found too.
func TestStrtab(t *testing.T) {
	var words []string
	for i := range 300 {
		words = append(words, fmt.Sprintf("/roles/r-%d/", i%97), fmt.Sprint(i%13), "", "/roles/r-1/#x"[:i%13])
	}
	for _, mask := range []uint64{^uint64(0), 0} {
		tab := newStrtab()
		tab.mask = mask
		want := map[string]int32{}
		for i, w := range words {
			n := tab.of([]byte(w))
			if i%2 == 1 {
				n = tab.of([]byte(w)) // the second sight of a string changes nothing
			}
			if _, seen := want[w]; !seen {
				want[w] = int32(len(want))
			}
			if n != want[w] {
				t.Fatalf("mask %#x: %q numbered %d, want %d", mask, w, n, want[w])
			}
		}
		if tab.len() != len(want) {
			t.Errorf("mask %#x: %d strings, want %d", mask, tab.len(), len(want))
		}
		for w, n := range want {
			if got, ok := tab.number(w); !ok || got != n || tab.str(n) != w {
				t.Errorf("mask %#x: number(%q) = %d, %v; str = %q; want %d", mask, w, got, ok, tab.str(n), n)
			}
		}
		for _, w := range []string{"/roles/r-98/", "x", "/roles/r-1/#xy"} {
			if n, ok := tab.number(w); ok {
				t.Errorf("mask %#x: number(%q) = %d for a string never numbered", mask, w, n)
			}
		}
	}
}

// TestStrtabAllocates checks that a string seen before costs nothing.
func TestStrtabAllocates(t *testing.T) {
	tab := newStrtab()
	b := []byte("/tools/tool-00001/")
	tab.of(b)
	if n := testing.AllocsPerRun(100, func() { tab.of(b) }); n != 0 {
		t.Errorf("a string seen before: %v allocations", n)
	}
}
