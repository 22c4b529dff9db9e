package keyhash

import (
	"encoding/binary"
	"hash/maphash"
	"strconv"
	"testing"
)

// BenchmarkKey makes the key of what a page of a generated site is made
// from (a path, a time, a URL, two links, five groups of three cards)
// with a Hash and, for comparison, with maphash.Hash written as the build
// wrote it before: every string after its length, every number as eight
// bytes.
func BenchmarkKey(b *testing.B) {
	seed := maphash.MakeSeed()
	strs := []string{"content/roles/role-00042.md", "2026-12-07T08:26:46.123456789Z", "/roles/role-00042/",
		"/tools/tool-02775/", "/stages/stage-007/#inputs"}
	fields := []string{"tools", "stages", "collaborators", "skills", "careers"}
	cards := make([]uint64, 15)
	for i := range cards {
		cards[i] = maphash.String(seed, strconv.Itoa(i))
	}
	b.Run("keyhash", func(b *testing.B) {
		var h Hash
		for b.Loop() {
			h.Reset(seed)
			for _, s := range strs {
				h.String(s)
			}
			for g, f := range fields {
				h.String(f)
				h.Int(3)
				for _, c := range cards[3*g : 3*g+3] {
					h.Uint64(c)
				}
			}
			_ = h.Sum64()
		}
	})
	b.Run("maphash.Hash", func(b *testing.B) {
		var h maphash.Hash
		h.SetSeed(seed)
		n := func(v uint64) {
			var w [8]byte
			binary.LittleEndian.PutUint64(w[:], v)
			h.Write(w[:])
		}
		str := func(s string) { n(uint64(len(s))); h.WriteString(s) }
		for b.Loop() {
			h.Reset()
			for _, s := range strs {
				str(s)
			}
			for g, f := range fields {
				str(f)
				n(3)
				for _, c := range cards[3*g : 3*g+3] {
					n(c)
				}
			}
			_ = h.Sum64()
		}
	})
}
