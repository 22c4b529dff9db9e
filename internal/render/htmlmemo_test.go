package render

import (
	"fmt"
	"hash/maphash"
	"html/template"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestHTMLMemoAgainstMap puts and gets thousands of random entries,
// spread over many chunks, and checks every answer against a plain map.
func TestHTMLMemoAgainstMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	m := newHTMLMemo(1 << 30)
	want := map[[2]string]template.HTML{}
	keys := make([][2]string, 3000)
	for i := range keys {
		keys[i] = [2]string{strings.Repeat("k", r.IntN(40)), fmt.Sprint(r.IntN(1000))}
	}
	for range 20000 {
		k := keys[r.IntN(len(keys))]
		mk := m.newKey()
		mk.str(k[0])
		mk.str(k[1])
		h, ok := m.get()
		if w, kept := want[k]; ok != kept || h != w {
			t.Fatalf("get %q = %q, %v; want %q, %v", k, h, ok, w, kept)
		}
		if !ok {
			h := template.HTML(strings.Repeat("<b>"+k[1]+"</b>", r.IntN(60)))
			m.put(h)
			want[k] = h
		}
	}
	if m.len() != len(want) || len(m.full) < 10 {
		t.Errorf("%d entries in %d full chunks, want %d entries in 10 chunks or more", m.len(), len(m.full), len(want))
	}
}

// TestHTMLMemoKeysApart checks that keys made of different values differ:
// the same bytes split otherwise, a string against a number, and a Link or
// a Heading differing in any one field (a field added to either and not
// to its key would give two elements one memo entry).
func TestHTMLMemoKeysApart(t *testing.T) {
	key := func(write func(k *memoKey)) string {
		var k memoKey
		write(&k)
		return string(k.b)
	}
	if key(func(k *memoKey) { k.str("ab"); k.str("c") }) == key(func(k *memoKey) { k.str("a"); k.str("bc") }) {
		t.Error(`("ab", "c") and ("a", "bc") have one key`)
	}
	if key(func(k *memoKey) { k.str(""); k.num(1) }) == key(func(k *memoKey) { k.num(0); k.flag(true) }) {
		t.Error(`("", 1) and (0, true) have one key`)
	}
	eachField(t, Link{}, func(l Link) string { return key(func(k *memoKey) { linkKey(k, l) }) })
	eachField(t, Heading{}, func(h Heading) string { return key(func(k *memoKey) { headingKey(k, h) }) })
}

// eachField checks that setting any one field of zero changes its key.
func eachField[T any](t *testing.T, zero T, key func(T) string) {
	t.Helper()
	base := key(zero)
	typ := reflect.TypeOf(zero)
	for i := range typ.NumField() {
		v := reflect.New(typ).Elem()
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int:
			f.SetInt(1)
		case reflect.Bool:
			f.SetBool(true)
		default:
			t.Fatalf("%s.%s is a %s: write it in the key", typ.Name(), typ.Field(i).Name, f.Kind())
		}
		if key(v.Interface().(T)) == base {
			t.Errorf("%s.%s is not in the key", typ.Name(), typ.Field(i).Name)
		}
	}
}

// TestHTMLMemoHashMatch checks that an entry found under the key's hash
// but kept for another key is a miss, in a full chunk and in the one being
// filled.
func TestHTMLMemoHashMatch(t *testing.T) {
	m := newHTMLMemo(1 << 30)
	m.newKey().str("a")
	m.put("<i>a</i>")
	m.newKey().str("b")
	hb := maphash.Bytes(m.seed, m.key.b)
	m.index[hb] = m.index[maphash.Bytes(m.seed, []byte("\x01a"))]
	if h, ok := m.get(); ok {
		t.Errorf("b found %q, kept for a", h)
	}
	m.newKey().str(strings.Repeat("c", 100))
	for range chunkSize / 100 {
		m.put(template.HTML(strings.Repeat("x", 100))) // fills the chunk holding a
	}
	if len(m.full) == 0 {
		t.Fatal("no chunk is full")
	}
	m.newKey().str("b")
	if h, ok := m.get(); ok {
		t.Errorf("b found %q in a full chunk, kept for a", h)
	}
	m.newKey().str("a")
	if h, ok := m.get(); !ok || h != "<i>a</i>" {
		t.Errorf("a: %q, %v; want <i>a</i>", h, ok)
	}
}

// TestHTMLMemoBounds checks that an entry over a quarter of a chunk is not
// kept, that the memo starts again past its bound, and that a hit in a
// full chunk allocates nothing.
func TestHTMLMemoBounds(t *testing.T) {
	m := newHTMLMemo(4 * chunkSize)
	m.newKey().str("big")
	m.put(template.HTML(strings.Repeat("x", chunkSize/4)))
	if _, ok := m.get(); ok || m.len() != 0 {
		t.Errorf("an entry of a quarter chunk is kept")
	}
	m.newKey().str("first")
	m.put("<p>first</p>")
	for i := 0; len(m.full) < 2; i++ {
		m.newKey().num(i)
		m.put(template.HTML(strings.Repeat("y", 1000)))
	}
	m.newKey().str("first")
	if allocs := testing.AllocsPerRun(100, func() { _, _ = m.get() }); allocs != 0 {
		t.Errorf("a hit in a full chunk allocates %v times", allocs)
	}
	for i := 0; m.len() > 0; i++ {
		if i == 1000 {
			t.Fatalf("after 1000 more entries of 1,000 bytes, %d kept under a bound of %d bytes", m.len(), m.max)
		}
		m.newKey().num(-i - 1)
		m.put(template.HTML(strings.Repeat("z", 1000)))
		if len(m.full) == 0 {
			break // it started again
		}
	}
	m.newKey().str("first")
	if h, ok := m.get(); ok {
		t.Errorf("past the bound, still found %q", h)
	}
	if m.len() > chunkSize/1000 {
		t.Errorf("past the bound, %d entries kept", m.len())
	}
}
