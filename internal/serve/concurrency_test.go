package serve

import (
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// TestRequestsDuringPublishSeeOneWholeSite hammers the server with requests
// while sites are published in turn; every response must be wholly from one
// site, including the index and 404 pages it resolved through.
func TestRequestsDuringPublishSeeOneWholeSite(t *testing.T) {
	mk := func(v string) map[string]string {
		big := strings.Repeat("<p>"+v+" paragraph</p>\n", 2000)
		return map[string]string{
			"index.html":         "<html><body>" + v + big + "</body></html>",
			"roles/index.html":   "<html><body>roles " + v + big + "</body></html>",
			"404.html":           "<html><body>missing " + v + "</body></html>",
			"css/site.css":       "body{content:'" + v + "'}",
			"only-" + v + ".txt": v,
		}
	}
	versions := []map[string]string{mk("AAAA"), mk("BBBB")}
	published := make([]fstest.MapFS, len(versions))
	for i, v := range versions {
		published[i] = fstest.MapFS{}
		for name, data := range v {
			published[i][name] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	s := New(Options{})
	s.Publish(published[0], nil)

	targets := []string{"/", "/roles/", "/roles", "/css/site.css", "/missing", "/only-AAAA.txt", "/only-BBBB.txt"}
	// valid reports whether a response is a complete answer from version v.
	valid := func(v map[string]string, target string, status int, b string) bool {
		switch target {
		case "/":
			return status == 200 && stripTag(b) == v["index.html"]
		case "/roles/":
			return status == 200 && stripTag(b) == v["roles/index.html"]
		case "/roles":
			return status == 302
		case "/css/site.css":
			return status == 200 && b == v["css/site.css"]
		default:
			name := strings.TrimPrefix(target, "/")
			if want, ok := v[name]; ok {
				return status == 200 && b == want
			}
			return status == 404 && stripTag(b) == v["404.html"]
		}
	}

	// Four readers make 400 requests each while the two sites are published
	// in turn, as fast as possible, until the readers are done.
	done := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var bad []string
	for w := range 4 {
		wg.Go(func() {
			for i := range 400 {
				target := targets[(w+i)%len(targets)]
				rec := httptest.NewRecorder()
				s.Handler().ServeHTTP(rec, localRequest("GET", target))
				b := rec.Body.String()
				if !valid(versions[0], target, rec.Code, b) && !valid(versions[1], target, rec.Code, b) {
					mu.Lock()
					bad = append(bad, target)
					mu.Unlock()
				}
			}
		})
	}
	go func() { wg.Wait(); close(done) }()
	swaps := 0
	for running := true; running; swaps++ {
		select {
		case <-done:
			running = false
		default:
			s.Publish(published[swaps%2], nil)
			runtime.Gosched()
		}
	}
	t.Logf("%d publishes during %d requests", swaps, 4*400)
	if len(bad) > 0 {
		t.Fatalf("%d responses were not wholly one site, first for %s", len(bad), bad[0])
	}
}

// TestManyClientsManyPublishes holds 200 live-reload connections open while
// 100 sites are published, then closes the server: every stream ends, memory
// stays bounded and the goroutine count returns to where it started.
func TestManyClientsManyPublishes(t *testing.T) {
	const clients, publishes = 200, 100
	baseGoroutines := runtime.NumGoroutine()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	s := New(Options{})
	ts := httptest.NewServer(s.Handler())
	transport := &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: transport}

	streams := openStreams(t, s, client, ts.URL+"/__rolesite/events", clients)
	publishPaced(t, s, streams, publishes)
	if n := s.live.count(); n != clients {
		t.Fatalf("%d connections left after paced publishes, want %d", n, clients)
	}
	publishFlood(t, s, streams, publishes)

	var during runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&during)
	if grow := int64(during.HeapAlloc) - int64(before.HeapAlloc); grow > 64<<20 {
		t.Errorf("heap grew by %d MiB with %d clients", grow>>20, clients)
	}

	s.Close()
	for _, st := range streams {
		st.ends()
	}
	ts.Close()
	transport.CloseIdleConnections()
	waitForGoroutines(t, baseGoroutines)
}

// openStreams opens n live-reload connections to url and requires each to
// be greeted and registered.
func openStreams(t *testing.T, s *Server, client *http.Client, url string, n int) []*stream {
	t.Helper()
	streams := make([]*stream, n)
	for i := range streams {
		streams[i] = openStream(t, client, url)
	}
	for _, st := range streams {
		st.expect("hello")
	}
	if got := s.live.count(); got != n {
		t.Fatalf("%d connections registered, want %d", got, n)
	}
	return streams
}

// publishPaced publishes n sites at the pace of rebuilds: every client sees
// every publish, in order.
func publishPaced(t *testing.T, s *Server, streams []*stream, n int) {
	t.Helper()
	for i := range n {
		s.Publish(testSite(), nil)
		want := s.live.current().token
		for _, st := range streams {
			if got := st.expect("reload"); got != want {
				t.Fatalf("publish %d: reload %q, want %q", i, got, want)
			}
		}
	}
}

// publishFlood publishes n sites faster than any client can follow: Publish
// still never waits, and clients either keep up or are dropped, and a
// dropped stream ends.
func publishFlood(t *testing.T, s *Server, streams []*stream, n int) {
	t.Helper()
	start := time.Now()
	for range n {
		s.Publish(testSite(), nil)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("%d Publishes took %v: Publish must not wait for clients", n, d)
	}
	for _, st := range streams {
		for range n {
			ev, ok := <-st.events
			if !ok {
				break // dropped for falling behind
			}
			if ev.name != "reload" {
				t.Fatalf("event %q, want reload", ev.name)
			}
		}
	}
}

// waitForGoroutines waits, up to waitLimit, for the goroutine count to fall
// back to base, and fails with every goroutine's stack if it does not.
func waitForGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		n := runtime.NumGoroutine()
		if n <= base {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines after Close, %d before:\n%s", n, base, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond) // polling the count; nothing to wait on
	}
}
