package site

// A slab hands out short slices carved from larger arrays: lists that a
// build keeps together to its end (a page's groups, their pages) then
// cost the collector one object per slabSize elements rather than one a
// list. A slice it hands out has no room past what was asked for, so
// appending past it moves it out of the slab, never over a neighbour.
type slab[T any] struct{ free []T }

// slabSize is the number of elements of an array a slab carves; a list
// of more than a sixteenth of it gets an array of its own.
const slabSize = 4096

// take returns an empty slice with room for n elements (nil for none).
func (s *slab[T]) take(n int) []T {
	switch {
	case n == 0:
		return nil
	case n > slabSize/16:
		return make([]T, 0, n)
	case cap(s.free)-len(s.free) < n:
		s.free = make([]T, 0, slabSize)
	}
	at := len(s.free)
	s.free = s.free[:at+n]
	return s.free[at : at : at+n]
}

// slabs are a resolver's slabs, one set per worker (see resolver.each).
type slabs struct {
	groups slab[Group]
	lists  slab[*Page]
	outs   slab[*Group]
}
