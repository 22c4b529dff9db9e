package keyhash

import (
	"encoding/binary"
	"hash/maphash"
)

// A Hash gathers the words of one key.
type Hash struct {
	seed  maphash.Seed
	words []byte
}

// maxKept is the most room a Hash keeps for its next key: one key of a
// page listing tens of thousands of others should not hold on to that.
const maxKept = 64 << 10

// Reset starts a new key with seed.
func (h *Hash) Reset(seed maphash.Seed) {
	h.seed = seed
	if cap(h.words) > maxKept {
		h.words = nil
	}
	h.words = h.words[:0]
}

// Uint64 writes n.
func (h *Hash) Uint64(n uint64) { h.words = binary.LittleEndian.AppendUint64(h.words, n) }

// Int writes n.
func (h *Hash) Int(n int) { h.Uint64(uint64(n)) }

// String writes the hash of v.
func (h *Hash) String(v string) { h.Uint64(maphash.String(h.seed, v)) }

// Sum64 is the key of what was written since Reset.
func (h *Hash) Sum64() uint64 { return maphash.Bytes(h.seed, h.words) }
