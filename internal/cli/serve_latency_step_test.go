package cli

import (
	"cmp"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// A latencyStep is one timed edit of the site. before, when set, prepares
// it untimed: afterwards the page must show the marker. After edit the page
// shows the marker, or no longer shows it when gone. With field set, the
// marker is the text of a link in the page's panel of that relation
// (anywhere else it may be a word of the page).
type latencyStep struct {
	before, edit func()
	marker       string
	field        string
	gone         bool
}

// shown is the JavaScript condition of the page showing the marker.
func (s latencyStep) shown() string {
	if s.field != "" {
		return fmt.Sprintf(`[...document.querySelectorAll('[data-field=%q] a')].some((a) => a.textContent === %q)`, s.field, s.marker)
	}
	return fmt.Sprintf(`document.body !== null && document.body.innerText.includes(%q)`, s.marker)
}

// done is the condition of the page showing the edit. A page still loading
// may lack the marker only because it has not arrived yet, so its absence
// counts only in a page fully loaded.
func (s latencyStep) done() string {
	if s.gone {
		return `document.readyState === "complete" && !(` + s.shown() + `)`
	}
	return s.shown()
}

// latency opens page on a dev server of src and times, for each iteration
// i from 1, the step next(i): from its edit to the page showing it. It
// reports the median and the worst of these times, and the medians of the
// rebuild time and of the count of changed files that serve printed for
// the timed edits: the rest of the time is the watcher's debounce, the
// publish, the live-reload event and the page fetching and patching itself.
func latency(b *testing.B, src, page string, next func(i int) latencyStep) {
	ctx := testbrowser.New(b)
	url, out, _ := serveLogged(b, src)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+page)); err != nil {
		b.Fatal(err)
	}
	waitIn(b, ctx, "the page", `document.readyState === "complete"`)
	time.Sleep(300 * time.Millisecond) // let EventSource connect before the first edit
	pace := benchPace(b)
	var times, builds []time.Duration
	var files []int
	for i := 1; b.Loop(); i++ {
		s := next(i)
		if s.before != nil {
			n := len(rebuilds(out))
			s.before()
			waitIn(b, ctx, fmt.Sprintf("the page to show %q before the edit", s.marker), s.shown())
			waitRebuilt(b, out, n)
		}
		if v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](s.shown())); err == nil && v != s.gone {
			b.Fatalf("before the edit, the page showing %q is %v", s.marker, v)
		}
		n := len(rebuilds(out))
		start := time.Now()
		s.edit()
		waitIn(b, ctx, "the edit", s.done())
		times = append(times, time.Since(start))
		var built time.Duration
		changed := 0
		for _, r := range waitRebuilt(b, out, n) {
			built += r.elapsed
			changed += r.files
		}
		builds, files = append(builds, built), append(files, changed)
		time.Sleep(pace)
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(median(times)), "median-ms")
	b.ReportMetric(ms(slices.Max(times)), "max-ms")
	b.ReportMetric(ms(median(builds)), "rebuild-ms")
	b.ReportMetric(float64(median(files)), "files")
	b.ReportMetric(0, "ns/op")
}

// benchPace is the wait between edits that ROLESITE_BENCH_PACE asks for.
func benchPace(b *testing.B) time.Duration {
	v := os.Getenv("ROLESITE_BENCH_PACE")
	if v == "" {
		return 0
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		b.Fatalf("ROLESITE_BENCH_PACE=%q: want a duration such as 1s", v)
	}
	return d
}

func median[T cmp.Ordered](xs []T) T {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// A rebuild is one that serve reported: how long it took and how many
// files it changed.
type rebuild struct {
	elapsed time.Duration
	files   int
}

var rebuiltLine = regexp.MustCompile(`rebuilt in (\S+): (\d+) files changed`)

// rebuilds are the rebuilds serve reported on out so far.
func rebuilds(out *syncBuffer) []rebuild {
	var rs []rebuild
	for _, m := range rebuiltLine.FindAllStringSubmatch(out.String(), -1) {
		d, _ := time.ParseDuration(m[1])
		n, _ := strconv.Atoi(m[2])
		rs = append(rs, rebuild{d, n})
	}
	return rs
}

// waitRebuilt waits for serve to report rebuilds after its first n, and
// returns them.
func waitRebuilt(b *testing.B, out *syncBuffer, n int) []rebuild {
	b.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if rs := rebuilds(out); len(rs) > n {
			return rs[n:]
		}
		if time.Now().After(deadline) {
			b.Fatalf("the page shows the edit, but serve reported no rebuild within 10 s:\n%s", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}
