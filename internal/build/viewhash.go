package build

import (
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"strings"
)

// viewHasher hashes a view value deeply: every field of every struct,
// pointer, slice and map it reaches, maps in key order. Two views with the
// same hash render the same bytes with the same templates, so a rebuild can
// reuse the page instead of executing templates again. Walking the view by
// reflection, rather than listing fields by hand, means a field added to a
// view can never be forgotten by the cache.
//
// Within one view a pointer met again is hashed once; the memo is cleared
// for every view, since an address may be reused once a view is garbage.
// Views hold no cycles.
type viewHasher struct {
	seed maphash.Seed
	memo map[uintptr]uint64
	h    maphash.Hash
}

func newViewHasher(seed maphash.Seed) *viewHasher {
	v := &viewHasher{seed: seed, memo: map[uintptr]uint64{}}
	v.h.SetSeed(seed)
	return v
}

// sum hashes x with a prefix naming how it is rendered.
func (v *viewHasher) sum(prefix string, x any) uint64 {
	clear(v.memo)
	v.h.Reset()
	v.h.WriteString(prefix)
	v.walk(&v.h, reflect.ValueOf(x))
	return v.h.Sum64()
}

func (v *viewHasher) walk(h *maphash.Hash, x reflect.Value) {
	var b [8]byte
	u64 := func(n uint64) {
		for i := range b {
			b[i] = byte(n >> (8 * i))
		}
		h.Write(b[:])
	}
	switch x.Kind() {
	case reflect.Invalid:
		h.WriteByte(0)
	case reflect.String:
		u64(uint64(x.Len()))
		h.WriteString(x.String())
	case reflect.Bool:
		if x.Bool() {
			h.WriteByte(1)
		} else {
			h.WriteByte(2)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		u64(uint64(x.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u64(x.Uint())
	case reflect.Float32, reflect.Float64:
		u64(math.Float64bits(x.Float()))
	case reflect.Pointer:
		if x.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		u64(v.pointee(x))
	case reflect.Interface:
		if x.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteString(x.Elem().Type().String())
		v.walk(h, x.Elem())
	case reflect.Struct:
		for i := range x.NumField() {
			v.walk(h, x.Field(i))
		}
	case reflect.Slice, reflect.Array:
		if x.Kind() == reflect.Slice && x.Type().Elem().Kind() == reflect.Uint8 {
			u64(uint64(x.Len()))
			h.Write(x.Bytes())
			return
		}
		u64(uint64(x.Len()))
		for i := range x.Len() {
			v.walk(h, x.Index(i))
		}
	case reflect.Map:
		u64(uint64(x.Len()))
		for _, k := range sortedStringKeys(x) {
			v.walk(h, k)
			v.walk(h, x.MapIndex(k))
		}
	default:
		// Funcs, channels and complex numbers have no place in a view.
		panic("viewhash: cannot hash a " + x.Kind().String() + " in a view")
	}
}

// pointee is the hash of what the non-nil pointer x points to, worked out
// once per pointer.
func (v *viewHasher) pointee(x reflect.Value) uint64 {
	if s, ok := v.memo[x.Pointer()]; ok {
		return s
	}
	var sub maphash.Hash
	sub.SetSeed(v.seed)
	v.walk(&sub, x.Elem())
	s := sub.Sum64()
	v.memo[x.Pointer()] = s
	return s
}

// sortedStringKeys returns the keys of the map m, which views key by
// string only, in order.
func sortedStringKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int {
		if a.Kind() != reflect.String || b.Kind() != reflect.String {
			panic("viewhash: only maps with string keys are supported in views")
		}
		return strings.Compare(a.String(), b.String())
	})
	return keys
}
