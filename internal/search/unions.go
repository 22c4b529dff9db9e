package search

import (
	"bytes"
	"context"
	"strings"

	"github.com/rolesite/rolesite/internal/pool"
)

// A prefixUnion is the union of the postings of every term that begins
// with the key of a split shard, and its entry "key*":[...].
type prefixUnion struct {
	list  []posting
	entry []byte
	stale bool // the pages were renumbered since list was made
}

// A unionSet holds the prefix unions of the previous call's split shards,
// by key, patched after an edit rather than merged again.
type unionSet struct {
	byKey    map[string]*prefixUnion
	builders []unionBuilder // one per goroutine, for their scratch arrays
}

// patch sets, in every union, the postings of the pages whose positions
// are in changed (numbered ids) to their best score among the terms beginning with the key.
// terms spells the terms by number.
func (us *unionSet) patch(terms []string, pages []*page, ids []int32, changed []int) {
	for key, u := range us.byKey {
		dirty := false
		for _, i := range changed {
			p, best := pages[i], uint8(0)
			for j, t := range p.terms {
				if s := uint8(p.scores[j]); s > best && strings.HasPrefix(terms[t], key) {
					best = s
				}
			}
			var ok bool
			u.list, ok = setPosting(u.list, ids[i], value(best))
			dirty = dirty || ok
		}
		if dirty {
			if e := appendEntry(nil, key+"*", "", u.list); !bytes.Equal(e, u.entry) {
				u.entry = e
			}
		}
	}
}

// renumbered marks every union stale, once the pages were renumbered.
func (us *unionSet) renumbered() {
	for _, u := range us.byKey {
		u.stale = true
	}
}

// update makes the unions those of the split shards of plan, keeping
// those still up to date and merging the others again from the postings
// of the live terms x.live[s.plo:s.phi].
func (us *unionSet) update(plan []shard, limit int, x *termIndex) {
	unions := make(map[string]*prefixUnion)
	var missing []shard
	for _, s := range plan {
		if !s.split {
			continue
		}
		if u := us.byKey[s.key]; u != nil && !u.stale {
			unions[s.key] = u
		} else {
			missing = append(missing, s)
		}
	}
	made := make([]prefixUnion, len(missing))
	if k := pool.Workers(len(missing), 1); len(us.builders) < k {
		us.builders = make([]unionBuilder, k)
	}
	pool.Ranges(context.Background(), len(missing), 1, func(w, lo, hi int) {
		for i := lo; i < hi; i++ {
			s, u := missing[i], &made[i]
			u.list = us.builders[w].union(limit, x.post, x.live[s.plo:s.phi])
			u.entry = appendEntry(nil, s.key+"*", "", u.list)
			if old := us.byKey[s.key]; old != nil && bytes.Equal(old.entry, u.entry) {
				u.entry = old.entry
			}
		}
	})
	for i, s := range missing {
		unions[s.key] = &made[i]
	}
	us.byKey = unions
}
