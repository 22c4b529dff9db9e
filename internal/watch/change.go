package watch

import (
	"cmp"
	"slices"
	"strconv"
)

// Op is the net effect of a batch on one file.
type Op uint8

// The three outcomes a batch can report for a file.
const (
	Create Op = iota + 1 // absent before the batch, present after
	Write                // present before and after; the content may differ
	Remove               // present before, absent after
)

func (o Op) String() string {
	switch o {
	case Create:
		return "create"
	case Write:
		return "write"
	case Remove:
		return "remove"
	}
	return "op(" + strconv.Itoa(int(o)) + ")"
}

// A Change is the net effect of a batch on one file.
type Change struct {
	Path string // slash-separated, relative to the site root: "content/roles/x.md"
	Op   Op
}

func (c Change) String() string { return c.Op.String() + " " + c.Path }

// merge returns the net effect of batch a followed by batch b, sorted by path.
// Both inputs must be sorted by path with each path at most once.
func merge(a, b []Change) []Change {
	out := make([]Change, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].Path < b[j].Path):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].Path < a[i].Path:
			out = append(out, b[j])
			j++
		default:
			if op, ok := then(a[i].Op, b[j].Op); ok {
				out = append(out, Change{Path: a[i].Path, Op: op})
			}
			i++
			j++
		}
	}
	return out
}

// then is the net effect of first followed by second on one file; ok is false
// when the file ends as it began (absent).
func then(first, second Op) (op Op, ok bool) {
	existedBefore := first != Create
	existsAfter := second != Remove
	switch {
	case !existedBefore && !existsAfter:
		return 0, false
	case !existedBefore:
		return Create, true
	case !existsAfter:
		return Remove, true
	}
	return Write, true
}

// sortChanges sorts changes by path.
func sortChanges(cs []Change) {
	slices.SortFunc(cs, func(a, b Change) int { return cmp.Compare(a.Path, b.Path) })
}
