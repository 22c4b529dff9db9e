package linkcheck

import (
	"bytes"
	"hash/maphash"
)

// A strtab numbers distinct strings, 0, 1, 2... in the order first seen,
// in memory that holds no pointers: the strings are copied one after
// another into one array and indexed by their hash. A map keyed by the
// strings would keep each in an object of its own, traced by the
// collector at every collection: at 50,000 pages a site's distinct URLs
// and IDs are some 130,000 of them.
//
// A hash that matches a different string (with 64 bits, a rarity) sends
// the later string to a map of its own, so that every lookup stays exact.
type strtab struct {
	seed  maphash.Seed
	mask  uint64           // ANDed with every hash: all ones but in tests, which collide them
	index map[uint64]int32 // hash -> the first string seen with it
	more  map[string]int32 // strings whose hash a different string had first
	data  []byte           // the strings, one after another
	ends  []int            // where string n ends in data
}

func newStrtab() strtab {
	return strtab{seed: maphash.MakeSeed(), mask: ^uint64(0), index: map[uint64]int32{}}
}

// of returns the number of the string b, numbering it if it is new.
func (t *strtab) of(b []byte) int32 {
	h := maphash.Bytes(t.seed, b) & t.mask
	n, ok := t.index[h]
	if ok && bytes.Equal(t.bytes(n), b) {
		return n
	}
	if m, found := t.more[string(b)]; found {
		return m
	}
	n = int32(len(t.ends))
	t.data = append(t.data, b...)
	t.ends = append(t.ends, len(t.data))
	if !ok {
		t.index[h] = n
	} else {
		if t.more == nil {
			t.more = map[string]int32{}
		}
		t.more[string(b)] = n
	}
	return n
}

// number returns the number of s, if it has one.
func (t *strtab) number(s string) (int32, bool) {
	n, ok := t.index[maphash.String(t.seed, s)&t.mask]
	if ok && string(t.bytes(n)) == s {
		return n, true
	}
	n, ok = t.more[s]
	return n, ok
}

// str returns string n.
func (t *strtab) str(n int32) string { return string(t.bytes(n)) }

// len is how many strings t has numbered.
func (t *strtab) len() int { return len(t.ends) }

func (t *strtab) bytes(n int32) []byte {
	start := 0
	if n > 0 {
		start = t.ends[n-1]
	}
	return t.data[start:t.ends[n]]
}
