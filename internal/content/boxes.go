package content

import "unsafe"

// boxes holds the values of one page's front matter map in two arrays, so
// that the map costs the collector two objects more, not one for every
// field. An interface holding a string or a list keeps the value behind a
// pointer, and converting one to `any` allocates that box: a page of six
// fields keeps six boxes as long as the build runs, each traced at every
// collection. At 50,000 generated pages that was 170,000 objects more
// than two arrays a page, out of a million the build held as its pages
// started rendering. stringLists boxes every page's fields here, whatever
// the format.
//
// The interface values are made by hand, as the runtime lays them out: a
// type word and a pointer to the value. An element is never written again
// once boxed, which is what the runtime assumes of every box; append
// grows an array into a new one, leaving the old, which boxes point into,
// as it was, so a boxes that guessed its sizes too small is still right,
// only less compact. TestBoxes holds the values to those Go makes.
type boxes struct {
	strs  []string
	lists [][]string
}

// newBoxes has room for strs strings and lists lists.
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

// list returns l as an interface value whose box is in b.
func (b *boxes) list(l []string) any {
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
