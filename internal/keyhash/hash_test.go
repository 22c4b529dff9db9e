package keyhash

import (
	"hash/maphash"
	"testing"
)

// item is one write: a string, or a number when s is "".
type item struct {
	s string
	n uint64
}

func key(seed maphash.Seed, items ...item) uint64 {
	var h Hash
	h.Reset(seed)
	for _, it := range items {
		if it.s != "" {
			h.String(it.s)
		} else {
			h.Uint64(it.n)
		}
	}
	return h.Sum64()
}

// TestKeysTellSequencesApart: sequences that differ in a string, a
// number, the order of their items or their length give different keys;
// the same sequence gives the same key however often it is written, and
// a Hash reused after a long key gives what a new one does.
func TestKeysTellSequencesApart(t *testing.T) {
	seed := maphash.MakeSeed()
	seqs := map[string][]item{
		"empty":         nil,
		"ab":            {{s: "ab"}},
		"a,b":           {{s: "a"}, {s: "b"}},
		"b,a":           {{s: "b"}, {s: "a"}},
		"ab,0":          {{s: "ab"}, {n: 0}},
		"0,ab":          {{n: 0}, {s: "ab"}},
		"1":             {{n: 1}},
		"2":             {{n: 2}},
		"1,1":           {{n: 1}, {n: 1}},
		"0":             {{n: 0}},
		"0,0":           {{n: 0}, {n: 0}},
		"unicode":       {{s: "é"}},
		"decomposed":    {{s: "e\u0301"}},
		"a,b,2 (lists)": {{n: 2}, {s: "a"}, {s: "b"}, {n: 0}},
		"a,b (lists)":   {{n: 1}, {s: "a"}, {n: 1}, {s: "b"}},
	}
	seen := map[uint64]string{}
	for name, seq := range seqs {
		k := key(seed, seq...)
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s have the same key", name, other)
		}
		seen[k] = name
		if key(seed, seq...) != k {
			t.Errorf("%s: two keys of one sequence differ", name)
		}
	}
	var h Hash
	h.Reset(seed)
	for range 20000 {
		h.String("a long key")
	}
	_ = h.Sum64()
	h.Reset(seed)
	h.String("ab")
	if h.Sum64() != key(seed, item{s: "ab"}) {
		t.Error("a Hash reused after a long key gives another key")
	}
	if cap(h.words) > maxKept {
		t.Errorf("a Hash kept %d bytes of room after a long key", cap(h.words))
	}
}

// TestSeedsGiveOtherKeys: the same sequence under two seeds gives two
// keys, as the memos that make their own seeds expect.
func TestSeedsGiveOtherKeys(t *testing.T) {
	a, b := maphash.MakeSeed(), maphash.MakeSeed()
	if key(a, item{s: "x"}, item{n: 3}) == key(b, item{s: "x"}, item{n: 3}) {
		t.Error("two seeds gave one key")
	}
}
