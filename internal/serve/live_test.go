package serve

import (
	"fmt"
	"testing"
	"testing/synctest"
)

func TestSlowClientIsDroppedNotWaitedFor(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var logged []string
		l := newLive(&state{token: "t.0"}, func(f string, a ...any) { logged = append(logged, fmt.Sprintf(f, a...)) })
		slow, ok := l.subscribe("", greeting) // never reads
		if !ok {
			t.Fatal("subscribe refused")
		}
		fast, _ := l.subscribe("", greeting)
		got := 0
		done := make(chan struct{})
		go func() {
			defer close(done)
			for {
				select {
				case <-fast.events:
					got++
				case <-fast.gone:
					return
				}
			}
		}()
		for i := range 100 {
			// A blocking send here would deadlock the bubble and fail the
			// test.
			l.update(func(*state) (*state, []byte) {
				return &state{token: fmt.Sprint("t.", i+1)}, event("reload", "x")
			})
			synctest.Wait() // the fast client keeps up
		}
		select {
		case <-slow.gone:
		default:
			t.Fatal("a client that never reads was not dropped")
		}
		if len(slow.events) > clientBuffer {
			t.Fatalf("slow client holds %d events, more than its buffer", len(slow.events))
		}
		if n := l.count(); n != 1 {
			t.Errorf("%d clients, want only the fast one left", n)
		}
		if len(logged) != 1 {
			t.Errorf("logged %q, want one line about the dropped client", logged)
		}
		l.close()
		<-done
		if got != 101 { // hello and 100 reloads
			t.Errorf("fast client got %d events, want 101", got)
		}
		if _, ok := l.subscribe("", greeting); ok {
			t.Error("subscribe after close succeeded")
		}
	})
}
