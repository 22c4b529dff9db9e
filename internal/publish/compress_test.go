package publish

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// Writers kept from file to file give, file after file and from several
// goroutines, exactly the bytes of writers made for each file: nothing of
// one file's state reaches the next.
func TestCompressorsMatchFreshWriters(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var inputs [][]byte
	for i := range 60 {
		var b bytes.Buffer
		for range r.IntN(3000) {
			fmt.Fprintf(&b, "<p>word %d of file %d</p>\n", r.IntN(500), i)
		}
		if i%7 == 0 {
			b.Reset() // empty files too
		}
		inputs = append(inputs, b.Bytes())
	}
	var c Compressors
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := g; i < len(inputs); i += 3 {
				gz, br := c.Siblings(inputs[i])
				if !bytes.Equal(gz, Gzip(inputs[i])) {
					t.Errorf("file %d: gzip differs from a fresh writer's", i)
				}
				if !bytes.Equal(br, Brotli(inputs[i])) {
					t.Errorf("file %d: brotli differs from a fresh writer's", i)
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkSiblings compresses a 3.7 kB file (a search passages file's
// size) with writers made for it and with kept ones.
func BenchmarkSiblings(b *testing.B) {
	data := bytes.Repeat([]byte(`{"t":"A passage of text","m":[[3,9]]},`), 100)
	b.Run("fresh", func(b *testing.B) {
		for b.Loop() {
			Gzip(data)
			Brotli(data)
		}
	})
	b.Run("kept", func(b *testing.B) {
		var c Compressors
		for b.Loop() {
			c.Siblings(data)
		}
	})
}
