package search

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// shardBytes is the size above which the terms sharing a prefix are split
// into one shard per next rune. It bounds what one typed word downloads.
const shardBytes = 16_000

// minPrefixRunes is the shortest last word the client matches as a prefix;
// shorter ones only match whole terms ("r", "c").
const minPrefixRunes = 2

// A shard is one file of the inverted index, named by a prefix, its key.
// A term lives in the shard whose key is the longest key that begins it.
type shard struct {
	key string
	// terms[lo:hi] are the terms stored in the shard, as entries of their own.
	lo, hi int
	// A split shard (one whose terms were divided among longer keys)
	// stores, besides the term equal to its key if there is one, the
	// entry key+"*": the union of all terms[plo:phi], which begin with key.
	// The client uses it to match the key as a typed prefix.
	split    bool
	plo, phi int
}

// planShards divides terms, sorted, into shards whose encoded size
// (size[i] bytes for terms[i]) stays within shardBytes where it can: a
// group of terms with a common prefix that is too large is split by the
// next rune, recursively. Shards come out in key order.
func planShards(terms []string, size []int) []shard {
	sum := make([]int, len(terms)+1)
	for i, n := range size {
		sum[i+1] = sum[i] + n
	}
	var out []shard
	var plan func(key string, lo, hi int)
	plan = func(key string, lo, hi int) {
		if key != "" && sum[hi]-sum[lo] <= shardBytes {
			out = append(out, shard{key: key, lo: lo, hi: hi})
			return
		}
		s := shard{key: key, lo: lo, hi: lo, split: true, plo: lo, phi: hi}
		i := lo
		if i < hi && terms[i] == key {
			i++
			s.hi = i
		}
		if s.hi > s.lo || utf8.RuneCountInString(key) >= minPrefixRunes {
			out = append(out, s)
		}
		for i < hi {
			_, n := utf8.DecodeRuneInString(terms[i][len(key):])
			child := terms[i][:len(key)+n]
			// The terms beginning with child come first in terms[i:hi].
			j := i + 1 + sort.Search(hi-i-1, func(k int) bool { return !strings.HasPrefix(terms[i+1+k], child) })
			plan(child, i, j)
			i = j
		}
	}
	plan("", 0, len(terms))
	return out
}

// shardFile is the file holding the shard with the given key. Letters a-z
// and digits stand for themselves; any other rune is written as "_", its
// code point in hex, and "_", so names are portable and case-insensitive
// file systems cannot confuse them ("c+" is "c_2b_", "é" is "_e9_").
func shardFile(key string) string {
	var b strings.Builder
	b.WriteString("search/t/")
	for _, r := range key {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	b.WriteString(".json")
	return b.String()
}
