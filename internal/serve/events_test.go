package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rolesite/rolesite/internal/diag"
)

const waitLimit = 5 * time.Second

type sse struct{ name, data string }

// stream is one live-reload connection read by a test.
type stream struct {
	t      *testing.T
	events chan sse // closed at the end of the stream
}

// openStream connects to the events path and reads events in the
// background until the stream ends or the test does.
func openStream(t *testing.T, client *http.Client, url string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream; charset=utf-8" {
		resp.Body.Close()
		t.Fatalf("events: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("events: Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
	s := &stream{t: t, events: make(chan sse, 256)}
	go func() {
		defer close(s.events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 0, 4096), 1<<20)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					select {
					case s.events <- ev:
					case <-ctx.Done():
						return
					}
				}
				ev = sse{}
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			}
		}
	}()
	return s
}

// next returns the next event.
func (s *stream) next() sse {
	s.t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			s.t.Fatal("stream ended")
		}
		return ev
	case <-time.After(waitLimit):
		s.t.Fatalf("no event within %v", waitLimit)
	}
	return sse{}
}

// expect checks that the next event has the given name and returns its data.
func (s *stream) expect(name string) string {
	s.t.Helper()
	ev := s.next()
	if ev.name != name {
		s.t.Fatalf("event %q (%s), want %q", ev.name, ev.data, name)
	}
	return ev.data
}

// ends checks that the stream ends, ignoring events still in flight.
func (s *stream) ends() {
	s.t.Helper()
	deadline := time.After(waitLimit)
	for {
		select {
		case _, ok := <-s.events:
			if !ok {
				return
			}
		case <-deadline:
			s.t.Fatalf("stream still open after %v", waitLimit)
		}
	}
}

func newTestServer(t *testing.T, s *Server) *httptest.Server {
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		s.Close()
		ts.Close()
	})
	return ts
}

var someProblems = []diag.Diagnostic{
	{Path: "content/roles/a.md", Line: 3, Col: 8, Message: `tools: no page "pyhton" in section tools (did you mean python?)`, Source: "tools: [pyhton]"},
	{Path: "content/x.md", Message: "<script>alert(1)</script> & \"quotes\"\nsecond line"},
}

func TestOneEventPerPublish(t *testing.T) {
	s := New(Options{})
	ts := newTestServer(t, s)
	st := openStream(t, ts.Client(), ts.URL+"/__rolesite/events")
	hello := st.expect("hello")

	s.Publish(testSite(), nil)
	tok1 := st.expect("reload")
	s.Publish(testSite(), []string{"css/site.css", "css/print.CSS"})
	tok2 := st.expect("css")
	s.Publish(testSite(), []string{"roles/a/index.html", "index.html"})
	tok3 := st.expect("update")
	s.Publish(testSite(), []string{"index.html", "js/search.js"})
	st.expect("reload")
	s.Publish(testSite(), []string{"css/site.css", "index.html"})
	st.expect("reload")
	s.Publish(testSite(), []string{})
	st.expect("reload")
	if hello == tok1 || tok1 == tok2 || tok2 == tok3 {
		t.Errorf("tokens %q %q %q %q: every Publish must make a new one", hello, tok1, tok2, tok3)
	}

	// A failure shows problems; the next Publish reloads even if only CSS
	// changed, which removes the overlay.
	s.Fail(someProblems)
	data := st.expect("problems")
	s.Publish(testSite(), []string{"css/site.css"})
	st.expect("reload")

	var got []problem
	if err := json.Unmarshal([]byte(data), &got); err != nil {
		t.Fatalf("problems data %q: %v", data, err)
	}
	want := []problem{
		{Path: "content/roles/a.md", Line: 3, Col: 8, Message: someProblems[0].Message, Source: "tools: [pyhton]"},
		{Path: "content/x.md", Line: 1, Col: 1, Message: someProblems[1].Message}, // a whole file placed at its start
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("problems %+v, want %+v", got, want)
	}

	// Fail with no problems clears the overlay without a reload.
	s.Fail(someProblems)
	st.expect("problems")
	s.Fail(nil)
	st.expect("ok")
}

func TestFirstPublishAlwaysReloads(t *testing.T) {
	s := New(Options{})
	ts := newTestServer(t, s)
	st := openStream(t, ts.Client(), ts.URL+"/__rolesite/events")
	st.expect("hello")
	s.Publish(testSite(), []string{"css/site.css"})
	st.expect("reload")
}

func TestProblemsSentOnConnectWhileFailing(t *testing.T) {
	s := New(Options{BasePath: "/atlas/"})
	ts := newTestServer(t, s)
	s.Publish(testSite(), nil)
	s.Fail(someProblems[:1])

	st := openStream(t, ts.Client(), ts.URL+"/atlas/__rolesite/events")
	if got := st.expect("hello"); got != s.live.current().token {
		t.Errorf("hello %q, want the current token %q", got, s.live.current().token)
	}
	if data := st.expect("problems"); !strings.Contains(data, "pyhton") {
		t.Errorf("problems %q", data)
	}
	// The last good site is still served meanwhile.
	resp := get(t, s.Handler(), "GET", "/atlas/")
	if b := body(t, resp); resp.StatusCode != 200 || !strings.Contains(b, "<h1>Home</h1>") {
		t.Errorf("while failing: %d %q, want the last good site", resp.StatusCode, b)
	}
	s.Publish(testSite(), nil)
	st.expect("reload")
	// A page opened now gets no problems.
	st2 := openStream(t, ts.Client(), ts.URL+"/atlas/__rolesite/events")
	st2.expect("hello")
	s.Publish(testSite(), nil)
	st2.expect("reload")
}

func TestProblemsPageBeforeFirstPublish(t *testing.T) {
	s := New(Options{})
	s.Fail(someProblems)
	resp := get(t, s.Handler(), "GET", "/roles/")
	b := body(t, resp)
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", resp.StatusCode)
	}
	for _, want := range []string{
		`content/roles/a.md:3:8: tools: no page &#34;pyhton&#34; in section tools (did you mean python?)`,
		`<pre class="rolesite-src">tools: [pyhton]</pre>`,
		`content/x.md:1:1: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;`,
	} {
		if !strings.Contains(b, want) {
			t.Errorf("page lacks %q:\n%s", want, b)
		}
	}
	if strings.Contains(b, "<script>alert") {
		t.Error("problem text is not escaped")
	}
	if n := len(tagPattern.FindAllString(b, -1)); n != 1 {
		t.Errorf("%d live.js tags on the problems page, want 1", n)
	}
	if resp.Header.Get("Content-Security-Policy") != ContentSecurityPolicy {
		t.Error("no CSP on the problems page")
	}
	if strings.Contains(b, "style=") || strings.Contains(b, "<style") || strings.Contains(strings.ReplaceAll(b, tagPattern.FindString(b), ""), "<script") {
		t.Error("inline style or script on the problems page breaks the CSP")
	}
	s.Publish(testSite(), nil)
	if resp := get(t, s.Handler(), "GET", "/roles/"); resp.StatusCode != 200 {
		t.Errorf("after Publish: %d", resp.StatusCode)
	}
}

func TestCloseEndsStreams(t *testing.T) {
	s := New(Options{})
	ts := newTestServer(t, s)
	streams := make([]*stream, 3)
	for i := range streams {
		streams[i] = openStream(t, ts.Client(), ts.URL+"/__rolesite/events")
		streams[i].expect("hello")
	}
	s.Close()
	for _, st := range streams {
		st.ends()
	}
	resp, err := ts.Client().Get(ts.URL + "/__rolesite/events")
	if err != nil {
		t.Fatal(err)
	}
	body(t, resp)
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("events after Close: %d, want 503", resp.StatusCode)
	}
	// Pages are still served, and Publish still works, without streams.
	s.Publish(testSite(), nil)
	if resp := get(t, s.Handler(), "GET", "/"); resp.StatusCode != 200 {
		t.Errorf("GET / after Close: %d", resp.StatusCode)
	}
}
