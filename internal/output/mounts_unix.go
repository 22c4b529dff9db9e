//go:build unix

package output

import (
	"io/fs"
	"syscall"
)

// sameDevice reports whether two files are on one device (file system).
func sameDevice(a, b fs.FileInfo) bool {
	sa, okA := a.Sys().(*syscall.Stat_t)
	sb, okB := b.Sys().(*syscall.Stat_t)
	return !okA || !okB || sa.Dev == sb.Dev
}
