package search

import (
	"bytes"
	"maps"
	"sync/atomic"
	"testing"
)

// Docs whose text comes from TextFrom index exactly as docs holding it,
// each text asked for once; an Indexer never reuses such a page.
func TestTextFrom(t *testing.T) {
	docs := corpus(t, 300)
	docs[7].Summary = "" // its snippet then comes from the text
	want := Index(docs)

	var calls atomic.Int64
	lazy := make([]Doc, len(docs))
	for i, d := range docs {
		text := d.Text
		d.Text = ""
		d.TextFrom = func() string { calls.Add(1); return text }
		lazy[i] = d
	}
	ix := NewIndexer()
	for round := range 2 {
		calls.Store(0)
		got := ix.Index(lazy)
		if n := calls.Load(); n != int64(len(docs)) {
			t.Errorf("round %d: TextFrom called %d times for %d docs", round, n, len(docs))
		}
		if !maps.EqualFunc(got, want, bytes.Equal) {
			t.Fatalf("round %d: index from TextFrom differs from the index of the same texts", round)
		}
	}
}
