package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// An Indexer must return, after any sequence of edits, exactly what Index
// returns for the same docs: the same file names and the same bytes.
func TestIndexerMatchesIndex(t *testing.T) {
	seeds, steps, pages := []uint64{1, 2, 3}, 30, 200
	if !testing.Short() && !raceDetector {
		seeds, steps, pages = []uint64{1, 2, 3, 4}, 60, 600
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 99))
			e := &editor{rng: rng}
			e.docs = slices.Concat(corpus(t, pages), awkwardDocs(rng, pages/10), e.glossary(pages/10))
			ix := NewIndexer()
			var prev, prevCopy map[string][]byte
			for step := range steps {
				what := e.edit()
				got := ix.indexSlice(e.docs)
				if !ix.bulk {
					e.done["(patched)"]++
				}
				want := Index(e.docs)
				if step%10 == 9 {
					// Index itself is checked against the reference now and then.
					requireSameFilesAfter(t, want, refIndex(e.docs), step, "Index, against the reference, after "+what)
				}
				requireSameFilesAfter(t, got, want, step, what)
				// What the Indexer returned before is never written to.
				for name, data := range prev {
					if !bytes.Equal(data, prevCopy[name]) {
						t.Fatalf("step %d (%s): file %s returned by the previous call changed", step, what, name)
					}
				}
				prev, prevCopy = got, maps.Clone(got)
				for name, data := range prevCopy {
					prevCopy[name] = bytes.Clone(data)
				}
			}
			t.Logf("%d steps: %v", steps, e.done)
		})
	}
}

func requireSameFilesAfter(t *testing.T, got, want map[string][]byte, step int, what string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[name]
		if !ok {
			t.Fatalf("step %d (%s): file %s missing", step, what, name)
		}
		if !bytes.Equal(g, want[name]) {
			t.Fatalf("step %d (%s): file %s differs:\n%s", step, what, name, firstDiff(want[name], g))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Fatalf("step %d (%s): extra file %s", step, what, name)
		}
	}
}

// An editor makes random edits to a site, of the kinds a writer makes.
type editor struct {
	rng    *rand.Rand
	docs   []Doc
	unique int            // counts made-up words
	done   map[string]int // edits made, by kind
}

func (e *editor) edit() string {
	if e.done == nil {
		e.done = map[string]int{}
	}
	kinds := []struct {
		name   string
		weight int
		do     func()
	}{
		{"body", 8, func() { e.editBody(e.pick()) }},
		{"title", 4, func() { d := e.pick(); d.Title = e.phrase(1 + e.rng.IntN(4)) }},
		{"glossary title", 2, func() {
			// Moves a page in or out of the prefix entries of the
			// glossary's shards, or changes its score there.
			d := e.pick()
			d.Title = fmt.Sprintf("zq%x", 1+e.rng.IntN(e.unique))
		}},
		{"summary", 3, func() { e.editSummary(e.pick()) }},
		{"headings", 3, func() { e.editHeadings(e.pick()) }},
		{"headings in place", 1, func() {
			// The caller reuses its slice: the Indexer must have kept a copy.
			if d := e.pick(); len(d.Headings) > 0 {
				d.Headings[e.rng.IntN(len(d.Headings))].Text = e.phrase(2)
			}
		}},
		{"section", 2, func() { e.editSection(e.pick()) }},
		{"new section", 1, func() {
			e.unique++
			d := e.pick()
			d.Section, d.SectionTitle = fmt.Sprint("s", e.unique), fmt.Sprint("Section ", e.unique)
		}},
		{"rename", 2, func() { d := e.pick(); d.Path = e.path(d.Section) }},
		{"add", 2, func() { e.add() }},
		{"add twin", 1, func() {
			// Same path and title as another page: ordered by position.
			d := *e.pick()
			d.Text = e.phrase(20)
			e.docs = slices.Insert(e.docs, e.rng.IntN(len(e.docs)+1), d)
		}},
		{"add copy", 1, func() {
			// Equal in every field to another page.
			e.docs = slices.Insert(e.docs, e.rng.IntN(len(e.docs)+1), *e.pick())
		}},
		{"remove", 2, func() {
			if len(e.docs) > 1 {
				i := e.rng.IntN(len(e.docs))
				e.docs = slices.Delete(e.docs, i, i+1)
			}
		}},
		{"shuffle", 1, func() {
			e.docs = slices.Clone(e.docs) // a caller building a new slice
			e.rng.Shuffle(len(e.docs), func(i, j int) { e.docs[i], e.docs[j] = e.docs[j], e.docs[i] })
		}},
		{"many bodies", 1, func() {
			for range len(e.docs)/4 + 1 {
				e.editBody(e.pick())
			}
		}},
		{"new vocabulary", 1, func() {
			for range len(e.docs)/4 + 1 {
				e.pick().Text = e.newWords(100)
			}
		}},
		{"two bodies", 2, func() { e.editBody(e.pick()); e.editBody(e.pick()) }},
		{"nothing", 1, func() {}},
	}
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	r := e.rng.IntN(total)
	for _, k := range kinds {
		if r -= k.weight; r < 0 {
			k.do()
			e.done[k.name]++
			return k.name
		}
	}
	panic("unreachable")
}

// glossary makes n pages full of words no other page has, all beginning
// with the same letters: enough to split their shard by prefix, and again
// and again, into shards whose prefix entries list only a few pages, so
// that an edit changes them.
func (e *editor) glossary(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{Path: fmt.Sprintf("glossary/%d/", i), Title: e.newWords(1), Text: e.newWords(300)}
	}
	return docs
}

func (e *editor) pick() *Doc { return &e.docs[e.rng.IntN(len(e.docs))] }

// word is a word for an edit: common, awkward or never seen before.
func (e *editor) word() string {
	switch r := e.rng.IntN(10); {
	case r < 6:
		return e.docs[e.rng.IntN(len(e.docs))].Title
	case r < 8:
		return awkwardPieces[e.rng.IntN(len(awkwardPieces))]
	default:
		return e.newWords(1)
	}
}

func (e *editor) phrase(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(e.word())
	}
	return b.String()
}

// newWords makes n words no page had before.
func (e *editor) newWords(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		e.unique++
		fmt.Fprintf(&b, "zq%x", e.unique)
	}
	return b.String()
}

func (e *editor) editBody(d *Doc) {
	words := strings.Fields(d.Text)
	switch e.rng.IntN(4) {
	case 0: // type a word
		words = slices.Insert(words, e.rng.IntN(len(words)+1), e.word())
	case 1: // delete a few words
		if len(words) > 0 {
			i := e.rng.IntN(len(words))
			words = slices.Delete(words, i, min(len(words), i+1+e.rng.IntN(5)))
		}
	case 2: // replace a word
		if len(words) > 0 {
			words[e.rng.IntN(len(words))] = e.word()
		}
	case 3: // rewrite
		words = strings.Fields(e.phrase(e.rng.IntN(200)))
	}
	d.Text = strings.Join(words, " ")
}

func (e *editor) editSummary(d *Doc) {
	switch e.rng.IntN(4) {
	case 0:
		d.Summary = ""
	case 1:
		d.Summary = " \n "
	default:
		d.Summary = e.phrase(1 + e.rng.IntN(40))
	}
}

func (e *editor) editHeadings(d *Doc) {
	h := slices.Clone(d.Headings)
	switch e.rng.IntN(3) {
	case 0:
		h = append(h, Heading{ID: e.phrase(1), Text: e.phrase(1 + e.rng.IntN(3))})
		d.Text += "\n" + h[len(h)-1].Text + "\n" + e.phrase(5)
	case 1:
		if len(h) > 0 {
			h = h[:len(h)-1]
		}
	case 2:
		if len(h) > 0 {
			h[e.rng.IntN(len(h))].Text = e.phrase(1 + e.rng.IntN(3))
		}
	}
	d.Headings = h
}

var editSections = []struct{ key, title string }{
	{"roles", "Roles"}, {"tools", "Tools"}, {"tools", ""}, {"tools", "Tooling"}, {"new", "New"}, {"", ""}, {"", "Home"},
}

func (e *editor) editSection(d *Doc) {
	s := editSections[e.rng.IntN(len(editSections))]
	d.Section, d.SectionTitle = s.key, s.title
}

func (e *editor) path(section string) string {
	e.unique++
	return fmt.Sprintf("%s/%s-%d/", section, e.newWords(1), e.unique)
}

func (e *editor) add() {
	s := editSections[e.rng.IntN(len(editSections))]
	d := Doc{Section: s.key, SectionTitle: s.title, Title: e.phrase(1 + e.rng.IntN(3)),
		Summary: e.phrase(e.rng.IntN(20)), Text: e.phrase(e.rng.IntN(300))}
	d.Path = e.path(d.Section)
	for range e.rng.IntN(4) {
		d.Headings = append(d.Headings, Heading{ID: e.phrase(1), Text: e.phrase(2)})
	}
	e.docs = slices.Insert(e.docs, e.rng.IntN(len(e.docs)+1), d)
}

// Terms that no page uses any more are forgotten, so a long session of
// edits does not grow the dictionary without bound.
func TestIndexerForgetsTerms(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	e := &editor{rng: rng, docs: corpus(t, 200)}
	// Pages equal to others, which come to share what the Indexer keeps
	// of them once a page added before them moves them all.
	e.docs = append(e.docs, e.docs[:5]...)
	ix := NewIndexer()
	most := 0
	for step := range 12 {
		for i := 5; i < 200; i++ {
			e.docs[i].Text = e.newWords(50)
		}
		if step%2 == 0 {
			e.docs = append(e.docs, Doc{Path: "", Title: "Home"}) // first in page order
		} else {
			e.docs = e.docs[:len(e.docs)-1]
		}
		requireSameFilesAfter(t, ix.indexSlice(e.docs), Index(e.docs), step, "new vocabulary everywhere")
		most = max(most, len(ix.dict.terms))
	}
	t.Logf("dictionary: at most %d terms, %d in use", most, len(ix.terms.live))
	if live := len(ix.terms.live); most > 3*live+4096 {
		t.Errorf("the dictionary grew to %d terms for %d in use", most, live)
	}
}

// After a one-page edit, the Indexer returns the very same []byte for
// nearly every file, so a caller can tell cheaply what changed.
func TestIndexerReusesFiles(t *testing.T) {
	docs := corpus(t, 2000)
	ix := NewIndexer()
	before := ix.indexSlice(docs)
	docs[1234].Text += " quokka"
	after := ix.indexSlice(docs)
	requireSameFilesAfter(t, after, Index(docs), 0, "a word added to a body")
	var changed []string
	for name, data := range after {
		if old, ok := before[name]; !ok || !sameBytes(old, data) {
			changed = append(changed, name)
		}
	}
	// The page's shards: one per term of the page at most, and in fact
	// fewer as pages share shards; its chunk does not change.
	if len(changed) > 1+len(ix.pages.list[0].terms) || len(changed) > len(after)/4 {
		t.Errorf("%d of %d files are new after a one-word edit: %v", len(changed), len(after), changed)
	}
	for _, name := range changed {
		if strings.HasPrefix(name, "search/d/") {
			t.Errorf("chunk %s is new, but no title, path or snippet changed", name)
		}
	}
	if again := ix.indexSlice(docs); !maps.EqualFunc(again, after, sameBytes) {
		t.Error("indexing the same docs again returned new files")
	}
}

// BenchmarkIndexerOneEdit measures the dev server's case: one page of a
// 10,000-page site edited, the index made again.
func BenchmarkIndexerOneEdit(b *testing.B) {
	docs := corpus(b, 10_000)
	edits := []struct {
		name string
		edit func(d *Doc, i int)
	}{
		{"body word", func(d *Doc, i int) { d.Text += fmt.Sprintf(" edit%d", i%3) }},
		{"body rewrite", func(d *Doc, i int) { d.Text = docs[(i+1)%len(docs)].Text }}, // every term changes
		{"title", func(d *Doc, i int) { d.Title += fmt.Sprintf(" edit%d", i%3) }},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			docs := slices.Clone(docs)
			ix := NewIndexer()
			ix.indexSlice(docs)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				e.edit(&docs[i*7919%len(docs)], i)
				ix.indexSlice(docs)
			}
		})
	}
}

// A doc's TextKey stands for its text and headings: with the same key the
// indexer does not read them again (it keeps what it made of the first),
// and with a new one it does, giving what a fresh index gives.
func TestIndexerTrustsTextKey(t *testing.T) {
	docs := corpus(t, 300)
	for i := range docs {
		docs[i].TextKey = uint64(i + 1)
	}
	ix := NewIndexer()
	before := ix.indexSlice(docs)
	edited := slices.Clone(docs)
	edited[42].Text += " quokka"
	if got := ix.indexSlice(edited); !maps.EqualFunc(got, before, sameBytes) {
		t.Error("the text was read again, though its key is as before")
	}
	edited[42].TextKey = 1000
	requireSameFilesAfter(t, ix.indexSlice(edited), Index(edited), 0, "a word added, with a new text key")
}
