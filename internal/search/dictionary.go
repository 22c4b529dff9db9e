package search

import "hash/maphash"

// A dictionary numbers terms from 0, in the order they are added.
//
// It is a hash table of its own rather than a map[string]int32 for its
// size, not for its lookups (m[string(b)] does not allocate either): the
// index holds tens of thousands of terms, often in two or three
// dictionaries at once, and a slot here is 8 bytes (part of the hash and
// the term's number) in a table at most half full, where a map's slot
// holds the string header as well as the number. Measured against a plain
// map, Index allocates and keeps measurably less with it, at the same
// speed. Lookups may run concurrently with each other, not with id, add
// or reset.
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
	_, id, ok := d.find(uint32(maphash.Bytes(d.seed, t)), t)
	return id, ok
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

// find returns the number of t, whose hash is h, or the slot where to
// add it.
func (d *dictionary) find(h uint32, t []byte) (slot uint32, id int32, ok bool) {
	mask := uint32(len(d.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := d.slots[i]
		if s == 0 {
			return i, 0, false
		}
		if id := int32(uint32(s)) - 1; uint32(s>>32) == h && d.terms[id] == string(t) {
			return i, id, true
		}
	}
}

// id returns the number of t, adding t if it is new.
func (d *dictionary) id(t []byte) int32 {
	if len(d.slots) == 0 {
		d.init()
	}
	h := uint32(maphash.Bytes(d.seed, t))
	slot, id, ok := d.find(h, t)
	if ok {
		return id
	}
	if d.full() {
		d.rehash(2 * len(d.slots))
		slot, _, _ = d.find(h, t)
	}
	return d.put(slot, h, string(t))
}

// add numbers t, which must not be in d yet.
func (d *dictionary) add(t string) int32 {
	if len(d.slots) == 0 {
		d.init()
	} else if d.full() {
		d.rehash(2 * len(d.slots))
	}
	h := uint32(maphash.String(d.seed, t))
	mask := uint32(len(d.slots) - 1)
	i := h & mask
	for d.slots[i] != 0 {
		i = (i + 1) & mask
	}
	return d.put(i, h, t)
}

func (d *dictionary) init() {
	d.seed = maphash.MakeSeed()
	d.slots = make([]uint64, 1024)
}

// full reports whether one more term would fill more than half the slots.
func (d *dictionary) full() bool { return 2*(len(d.terms)+1) > len(d.slots) }

// put numbers t, whose hash is h, in the empty slot.
func (d *dictionary) put(slot, h uint32, t string) int32 {
	id := int32(len(d.terms))
	d.terms = append(d.terms, t)
	d.slots[slot] = uint64(h)<<32 | uint64(id+1)
	return id
}

func (d *dictionary) rehash(n int) {
	old := d.slots
	d.slots = make([]uint64, n)
	mask := uint32(n - 1)
	for _, s := range old {
		if s != 0 {
			i := uint32(s>>32) & mask
			for d.slots[i] != 0 {
				i = (i + 1) & mask
			}
			d.slots[i] = s
		}
	}
}

// reset empties d, keeping its storage.
func (d *dictionary) reset() {
	clear(d.terms)
	d.terms = d.terms[:0]
	clear(d.slots)
}
