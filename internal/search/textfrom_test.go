package search

import (
	"bytes"
	"maps"
	"sync/atomic"
	"testing"
)

// An Indexer asks for each doc once a call, and indexes docs made on
// demand exactly as Index indexes the same docs held in a slice; a doc
// that did not change keeps its page, though the Indexer kept no doc.
func TestDocsOnDemand(t *testing.T) {
	docs := corpus(t, 300)
	docs[7].Summary = "" // its snippet then comes from the text
	want := Index(docs)

	ix := NewIndexer()
	for round := range 3 {
		if round == 2 {
			docs[3].Text += " edited"
			want = Index(docs)
		}
		calls := make([]atomic.Int32, len(docs))
		got := ix.Index(len(docs), func(i int) Doc {
			calls[i].Add(1)
			return docs[i]
		})
		for i := range calls {
			if n := calls[i].Load(); n != 1 {
				t.Fatalf("round %d: doc %d asked for %d times", round, i, n)
			}
		}
		if !maps.EqualFunc(got, want, bytes.Equal) {
			t.Fatalf("round %d: the Indexer's files differ from Index's", round)
		}
	}
}

// indexSlice indexes docs held in a slice.
func (ix *Indexer) indexSlice(docs []Doc) map[string][]byte {
	return ix.Index(len(docs), func(i int) Doc { return docs[i] })
}
