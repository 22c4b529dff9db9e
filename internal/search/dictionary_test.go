package search

import (
	"fmt"
	"testing"
)

func TestDictionary(t *testing.T) {
	var d dictionary
	if _, ok := d.lookup([]byte("a")); ok {
		t.Fatal("empty dictionary has a term")
	}
	for round := range 2 {
		const n = 5000 // grows the table a few times
		for i := range n {
			term := fmt.Sprint("t", i)
			var id int32
			if i%2 == 0 {
				id = d.id([]byte(term))
			} else {
				id = d.add(term)
			}
			if id != int32(i) || d.id([]byte(term)) != id {
				t.Fatalf("round %d: term %d numbered %d", round, i, id)
			}
		}
		for i := range n {
			term := fmt.Sprint("t", i)
			a, ok1 := d.lookup([]byte(term))
			b, ok2 := d.lookupString(term)
			if !ok1 || !ok2 || a != int32(i) || b != int32(i) || d.terms[i] != term {
				t.Fatalf("round %d: lookup(%q) = %d, %v; lookupString = %d, %v", round, term, a, ok1, b, ok2)
			}
		}
		if _, ok := d.lookupString("t-1"); ok {
			t.Fatal("found a term never added")
		}
		d.reset()
		if _, ok := d.lookup([]byte("t1")); ok || len(d.terms) != 0 {
			t.Fatal("reset kept terms")
		}
	}
}
