package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/benchgen"
)

// smallDisk mounts a tmpfs of size bytes for the test and returns its
// folder. It needs root; a developer machine that refuses skips, CI fails.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("cannot mount a small file system for the full-disk test: %v: %s", err, out)
		}
		t.Skipf("cannot mount a small file system here (needs root): %v: %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
	return dir
}

// TestFullDiskOnce fills a real disk part-way through a build: room for
// one copy of the site but not two. The build must say so in one line (not
// one per page), leave the first build's output exactly as it was, and
// leave no fresh folder behind.
func TestFullDiskOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a file system: left out of -short runs")
	}
	src := t.TempDir()
	if err := benchgen.Generate(300, benchgen.ToDir(src)); err != nil {
		t.Fatal(err)
	}
	// Measure one copy, then give the disk room for about one and a half.
	probe := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run(t, "build", "--src", src, "--out", probe); code != ExitOK {
		t.Fatal(stderr)
	}
	disk := smallDisk(t, strconv.FormatInt(sizeOf(t, probe)*3/2/1024, 10)+"k")
	out := filepath.Join(disk, "public")
	if code, _, stderr := run(t, "build", "--src", src, "--out", out); code != ExitOK {
		t.Fatalf("the first build does not fit: %s", stderr)
	}
	before := digest(t, out)
	code, _, stderr := run(t, "build", "--src", src, "--out", out)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if code != ExitProblem || len(lines) != 1 || !strings.Contains(stderr, "no space left on device") || !strings.Contains(stderr, "not changed") {
		t.Fatalf("exit code %d and %d lines on stderr, want 1 and one line about the full disk:\n%s", code, len(lines), stderr)
	}
	if after := digest(t, out); !equalMaps(before, after) {
		t.Error("the failed build changed the output")
	}
	if left := freshFolders(t, disk); len(left) > 0 {
		t.Errorf("left on the disk: %v", left)
	}
}

// sizeOf is the bytes the files under dir take on disk.
func sizeOf(t *testing.T, dir string) int64 {
	t.Helper()
	out, err := exec.Command("du", "-sB1", dir).Output()
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.ParseInt(strings.Fields(string(out))[0], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
