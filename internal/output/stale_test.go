package output

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// leftovers lists the fresh folders beside out.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix(filepath.Base(out))) {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestStaleFoldersRemoved: a build that was killed leaves its fresh folder
// beside the output; the next build removes it, and keeps the folder of a
// build that is still running.
func TestStaleFoldersRemoved(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, sample(t, map[string]string{"index.html": "1"})); err != nil {
		t.Fatal(err)
	}
	dead := filepath.Join(filepath.Dir(out), tmpPrefix("public")+"123")
	if err := os.MkdirAll(filepath.Join(dead, "roles", "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(filepath.Join(dead, "roles", "a", "index.html"), []byte("half"), 0o644)
	other := filepath.Join(filepath.Dir(out), ".other.tmp-1") // another output's: not ours to touch
	_ = os.Mkdir(other, 0o755)

	// Force: the Write below leaves no manifest, so its index.html would
	// count as the user's; ownership is not what this test is about.
	running, err := NewStream(out, Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := running.Write("index.html", []byte("running")); err != nil {
		t.Fatal(err)
	}
	if got := leftovers(t, out); len(got) != 1 || got[0] != filepath.Base(running.tmp) {
		t.Fatalf("after starting a build, beside the output: %v; want only %s", got, filepath.Base(running.tmp))
	}
	if err := Write(out, sample(t, map[string]string{"index.html": "2"})); err != nil {
		t.Fatal(err)
	}
	if got := leftovers(t, out); len(got) != 1 || got[0] != filepath.Base(running.tmp) {
		t.Fatalf("a second build removed the running build's folder: %v", got)
	}
	if _, err := running.Commit(); err != nil {
		t.Fatalf("the running build could not commit: %v", err)
	}
	if got := tree(t, out); got["index.html"] != "running" {
		t.Errorf("output = %v", got)
	}
	if got := leftovers(t, out); len(got) != 0 {
		t.Errorf("left beside the output: %v", got)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another output's folder was removed: %v", err)
	}
}

// TestStaleOldFolderRestored: where two folders cannot be exchanged at
// once, swap moves the output aside to "….old" and then moves the new one
// in. A build killed between the two leaves no output folder; the next
// build puts the old one back before anything else, so even when that build
// fails, the previous site is there.
func TestStaleOldFolderRestored(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, sample(t, map[string]string{"index.html": "previous", "a/index.html": "a"})); err != nil {
		t.Fatal(err)
	}
	aside := filepath.Join(filepath.Dir(out), tmpPrefix("public")+"9.old")
	if err := os.Rename(out, aside); err != nil {
		t.Fatal(err)
	}
	err := write(out, sample(t, map[string]string{"index.html": "new", "b/index.html": "b"}), &faulty{n: 1, err: syscall.EIO})
	if err == nil {
		t.Fatal("the faulty write succeeded")
	}
	if got := tree(t, out); len(got) != 2 || got["index.html"] != "previous" || got["a/index.html"] != "a" {
		t.Errorf("output = %v", got)
	}
	if got := leftovers(t, out); len(got) != 0 {
		t.Errorf("left beside the output: %v", got)
	}
}
