//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// tryLock takes an exclusive lock on the folder dir without waiting. It
// reports false when another process (or another Stream) holds it; the
// lock lasts until unlock is called or the process ends.
func tryLock(dir string) (unlock func(), ok bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, false
	}
	return func() { f.Close() }, true
}
