package search

import (
	"bytes"
	"maps"
	"strings"
	"sync"
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

// IndexTo hands every passages file to put, once, and returns what Index
// returns with those files' data nil.
func TestIndexTo(t *testing.T) {
	docs := corpus(t, 300)
	want := Index(docs)
	var mu sync.Mutex
	put := map[string][]byte{}
	got := IndexTo(len(docs), func(i int) Doc { return docs[i] }, func(name string, data []byte) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := put[name]; ok {
			t.Errorf("%s put twice", name)
		}
		put[name] = bytes.Clone(data) // put must not keep data
	})
	if len(got) != len(want) {
		t.Fatalf("IndexTo returned %d files, Index %d", len(got), len(want))
	}
	for name, data := range want {
		if strings.HasPrefix(name, "search/x/") {
			if g, ok := got[name]; !ok || g != nil || !bytes.Equal(put[name], data) {
				t.Errorf("%s: returned %v (want nil data), put %d bytes, want %d", name, ok, len(put[name]), len(data))
			}
		} else if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs", name)
		}
	}
}
