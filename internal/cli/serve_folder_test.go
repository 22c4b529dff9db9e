package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const goneMessage = "is gone (renamed or deleted): serving the last good site"

// TestServeSiteFolderRenamedAndBack renames the site folder away while
// serve runs: serve must say so once, naming the folder, show that one
// message over open pages, keep serving the last good site, print no
// per-file errors, and, once the folder is renamed back, rebuild on edits
// again.
func TestServeSiteFolderRenamedAndBack(t *testing.T) {
	src := writeSite(t, goodSite)
	url, stderr := devServer(t, src)
	page := url + "roles/analyst/"
	edit := func(dir, text string) {
		t.Helper()
		data := strings.Replace(goodSite["content/roles/analyst.md"], "Uses [SQL]", text+" Uses [SQL]", 1)
		if err := os.WriteFile(filepath.Join(dir, "content", "roles", "analyst.md"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(src, "Last good.")
	eventually(t, "the first edit to be served", func() bool { _, b := get(t, page); return strings.Contains(b, "Last good.") })

	moved := src + "-moved"
	if err := os.Rename(src, moved); err != nil {
		t.Fatal(err)
	}
	eventually(t, "serve to say the folder is gone", func() bool { return strings.Contains(stderr.String(), goneMessage) })
	if !strings.Contains(stderr.String(), "rolesite serve: the site folder "+src+" "+goneMessage) {
		t.Errorf("the message does not name the folder %s:\n%s", src, stderr.String())
	}
	problems := problemsEvent(t, url)
	if !strings.Contains(problems, goneMessage) || strings.Count(problems, `"message"`) != 1 {
		t.Errorf("open pages are shown %s, want the one message about the folder", problems)
	}
	// Edits in the moved folder are not the site's: nothing is rebuilt.
	edit(moved, "In the moved folder.")
	if code, b := get(t, page); code != 200 || !strings.Contains(b, "Last good.") {
		t.Errorf("while the folder is gone: %d, want the last good page", code)
	}

	if err := os.Rename(moved, src); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the site to be rebuilt from the folder back in place", func() bool {
		_, b := get(t, page)
		return strings.Contains(b, "In the moved folder.")
	})
	edit(src, "Edited after the return.")
	eventually(t, "an edit after the return to be served", func() bool {
		_, b := get(t, page)
		return strings.Contains(b, "Edited after the return.")
	})
	out := stderr.String()
	if n := strings.Count(out, goneMessage); n != 1 {
		t.Errorf("the folder was said gone %d times:\n%s", n, out)
	}
	for _, noise := range []string{"no such", "watch:", "problem"} {
		if strings.Contains(out, noise) {
			t.Errorf("stderr holds %q:\n%s", noise, out)
		}
	}
}

// TestServeSiteFolderDeletedAndRecreated deletes the site folder and makes
// a new one at the same path, as a checkout does: serve keeps the last good
// site meanwhile, then builds and watches the new folder.
func TestServeSiteFolderDeletedAndRecreated(t *testing.T) {
	src := writeSite(t, goodSite)
	url, stderr := devServer(t, src)
	page := url + "roles/analyst/"
	if code, _ := get(t, page); code != 200 {
		t.Fatalf("first page: %d", code)
	}
	if err := os.RemoveAll(src); err != nil {
		t.Fatal(err)
	}
	eventually(t, "serve to say the folder is gone", func() bool { return strings.Contains(stderr.String(), goneMessage) })
	if code, b := get(t, page); code != 200 || !strings.Contains(b, "Analyst") {
		t.Errorf("while the folder is gone: %d, want the last good page", code)
	}

	files := map[string]string{}
	for k, v := range goodSite {
		files[k] = v
	}
	files["content/roles/analyst.md"] = strings.Replace(goodSite["content/roles/analyst.md"], "Uses [SQL]", "Recreated. Uses [SQL]", 1)
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, "the recreated folder to be served", func() bool { _, b := get(t, page); return strings.Contains(b, "Recreated.") })
	// The new folder is watched.
	if err := os.WriteFile(filepath.Join(src, "content", "tools", "python.md"), []byte("---\ntitle: Python\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a new page in the recreated folder", func() bool { c, _ := get(t, url+"tools/python/"); return c == 200 })
	if n := strings.Count(stderr.String(), goneMessage); n != 1 {
		t.Errorf("the folder was said gone %d times:\n%s", n, stderr.String())
	}
}

// problemsEvent connects to the live-reload stream and returns the data of
// the first "problems" event, which a new connection gets while a build
// failed.
func problemsEvent(t *testing.T, url string) string {
	t.Helper()
	events := liveEvents(t, url, "")
	for {
		select {
		case ev := <-events:
			if ev[0] == "problems" {
				return ev[1]
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no problems event within 10 s")
			return ""
		}
	}
}
