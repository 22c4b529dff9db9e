package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A build writes into a fresh folder ".<name>.tmp-*" beside the output and
// holds a lock on it until it commits or aborts. A build that is killed
// leaves its folder behind, unlocked: the next build to the same output
// removes it (see removeStale). The lock, not the folder's age, tells a
// dead build's folder from a running one's, and the kernel drops it when a
// process dies, however it dies.

// tmpPrefix is the start of the names of the fresh folders for output base.
func tmpPrefix(base string) string { return "." + base + ".tmp-" }

// removeStale removes the fresh folders beside dir that no running build
// holds. One that holds the previous output (a "….old" folder, which swap
// makes where the platform cannot exchange two folders at once) is put back
// in place when dir is missing, as it is when a build died between the two
// renames, and removed otherwise. Problems are ignored: what cannot be
// removed now is tried again by the next build.
func removeStale(parent, base, dir string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tmpPrefix(base)) {
			continue
		}
		stale := filepath.Join(parent, e.Name())
		unlock, ok := tryLock(stale)
		if !ok {
			continue // a build is writing it
		}
		if _, err := os.Lstat(dir); strings.HasSuffix(e.Name(), ".old") && errors.Is(err, fs.ErrNotExist) {
			_ = os.Rename(stale, dir)
		} else {
			_ = forceRemove(stale)
		}
		unlock()
	}
}
