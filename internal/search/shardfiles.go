package search

import (
	"context"
	"slices"

	"github.com/rolesite/rolesite/internal/pool"
)

// An encodedShard is one file of the inverted index and what it was made of.
type encodedShard struct {
	name   string
	split  bool
	terms  []int32
	prefix []byte // the prefixUnion entry of a split shard
	data   []byte
}

// shardGrain is how many shards a goroutine encodes at a time.
const shardGrain = 16

// encodeShards plans the shards, encodes those that changed into files
// and returns the shard keys in order. Page numbers are below limit.
func (ix *Indexer) encodeShards(limit int, files map[string][]byte) []string {
	x := &ix.terms
	terms := make([]string, len(x.live))
	size := make([]int, len(x.live))
	for i, t := range x.live {
		terms[i] = ix.dict.terms[t]
		size[i] = int(x.size[t])
	}
	plan := planShards(terms, size)
	ix.unions.update(plan, limit, x)
	shards, todo := ix.reuseShards(plan)

	arenas := make([]arena, pool.Workers(len(todo), shardGrain))
	for i := range arenas {
		arenas[i] = newArena(ix.bulk)
	}
	pool.Ranges(context.Background(), len(todo), shardGrain, func(w, lo, hi int) {
		for _, i := range todo[lo:hi] {
			sh := shards[i]
			n := len("{}\n") + len(sh.prefix) + len(sh.terms) - 1
			if sh.prefix != nil {
				n++
			}
			for _, t := range sh.terms {
				n += int(x.size[t])
			}
			sh.data = x.appendShard(arenas[w].alloc(n), ix.dict.terms, sh.terms, sh.prefix)
		}
	})

	ix.shards = make(map[string]*encodedShard, len(plan))
	keys := make([]string, len(plan))
	for i, sh := range shards {
		keys[i] = plan[i].key
		ix.shards[keys[i]] = sh
		files[sh.name] = sh.data
	}
	return keys
}

// reuseShards returns the shards of plan: the previous call's shard where
// nothing in it changed, else a new one, still to encode, whose index in
// plan is in todo.
func (ix *Indexer) reuseShards(plan []shard) (shards []*encodedShard, todo []int) {
	shards = make([]*encodedShard, len(plan))
	for i, s := range plan {
		ids := ix.terms.live[s.lo:s.hi]
		var prefix []byte
		if s.split {
			prefix = ix.unions.byKey[s.key].entry
		}
		old := ix.shards[s.key]
		if old != nil && old.split == s.split && sameBytes(old.prefix, prefix) &&
			slices.Equal(old.terms, ids) && !ix.terms.changedIn(ids, ix.call) {
			shards[i] = old
			continue
		}
		name := ""
		if old != nil {
			name = old.name
		} else {
			name = shardFile(s.key)
		}
		shards[i] = &encodedShard{name: name, split: s.split, terms: slices.Clone(ids), prefix: prefix}
		todo = append(todo, i)
	}
	return shards, todo
}

// sameBytes reports whether a and b are the same slice of the same array.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
