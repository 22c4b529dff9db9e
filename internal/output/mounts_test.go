package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/sys/unix"
)

// TestEmptyFoldersKept: a folder of the user's that holds nothing, or only
// empty folders, is kept as their files are, in a folder rolesite wrote
// before and in one it did not, with its mode; a folder the old build
// filled and the new one does not write is not.
func TestEmptyFoldersKept(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, d := range []string{"uploads/2024", "docs", "private"} {
		if err := os.MkdirAll(filepath.Join(out, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	_ = os.Chmod(filepath.Join(out, "private"), 0o700)
	_ = os.WriteFile(filepath.Join(out, "docs", "a.txt"), []byte("x"), 0o644)
	for _, files := range []map[string]string{{"index.html": "1", "old/index.html": "o"}, {"index.html": "2"}} {
		rep, err := Publish(out, sample(t, files), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{"uploads/2024", "private"} {
			if info, err := os.Stat(filepath.Join(out, d)); err != nil || !info.IsDir() {
				t.Errorf("%s was not kept: %v", d, err)
			}
			if !slices.Contains(rep.Kept, d+"/") {
				t.Errorf("kept = %v, lacks %s/", rep.Kept, d)
			}
		}
		if info, err := os.Stat(filepath.Join(out, "private")); err == nil && info.Mode().Perm() != 0o700 {
			t.Errorf("private's mode = %v", info.Mode().Perm())
		}
	}
	if _, err := os.Stat(filepath.Join(out, "old")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("old/, which only the first build filled, is still there: %v", err)
	}
}

// TestMountInsideOutputRefused: a volume mounted inside the output folder
// is refused before anything is written, and its files stay. Mounting
// needs root; elsewhere the test says so and skips.
func TestMountInsideOutputRefused(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	media := filepath.Join(out, "media")
	if err := os.MkdirAll(media, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mount("none", media, "tmpfs", 0, "size=1m"); err != nil {
		t.Skipf("cannot mount a tmpfs to test with (%v): run as root", err)
	}
	t.Cleanup(func() { _ = unix.Unmount(media, unix.MNT_DETACH) })
	_ = os.WriteFile(filepath.Join(media, "photo.jpg"), []byte("x"), 0o644)
	for _, opts := range []Options{{}, {Clean: true, Force: true}} {
		_, err := Publish(out, sample(t, map[string]string{"index.html": "1"}), opts)
		var me *MountError
		if !errors.As(err, &me) || me.Mount != media {
			t.Errorf("%+v: Publish = %v, want a MountError at %s", opts, err, media)
		}
		if data, err := os.ReadFile(filepath.Join(media, "photo.jpg")); err != nil || string(data) != "x" {
			t.Errorf("%+v: the mounted volume lost its file: %v", opts, err)
		}
	}
	// The output folder itself a mount point.
	_, err := Publish(media, sample(t, map[string]string{"index.html": "1"}), Options{})
	var me *MountError
	if !errors.As(err, &me) || me.Mount != media {
		t.Errorf("Publish into a mount point = %v, want a MountError", err)
	}
}
