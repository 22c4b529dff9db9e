package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
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
		V        int        `json:"v"`
		Docs     int        `json:"docs"`
		Buckets  int        `json:"buckets"`
		Sections [][]string `json:"sections"`
		Shards   []string   `json:"shards"`
	}
	shards map[string]map[string][]int
	forms  map[string]string // by term, the forms entries carry
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
	Exact   int // of them, found as words, not only as prefixes
	Named   int // the largest n such that n words are in names of n terms
	Score   int
	Path    string
	Title   string
	Section string // section title
}

func newClient(t testing.TB, files map[string][]byte) *client {
	c := &client{t: t, files: files, fetched: map[string]bool{},
		shards: map[string]map[string][]int{}, forms: map[string]string{}, chunks: map[int][]docEntry{}}
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
	var raw map[string][]any
	c.decode(shardFile(key), &raw)
	s := map[string][]int{}
	for k, e := range raw {
		if f, ok := e[0].(string); ok {
			c.forms[k], e = f, e[1:]
		}
		for _, v := range e {
			s[k] = append(s[k], int(v.(float64)))
		}
	}
	c.shards[key] = s
	return s
}

// maxQueryTerms is how many words of a query count (search.js: MAX_TERMS).
const maxQueryTerms = 8

// A fix is a query word that matched nothing, and the term searched for
// in its place.
type fix struct{ from, to string }

// form is the word that stands for term t: its form, if it has one
// (search.js: form).
func (c *client) form(t string) string { return cmp.Or(c.forms[t], t) }

// search runs query q and returns the best limit results, fetching the
// page table only for those.
func (c *client) search(q string, limit int) []result {
	hits, _ := c.query(q)
	hits = hits[:min(limit, len(hits))]
	for i := range hits {
		e := c.doc(hits[i].Doc)
		hits[i].Path, hits[i].Title, hits[i].Section = e.Path, e.Title, c.meta.Sections[e.Section][1]
	}
	return hits
}

// A termList is the pages one query word matches, with their scores, and
// the word's weight: all of them (prefix included), and those it matches
// exactly (as its term or the term that corrects it).
type termList struct {
	all, exact merged
	part       bool // the word is still short of its term's form: its exact matches count as prefix ones, but for names
}

// A merged list is the union of entries, each page with its best score
// and its names, and their weight.
type merged struct {
	scores, names map[int]int
	weight        int
	complete      bool // no entry is a sample
}

// merge unites entries and weighs them (search.js: merge).
func merge(entries [][]int, n int) merged {
	m := merged{scores: map[int]int{}, names: map[int]int{}}
	df, complete := 0, true
	for _, raw := range entries {
		df = max(df, raw[0])
		complete = complete && raw[0] == (len(raw)-1)/2
		doc := 0
		for j := 1; j < len(raw); j += 2 {
			doc += raw[j]
			m.scores[doc] = max(m.scores[doc], raw[j+1]&255)
			m.names[doc] |= raw[j+1] >> 8
		}
	}
	if complete {
		df = len(m.scores)
	}
	m.weight, m.complete = idf(n, df), complete
	return m
}

// termList matches one query word t, also as a prefix if prefix is set,
// and corrects it when it matches nothing (search.js: search).
func (c *client) termList(t string, prefix bool) (termList, *fix) {
	s := stem(t)
	sh := c.shard(c.key(s))
	var exact, entries [][]int
	part := false
	if e, ok := sh[s]; ok {
		exact = append(exact, e)
	}
	if prefix && utf8.RuneCountInString(t) >= minPrefixRunes {
		f := fold(t)
		w := fold(c.form(s))
		part = w != f && strings.HasPrefix(w, f)
		ph := c.shard(c.key(f))
		if e, ok := ph[f+"*"]; ok {
			entries = append(entries, e)
		} else {
			for _, k := range slices.Sorted(maps.Keys(ph)) {
				if strings.HasPrefix(k, f) && !strings.HasSuffix(k, "*") && k != s {
					entries = append(entries, ph[k])
				}
			}
		}
	}
	var fixed *fix
	n := utf8.RuneCountInString(t)
	if len(exact)+len(entries) == 0 && n >= 5 && !isStopWord(t) {
		if near := nearest(sh, s, cmp.Or(2*bool2int(n >= 8), 1)); len(near) > 0 {
			exact = append(exact, sh[near[0]])
			fixed = &fix{t, near[0]}
		}
	}
	return termList{all: merge(append(slices.Clone(exact), entries...), c.meta.Docs), exact: merge(exact, c.meta.Docs), part: part}, fixed
}

// query ranks every page that matches some word of q (search.js: search).
func (c *client) query(q string) ([]result, []fix) {
	terms := tokens(q)
	if len(terms) == 0 {
		return nil, nil
	}
	prefix := strings.HasSuffix(strings.ToLower(q), terms[len(terms)-1])
	var words []string
	for _, t := range terms {
		if !isStopWord(t) {
			words = append(words, t)
		}
	}
	if len(words) > 0 {
		if isStopWord(terms[len(terms)-1]) {
			prefix = false
		}
		terms = words
	}
	if len(terms) > maxQueryTerms {
		terms, prefix = terms[:maxQueryTerms], false
	}
	var fixes []fix
	byDoc := map[int]*result{}
	names := map[int]*[maxNameTerms]int{}
	for i, t := range terms {
		l, f := c.termList(t, prefix && i == len(terms)-1)
		if f != nil {
			fixes = append(fixes, *f)
		}
		for doc, s := range l.all.scores {
			r := byDoc[doc]
			if r == nil {
				r = &result{Doc: doc}
				byDoc[doc] = r
			}
			r.Matched++
			x, ok := l.exact.scores[doc]
			if ok && !l.part {
				r.Exact += bool2int(l.exact.complete) // a sample may leave out pages that have the word
				r.Score += l.exact.weight * x
			} else {
				r.Score += l.all.weight * s
			}
			if ok {
				if names[doc] == nil {
					names[doc] = new([maxNameTerms]int)
				}
				for b := range maxNameTerms {
					names[doc][b] += l.exact.names[doc] >> b & 1
				}
			}
		}
	}
	var hits []result
	for doc, r := range byDoc {
		for b := range maxNameTerms {
			if n := names[doc]; n != nil && n[b] > b {
				r.Named = b + 1
			}
		}
		hits = append(hits, *r)
	}
	slices.SortFunc(hits, func(a, b result) int {
		return cmp.Or(cmp.Compare(b.Matched, a.Matched), cmp.Compare(b.Exact, a.Exact), cmp.Compare(b.Named, a.Named),
			cmp.Compare(b.Score, a.Score), cmp.Compare(a.Doc, b.Doc))
	})
	return hits, fixes
}

func bool2int(b bool) int {
	if b {
		return 1
	}
	return 0
}

// idf is a term's weight, the BM25 inverse document frequency in
// thousandths (search.js: idf).
func idf(n, df int) int {
	return int(math.Round(1000 * math.Log(1+(float64(n)-float64(df)+0.5)/(float64(df)+0.5))))
}

// nearest lists the terms of a shard within max edits of s, nearest
// first, then by page count, then in term order (search.js: near).
func nearest(sh map[string][]int, s string, max int) []string {
	type cand struct {
		k     string
		d, df int
	}
	var cs []cand
	for k, e := range sh {
		if d := edits(s, k); !strings.HasSuffix(k, "*") && d <= max {
			cs = append(cs, cand{k, d, e[0]})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(b.df, a.df), strings.Compare(a.k, b.k))
	})
	var out []string
	for _, c := range cs {
		out = append(out, c.k)
	}
	return out
}

// edits is the optimal string alignment distance of a and b, in runes:
// insertions, deletions, substitutions and swaps of neighbours.
func edits(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range y {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := bool2int(x[i-1] != y[j-1])
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

func (c *client) doc(n int) docEntry {
	k := n % c.meta.Buckets
	if _, ok := c.chunks[k]; !ok {
		var raw [][]any
		c.decode(fmt.Sprintf("search/d/%d.json", k), &raw)
		var es []docEntry
		for _, r := range raw {
			es = append(es, docEntry{Path: r[0].(string), Title: r[1].(string), Section: int(r[2].(float64)), Snippet: r[3].(string)})
		}
		c.chunks[k] = es
	}
	return c.chunks[k][n/c.meta.Buckets]
}

// passages fetches the passages files of the first n results, as
// search.js does to show their best passages.
func (c *client) passages(rs []result, n int) {
	for _, r := range rs[:min(n, len(rs))] {
		var v any
		c.decode(passagesFile(r.Path), &v)
	}
}
