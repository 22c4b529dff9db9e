package search

// An arena hands out byte slices cut from larger blocks, so that encoding
// thousands of small files takes few allocations. Each slice is capped at
// its length, so appending to one cannot write into the next.
type arena struct {
	block []byte
	size  int // of a block; 0 allocates every slice on its own
}

const arenaBlock = 64 << 10

// newArena returns an arena for a call's files: cutting files from large
// blocks pays when nearly all are encoded (bulk); a few files encoded
// again after an edit get their own storage, so they do not keep a block
// alive long after its other files were replaced.
func newArena(bulk bool) arena {
	if bulk {
		return arena{size: arenaBlock}
	}
	return arena{}
}

// alloc returns an empty slice with capacity n.
func (a *arena) alloc(n int) []byte {
	if n > a.size/4 {
		return make([]byte, 0, n)
	}
	if n > cap(a.block)-len(a.block) {
		a.block = make([]byte, 0, a.size)
	}
	m := len(a.block)
	a.block = a.block[:m+n]
	return a.block[m : m : m+n]
}

// copy returns a copy of b.
func (a *arena) copy(b []byte) []byte {
	return append(a.alloc(len(b)), b...)
}
