package search

import "hash/maphash"

// A dictionary numbers terms from 0, in the order they are added.
//
// It is a hash table of its own rather than a map[string]int32 because
// the index holds tens of thousands of terms, often in two or three
// dictionaries at once, and they are looked up by a []byte: a slot is 8
// bytes (part of the hash and the term's number), the table is at most
// half full, and looking up a []byte never allocates. Lookups may run
// concurrently with each other, not with id, add or reset.
type dictionary struct {
	terms []string
	slots []uint64 // hash<<32 | number+1, or 0 for an empty slot; a power of two long
	seed  maphash.Seed
}

// lookup returns the number of t, if it has one.
func (d *dictionary) lookup(t []byte) (int32, bool) {
	if len(d.terms) == 0 {
		return 0, false
	}
	h := uint32(maphash.Bytes(d.seed, t))
	mask := uint32(len(d.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := d.slots[i]
		if s == 0 {
			return 0, false
		}
		if id := int32(uint32(s)) - 1; uint32(s>>32) == h && d.terms[id] == string(t) {
			return id, true
		}
	}
}

// lookupString is lookup for a string.
func (d *dictionary) lookupString(t string) (int32, bool) {
	if len(d.terms) == 0 {
		return 0, false
	}
	h := uint32(maphash.String(d.seed, t))
	mask := uint32(len(d.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := d.slots[i]
		if s == 0 {
			return 0, false
		}
		if id := int32(uint32(s)) - 1; uint32(s>>32) == h && d.terms[id] == t {
			return id, true
		}
	}
}

// id returns the number of t, adding t if it is new.
func (d *dictionary) id(t []byte) int32 {
	if id, ok := d.lookup(t); ok {
		return id
	}
	return d.add(string(t))
}

// add numbers t, which must not be in d yet.
func (d *dictionary) add(t string) int32 {
	if len(d.slots) == 0 {
		d.seed = maphash.MakeSeed()
		d.slots = make([]uint64, 1024)
	} else if 2*(len(d.terms)+1) > len(d.slots) {
		d.rehash(2 * len(d.slots))
	}
	id := int32(len(d.terms))
	d.terms = append(d.terms, t)
	d.insert(uint32(maphash.String(d.seed, t)), id)
	return id
}

func (d *dictionary) insert(h uint32, id int32) {
	mask := uint32(len(d.slots) - 1)
	i := h & mask
	for d.slots[i] != 0 {
		i = (i + 1) & mask
	}
	d.slots[i] = uint64(h)<<32 | uint64(id+1)
}

func (d *dictionary) rehash(n int) {
	old := d.slots
	d.slots = make([]uint64, n)
	for _, s := range old {
		if s != 0 {
			d.insert(uint32(s>>32), int32(uint32(s))-1)
		}
	}
}

// reset empties d, keeping its storage.
func (d *dictionary) reset() {
	clear(d.terms)
	d.terms = d.terms[:0]
	clear(d.slots)
}
