package build_test

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/build"
)

// errStop is the cause the tests cancel with, as cmd/rolesite cancels with
// the signal that arrived.
var errStop = errors.New("test: stop")

// checkStopped fails unless res is the Result of a stopped build: not OK,
// the cause, and nothing else (no files, no diagnostics about pages that
// were never rendered).
func checkStopped(t *testing.T, res build.Result) {
	t.Helper()
	if res.OK() {
		t.Fatal("a stopped build is OK")
	}
	if !errors.Is(res.Stopped, errStop) {
		t.Errorf("Stopped = %v, want the context's cause %v", res.Stopped, errStop)
	}
	if res.Files != nil || len(res.Diagnostics) > 0 {
		t.Errorf("a stopped build returned %d diagnostics and files %v; want neither: %v", len(res.Diagnostics), res.Files != nil, res.Diagnostics)
	}
}

// A build whose context is done before it starts reads no page.
func TestBuildStopsWhenCancelled(t *testing.T) {
	src, err := benchgen.MapFS(500)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errStop)
	counted := &openCounter{FS: src}
	res := build.Build(ctx, counted, rolesite.Theme(), build.Options{CheckLinks: true, Minify: true})
	checkStopped(t, res)
	if n := counted.pages.Load(); n > 0 {
		t.Errorf("a build cancelled before it began read %d pages", n)
	}
}

// A build cancelled while it loads stops reading: the load workers finish
// the file each holds and take no more.
func TestBuildStopsWhileLoading(t *testing.T) {
	src, err := benchgen.MapFS(2000)
	if err != nil {
		t.Fatal(err)
	}
	const after = 100
	ctx, cancel := context.WithCancelCause(context.Background())
	counted := &openCounter{FS: src, after: after, cancel: func() { cancel(errStop) }}
	res := build.Build(ctx, counted, rolesite.Theme(), build.Options{CheckLinks: true})
	checkStopped(t, res)
	// One file in hand per worker, and one the feeder may hand out as the
	// context closes; each file is opened twice (stat, read).
	if n, most := counted.pages.Load(), int64(after+2*(runtime.GOMAXPROCS(0)+1)); n > most {
		t.Errorf("the build opened pages %d times (2,000 pages) though cancelled at the %dth open; want at most %d", n, after, most)
	}
}

// A streaming build cancelled part-way through its pages (from the sink,
// after n files, as a signal may come at any time) hands out no more than
// the pages the render workers hold, and returns the cause alone.
func TestStreamingBuildStopsMidWay(t *testing.T) {
	src, err := benchgen.MapFS(2000)
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []build.Options{
		{CheckLinks: true},
		{CheckLinks: true, Minify: true, Fingerprint: true, Precompress: true},
	} {
		const after = 50
		ctx, cancel := context.WithCancelCause(context.Background())
		var mu sync.Mutex
		emitted, stoppedAt := 0, time.Time{}
		opts.Emit = func(name string, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			if emitted++; emitted == after {
				cancel(errStop)
				stoppedAt = time.Now()
			}
			return nil
		}
		res := build.Build(ctx, src, rolesite.Theme(), opts)
		took := time.Since(stoppedAt)
		checkStopped(t, res)
		// Each worker finishes its page (with two compressed siblings),
		// and the feeder may hand out one more page as the context closes.
		most := after + 3*(runtime.GOMAXPROCS(0)+1)
		if emitted > most {
			t.Errorf("precompress %v: %d files went out after the cancel at file %d; want at most %d", opts.Precompress, emitted-after, after, most-after)
		}
		if limit := 2 * time.Second; took > limit {
			t.Errorf("precompress %v: the build returned %s after its context was cancelled; want under %s", opts.Precompress, took, limit)
		}
	}
}

// A build in memory cancelled part-way through link checking or
// compression returns no files: a partial output is never OK.
func TestInMemoryBuildStopsMidWay(t *testing.T) {
	src, err := benchgen.MapFS(300)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	opts := build.Options{CheckLinks: true, Precompress: true}
	var calls atomic.Int64
	// Updated is asked for each page's date while the machine files are
	// made: well into rendering.
	opts.Updated = func(string) time.Time {
		if calls.Add(1) == 10 {
			cancel(errStop)
		}
		return time.Time{}
	}
	checkStopped(t, build.Build(ctx, src, rolesite.Theme(), opts))
}

// A stopped rebuild loses the list of files it was given; the Builder must
// not trust what it cached for them: the next rebuild, given only the files
// changed since, still equals a clean build. The rebuild stops before it
// loads (its context done already) or while it renders (after loading).
func TestRebuildAfterStoppedRebuild(t *testing.T) {
	for _, whileRendering := range []bool{false, true} {
		src, err := benchgen.MapFS(60)
		if err != nil {
			t.Fatal(err)
		}
		pages := slices.Sorted(maps.Keys(src))
		pages = slices.DeleteFunc(pages, func(n string) bool { return !strings.HasPrefix(n, "content/roles/role-") })
		var stop func() // cancels the rebuild running, from inside it
		// Updated is asked for page dates while the sitemap is made, as
		// pages render.
		opts := build.Options{Updated: func(string) time.Time {
			if stop != nil {
				stop()
			}
			return time.Time{}
		}}
		b := build.New(rolesite.Theme(), opts)
		if res := b.Build(context.Background(), src); !res.OK() {
			t.Fatal(res.Diagnostics)
		}
		// A title edit changes other pages (lists, backlinks) too.
		edit := func(name, from, to string) {
			src[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(src[name].Data), from, to, 1))}
		}
		edit(pages[0], "title: ", "title: Renamed ")
		ctx, cancel := context.WithCancelCause(context.Background())
		if whileRendering {
			stop = func() { cancel(errStop) }
		} else {
			cancel(errStop)
		}
		checkStopped(t, b.Rebuild(ctx, src, []string{pages[0]}))
		stop = nil
		edit(pages[1], "\n## ", "\nA sentence added.\n\n## ")
		got := b.Rebuild(context.Background(), src, []string{pages[1]})
		want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
		if d := compare(got, want); d != "" {
			t.Errorf("stopped while rendering %v: the next rebuild differs from a clean build: %s", whileRendering, d)
		}
	}
}

// openCounter counts the opens of content pages through it, and calls
// cancel when the count reaches after.
type openCounter struct {
	fs.FS
	after  int64
	cancel func()
	pages  atomic.Int64
}

func (c *openCounter) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") {
		if c.pages.Add(1) == c.after && c.cancel != nil {
			c.cancel()
		}
	}
	return c.FS.Open(name)
}
