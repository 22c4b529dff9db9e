package watch

import "time"

// debounce turns a stream of values into batches, one batch per burst.
//
// A batch is ready when no value has arrived for quiet (the trailing edge of
// the burst), or when maxWait has passed since its first value, so a burst
// that never pauses still gets through. Values are de-duplicated within a
// batch, keeping the order of first arrival. While a ready batch waits for
// the receiver, debounce keeps accepting values into it; a value arriving
// then restarts the quiet period, so the batch goes out complete.
//
// debounce never blocks the sender for long: it always accepts from in. When
// in is closed it sends what it holds, closes out and returns.
func debounce[T comparable](in <-chan T, out chan<- []T, quiet, maxWait time.Duration) {
	defer close(out)

	var (
		batch []T
		seen  = make(map[T]struct{})

		quietTimer = time.NewTimer(time.Hour)
		maxTimer   = time.NewTimer(time.Hour)
		quietDone  bool // no value for quiet since the last one
		maxDone    bool // maxWait has passed since the first value
	)
	quietTimer.Stop()
	maxTimer.Stop()
	defer quietTimer.Stop()
	defer maxTimer.Stop()

	for {
		var send chan<- []T
		if len(batch) > 0 && (quietDone || maxDone) {
			send = out
		}
		select {
		case v, ok := <-in:
			if !ok {
				if len(batch) > 0 {
					out <- batch
				}
				return
			}
			if len(batch) == 0 {
				maxTimer.Reset(maxWait)
			}
			if _, dup := seen[v]; !dup {
				seen[v] = struct{}{}
				batch = append(batch, v)
			}
			quietDone = false
			quietTimer.Reset(quiet)
		case <-quietTimer.C:
			quietDone = true
		case <-maxTimer.C:
			maxDone = true
		case send <- batch:
			batch = nil
			clear(seen)
			quietDone, maxDone = false, false
			quietTimer.Stop()
			maxTimer.Stop()
		}
	}
}
