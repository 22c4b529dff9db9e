package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeReadsNothingOutsideTheSite: links out of the site added while
// serve runs — in static/ and as a page — are refused as build does:
// the problem names the link, the overlay's problems carry no line of the
// target, and the target is never served.
func TestServeReadsNothingOutsideTheSite(t *testing.T) {
	const secret = "SECRET-7f3a9c"
	top := t.TempDir()
	outside := filepath.Join(top, "secrets")
	writeFileAt(t, filepath.Join(outside, "key.txt"), secret+"\n")
	writeFileAt(t, filepath.Join(outside, "page.md"), "---\ntitle: "+secret+"\nsummary: [unclosed "+secret+"\n---\n"+secret+"\n")
	src := writeSite(t, goodSite)
	url, stdout, stderr := serveLogged(t, src)
	if code, _ := get(t, url+"roles/analyst/"); code != 200 {
		t.Fatal("the site is not served")
	}
	mkdir(t, filepath.Join(src, "static"))
	mustLink(t, filepath.Join(outside, "key.txt"), filepath.Join(src, "static", "key.txt"))
	mustLink(t, "/proc/self/environ", filepath.Join(src, "static", "env.txt"))
	mustLink(t, filepath.Join(outside, "page.md"), filepath.Join(src, "content", "roles", "leak.md"))
	// The links may come in one batch or several (a busy machine): wait
	// for each to be reported, and say what serve said if one is not.
	links := []string{"static/key.txt:1:1", "static/env.txt:1:1", "content/roles/leak.md:1:1"}
	reported := func() bool {
		for _, link := range links {
			if !strings.Contains(stderr.String(), link+": points outside the site") {
				return false
			}
		}
		return true
	}
	if !within(30*time.Second, reported) {
		t.Fatalf("not every link was reported as pointing outside the site within 30 s:\nstderr:\n%s\nstdout:\n%s", stderr.String(), stdout.String())
	}
	if ev := problemsEvent(t, url); !strings.Contains(ev, "points outside the site") || strings.Contains(ev, secret) {
		t.Errorf("the overlay's problems: %s", ev)
	}
	for _, path := range []string{"key.txt", "env.txt", "roles/leak/"} {
		if code, body := get(t, url+path); code == 200 || strings.Contains(body, secret) || strings.Contains(body, "PATH=") {
			t.Errorf("%s is served: %d", path, code)
		}
	}
	if strings.Contains(stderr.String(), secret) {
		t.Errorf("serve printed what a link points to:\n%s", stderr.String())
	}
	// Removing the links brings the site back.
	for _, p := range []string{"static/key.txt", "static/env.txt", "content/roles/leak.md"} {
		if err := os.Remove(filepath.Join(src, filepath.FromSlash(p))); err != nil {
			t.Fatal(err)
		}
	}
	// and an edit shows only if the build succeeds (a failed one keeps the
	// last good site).
	edit := strings.Replace(goodSite["content/roles/analyst.md"], "Uses [SQL]", "Back again. Uses [SQL]", 1)
	writeFileAt(t, filepath.Join(src, "content", "roles", "analyst.md"), edit)
	eventually(t, "the site to build again", func() bool {
		_, body := get(t, url+"roles/analyst/")
		return strings.Contains(body, "Back again.")
	})
}
