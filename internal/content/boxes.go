package content

import "unsafe"

// boxes holds the values of one page's front matter map in two arrays, so
// that the map costs the collector two objects more, not one or two for
// every field. An interface holding a string or a list keeps the value
// behind a pointer, and converting one to `any` allocates that box; a
// list's items are an array of their own besides. A page of six fields
// kept six boxes and its lists' arrays as long as the build runs, each
// traced at every collection. Here the strings and every list's items
// are one array, and the lists' headers another. stringLists boxes every
// page's fields here, whatever the format.
//
// The interface values are made by hand, as the runtime lays them out: a
// type word and a pointer to the value. An element is never written again
// once boxed, which is what the runtime assumes of every box; append
// grows an array into a new one, leaving the old, which boxes point into,
// as it was, so a boxes that guessed its sizes too small is still right,
// only less compact. TestBoxes holds the values to those Go makes.
type boxes struct {
	strs  []string   // the strings, and the lists' items
	lists [][]string // the lists, slices of strs
}

// newBoxes has room for strs strings (list items included) and lists
// lists.
func newBoxes(strs, lists int) boxes {
	var b boxes
	if strs > 0 {
		b.strs = make([]string, 0, strs)
	}
	if lists > 0 {
		b.lists = make([][]string, 0, lists)
	}
	return b
}

// str returns s as an interface value whose box is in b.
func (b *boxes) str(s string) any {
	b.strs = append(b.strs, s)
	return withValue("", unsafe.Pointer(&b.strs[len(b.strs)-1]))
}

// list returns a copy of l, its items in b, as an interface value whose
// box is in b. The copy has no room past its items, so that appending to
// it cannot write over what follows; an empty list stays as it was (nil
// or not).
func (b *boxes) list(l []string) any {
	if len(l) > 0 {
		start := len(b.strs)
		b.strs = append(b.strs, l...)
		l = b.strs[start:len(b.strs):len(b.strs)]
	}
	b.lists = append(b.lists, l)
	return withValue([]string(nil), unsafe.Pointer(&b.lists[len(b.lists)-1]))
}

// eface is the runtime's layout of an interface value of type any.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// withValue returns zero, an interface value of a type that is not
// pointer-shaped (its value is boxed), with its box replaced by p, which
// must point to a value of that type. Converting a zero string or a nil
// slice to an interface allocates nothing: the runtime boxes it in a
// shared zero value.
func withValue(zero any, p unsafe.Pointer) any {
	(*eface)(unsafe.Pointer(&zero)).data = p
	return zero
}
