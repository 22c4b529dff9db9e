package cli

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServePreviewsTheOpenPage: serve hands the build its dev server, so
// that a page open on a file the edit changes gets a preview of it before
// the rebuild is published, with the bytes the rebuild then serves, and a
// page on another file gets none.
func TestServePreviewsTheOpenPage(t *testing.T) {
	src := writeSite(t, goodSite)
	url, _ := devServer(t, src)
	open := liveEvents(t, url, "/roles/analyst/")
	other := liveEvents(t, url, "/no-such-page/")
	for _, s := range []<-chan [2]string{open, other} {
		nextEvent(t, s, "hello")
	}
	edited := strings.Replace(goodSite["content/roles/analyst.md"], "title: Analyst", "title: Lead Analyst", 1)
	if err := os.WriteFile(filepath.Join(src, "content", "roles", "analyst.md"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	n := nextEvent(t, open, "preview")
	nextEvent(t, open, "update")
	nextEvent(t, other, "update") // the first event after hello: no preview
	_, preview := get(t, url+"__rolesite/preview/"+n)
	_, served := get(t, url+"roles/analyst/")
	if !strings.Contains(preview, "Lead Analyst") || preview != served {
		t.Errorf("the preview is not the page served after the rebuild:\npreview:\n%s\nserved:\n%s", preview, served)
	}
}

// liveEvents opens a live-reload stream as a page at path does, and
// returns its events as (name, data) until the test ends.
func liveEvents(t *testing.T, url, path string) <-chan [2]string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", url+"__rolesite/events?page="+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan [2]string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var name string
		for sc.Scan() {
			line := sc.Text()
			if v, ok := strings.CutPrefix(line, "event: "); ok {
				name = v
			} else if v, ok := strings.CutPrefix(line, "data: "); ok && name != "" {
				select {
				case events <- [2]string{name, v}:
				case <-ctx.Done():
					return
				}
				name = ""
			}
		}
	}()
	return events
}

// nextEvent returns the data of the stream's next event, which must be
// named name.
func nextEvent(t *testing.T, events <-chan [2]string, name string) string {
	t.Helper()
	select {
	case ev := <-events:
		if ev[0] != name {
			t.Fatalf("event %q (%s), want %q", ev[0], ev[1], name)
		}
		return ev[1]
	case <-time.After(30 * time.Second):
		t.Fatalf("no %q event within 30 s", name)
	}
	return ""
}
