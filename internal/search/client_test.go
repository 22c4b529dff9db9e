package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// client is the search algorithm of static/js/search.js written in Go, so
// tests can run queries against the files Index writes and count the bytes
// a browser would download. It reads only the files, as the browser does.
type client struct {
	t       testing.TB
	files   map[string][]byte
	fetched map[string]bool
	meta    struct {
		V        int         `json:"v"`
		Docs     int         `json:"docs"`
		Chunk    int         `json:"chunk"`
		Sections [][2]string `json:"sections"`
		Shards   []string    `json:"shards"`
	}
	shards map[string]map[string][]int
	chunks map[int][]docEntry
}

type docEntry struct {
	Path, Title, Snippet string
	Section              int
}

// A result is one hit, as the user interface shows it.
type result struct {
	Doc     int
	Matched int // query words found
	Score   int
	Path    string
	Title   string
	Section string // section title
}

func newClient(t testing.TB, files map[string][]byte) *client {
	c := &client{t: t, files: files, fetched: map[string]bool{},
		shards: map[string]map[string][]int{}, chunks: map[int][]docEntry{}}
	c.decode("search/meta.json", &c.meta)
	return c
}

func (c *client) decode(path string, v any) {
	c.t.Helper()
	b, ok := c.files[path]
	if !ok {
		c.t.Fatalf("client fetched missing file %s", path)
	}
	c.fetched[path] = true
	if err := json.Unmarshal(b, v); err != nil {
		c.t.Fatalf("%s: %v", path, err)
	}
}

// downloaded is the total size of every file fetched so far.
func (c *client) downloaded() int {
	n := 0
	for p := range c.fetched {
		n += len(c.files[p])
	}
	return n
}

// key is the shard a term is in: the longest shard key that begins it, or
// "" when there is none.
func (c *client) key(term string) string {
	r := []rune(term)
	for n := len(r); n > 0; n-- {
		if slices.Contains(c.meta.Shards, string(r[:n])) {
			return string(r[:n])
		}
	}
	return ""
}

func (c *client) shard(key string) map[string][]int {
	if key == "" {
		return nil
	}
	if s, ok := c.shards[key]; ok {
		return s
	}
	var s map[string][]int
	c.decode(shardFile(key), &s)
	c.shards[key] = s
	return s
}

// maxQueryTerms is how many words of a query count (search.js: MAX_TERMS).
const maxQueryTerms = 8

// search runs query q and returns the best limit results, fetching the
// page table only for those.
func (c *client) search(q string, limit int) []result {
	terms := tokens(q)
	if len(terms) == 0 {
		return nil
	}
	last := terms[len(terms)-1]
	prefix := strings.HasSuffix(strings.ToLower(q), last) && utf8.RuneCountInString(last) >= minPrefixRunes
	if len(terms) > maxQueryTerms {
		terms, prefix = terms[:maxQueryTerms], false
	}

	type list struct {
		scores   map[int]int
		complete bool
	}
	var lists []list
	for i, t := range terms {
		l := list{scores: map[int]int{}, complete: true}
		sh := c.shard(c.key(t))
		isPrefix := prefix && i == len(terms)-1
		_, summary := sh[t+"*"]
		for term, raw := range sh { // order does not matter: max is commutative
			switch {
			case isPrefix && summary:
				if term != t+"*" {
					continue
				}
			case isPrefix:
				if !strings.HasPrefix(term, t) || strings.HasSuffix(term, "*") {
					continue
				}
			case term != t:
				continue
			}
			if raw[0] != (len(raw)-1)/2 {
				l.complete = false
			}
			doc := 0
			for j := 1; j < len(raw); j += 2 {
				doc += raw[j]
				l.scores[doc] = max(l.scores[doc], raw[j+1])
			}
		}
		lists = append(lists, l)
	}
	// Complete lists filter; sampled lists of very common terms only add
	// to the score. Pages matching more of the words rank first, so when
	// every list is a sample the AND still wins where the samples meet.
	var filters []list
	for _, l := range lists {
		if l.complete {
			filters = append(filters, l)
		}
	}
	candidates := map[int]bool{}
	if len(filters) == 0 {
		for _, l := range lists {
			for doc := range l.scores {
				candidates[doc] = true
			}
		}
	} else {
		slices.SortFunc(filters, func(a, b list) int { return cmp.Compare(len(a.scores), len(b.scores)) })
	next:
		for doc := range filters[0].scores {
			for _, f := range filters[1:] {
				if _, in := f.scores[doc]; !in {
					continue next
				}
			}
			candidates[doc] = true
		}
	}
	var hits []result
	for doc := range candidates {
		r := result{Doc: doc}
		for _, l := range lists {
			if s, in := l.scores[doc]; in {
				r.Matched++
				r.Score += s
			}
		}
		hits = append(hits, r)
	}
	slices.SortFunc(hits, func(a, b result) int {
		return cmp.Or(cmp.Compare(b.Matched, a.Matched), cmp.Compare(b.Score, a.Score), cmp.Compare(a.Doc, b.Doc))
	})
	hits = hits[:min(limit, len(hits))]
	for i := range hits {
		e := c.doc(hits[i].Doc)
		hits[i].Path, hits[i].Title, hits[i].Section = e.Path, e.Title, c.meta.Sections[e.Section][1]
	}
	return hits
}

func (c *client) doc(n int) docEntry {
	k := n / c.meta.Chunk
	if _, ok := c.chunks[k]; !ok {
		var raw [][]any
		c.decode(fmt.Sprintf("search/d/%d.json", k), &raw)
		var es []docEntry
		for _, r := range raw {
			es = append(es, docEntry{Path: r[0].(string), Title: r[1].(string), Section: int(r[2].(float64)), Snippet: r[3].(string)})
		}
		c.chunks[k] = es
	}
	return c.chunks[k][n%c.meta.Chunk]
}
