package watch

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

const (
	testQuiet   = 30 * time.Millisecond
	testMaxWait = 500 * time.Millisecond
)

// startDebounce runs debounce in the current bubble and returns its input and
// output. The input is closed when the test ends.
func startDebounce(t *testing.T) (chan<- string, <-chan []string) {
	in := make(chan string)
	out := make(chan []string)
	go debounce(in, out, testQuiet, testMaxWait)
	t.Cleanup(func() {
		close(in)
		for range out {
		}
	})
	return in, out
}

// ready returns the batch debounce is offering right now, if any, once every
// goroutine in the bubble has settled.
func ready(out <-chan []string) ([]string, bool) {
	synctest.Wait()
	select {
	case b := <-out:
		return b, true
	default:
		return nil, false
	}
}

func TestDebounceTrailingEdge(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t)
		in <- "a"
		time.Sleep(testQuiet - time.Millisecond)
		if b, ok := ready(out); ok {
			t.Fatalf("batch %v before the quiet period ended", b)
		}
		time.Sleep(time.Millisecond)
		b, ok := ready(out)
		if !ok || !slices.Equal(b, []string{"a"}) {
			t.Fatalf("after the quiet period: got %v, %v; want [a]", b, ok)
		}
		if b, ok := ready(out); ok {
			t.Fatalf("second batch %v with no new input", b)
		}
	})
}

func TestDebounceBurstIsOneBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t)
		start := time.Now()
		// 40 values 10ms apart: 400ms of activity, never quiet for 30ms.
		var want []string
		for i := range 40 {
			name := string(rune('a' + i%26))
			in <- name
			if !slices.Contains(want, name) {
				want = append(want, name)
			}
			time.Sleep(10 * time.Millisecond)
			if b, ok := ready(out); ok {
				t.Fatalf("batch %v in the middle of the burst", b)
			}
		}
		time.Sleep(testQuiet)
		b, ok := ready(out)
		if !ok || !slices.Equal(b, want) {
			t.Fatalf("got %v, %v; want one batch %v (deduplicated, in order)", b, ok, want)
		}
		if got, want := time.Since(start), 40*10*time.Millisecond+testQuiet; got != want {
			t.Errorf("batch after %v, want %v", got, want)
		}
	})
}

func TestDebounceMaxWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t)
		start := time.Now()
		var got [][]string
		var at []time.Duration
		// A burst that never pauses: a value every 10ms for 1.2s.
		for i := range 120 {
			in <- string(rune('a' + i%26))
			time.Sleep(10 * time.Millisecond)
			if b, ok := ready(out); ok {
				got = append(got, b)
				at = append(at, time.Since(start))
			}
		}
		if len(got) != 2 {
			t.Fatalf("got %d batches at %v, want 2 (one per MaxWait)", len(got), at)
		}
		if at[0] != testMaxWait {
			t.Errorf("first batch after %v, want %v", at[0], testMaxWait)
		}
	})
}

func TestDebounceBusyReceiverGetsOneMergedBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t)
		in <- "a"
		time.Sleep(testQuiet) // batch [a] is ready, but nobody receives it
		in <- "b"
		in <- "a"
		time.Sleep(testQuiet - time.Millisecond)
		if b, ok := ready(out); ok {
			t.Fatalf("batch %v before the new values' quiet period ended", b)
		}
		time.Sleep(time.Millisecond)
		b, ok := ready(out)
		if !ok || !slices.Equal(b, []string{"a", "b"}) {
			t.Fatalf("got %v, %v; want [a b]", b, ok)
		}
	})
}

func TestDebounceCloseFlushes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in := make(chan string)
		out := make(chan []string)
		go debounce(in, out, testQuiet, testMaxWait)
		in <- "a"
		close(in)
		b, ok := <-out
		if !ok || !slices.Equal(b, []string{"a"}) {
			t.Fatalf("got %v, %v; want the pending batch [a]", b, ok)
		}
		if b, ok := <-out; ok {
			t.Fatalf("got %v after close, want a closed channel", b)
		}
	})
}

func TestDebounceSeparateBurstsSeparateBatches(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t)
		in <- "a"
		time.Sleep(testQuiet)
		b1, _ := ready(out)
		in <- "a"
		time.Sleep(testQuiet)
		b2, _ := ready(out)
		if !slices.Equal(b1, []string{"a"}) || !slices.Equal(b2, []string{"a"}) {
			t.Fatalf("got %v then %v, want [a] then [a]: a path is not remembered across batches", b1, b2)
		}
	})
}
