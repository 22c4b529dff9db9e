package watch

import (
	"strconv"
	"strings"

	"github.com/rolesite/rolesite/internal/sitefiles"
)

// ignoredPath reports whether a slash path relative to the site root names a
// file or folder the watcher must not report: any element of it that is a
// dot-file or dot-folder, or an editor's temporary, swap or backup file.
func ignoredPath(rel string) bool {
	for elem := range strings.SplitSeq(rel, "/") {
		if ignoredName(elem) {
			return true
		}
	}
	return false
}

// ignoredName reports whether one file or folder name is noise.
//
// The names come from what editors and atomic writers actually create next
// to the file they save:
//
//	.*                  dot-files and dot-folders (but those static hosts
//	                    read, sitefiles.HostDotName): .git, .DS_Store, vim's
//	                    .x.md.swp, emacs's .#x.md lock, Sublime's .subl123.tmp,
//	                    gedit's .goutputstream-ABC123, LibreOffice's .~lock.x#
//	4913, 5036, ...     vim's probe for a writable folder (4913 + 123n)
//	*~                  vim, emacs and Kate backups
//	#*#                 emacs auto-save
//	*.swp *.swo *.swn *.swx  vim swap files kept outside their dot name
//	*___jb_tmp___ *___jb_old___  JetBrains "safe write"
//	*.vsctmp            VS Code's atomic write
//	*.kate-swp          Kate swap
//	*.crswap            Chromium's File System Access staging file
//	*.tmp *.tmp.<digits>  generic temporary files (editors, tools, downloads)
//
// Temporary names not listed here are still harmless: a file that appears and
// vanishes within one burst is never reported (see tree.go).
func ignoredName(name string) bool {
	if name == "" {
		return false
	}
	if name[0] == '.' && !sitefiles.HostDotName(name) || strings.HasSuffix(name, "~") {
		return true
	}
	if len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#' {
		return true
	}
	if isVimProbe(name) {
		return true
	}
	for _, suffix := range [...]string{
		".swp", ".swo", ".swn", ".swx",
		"___jb_tmp___", "___jb_old___",
		".vsctmp",
		".kate-swp",
		".crswap",
		".tmp",
	} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	// name.tmp.1234, as written by tools that add a counter or a process id.
	if i := strings.LastIndex(name, ".tmp."); i >= 0 && allDigits(name[i+len(".tmp."):]) {
		return true
	}
	return false
}

// isVimProbe reports whether name is one vim creates to test that it can
// write in a folder: "4913", or 4913 plus a multiple of 123 when that name is
// taken.
func isVimProbe(name string) bool {
	if !allDigits(name) || len(name) > 9 {
		return false
	}
	n, err := strconv.Atoi(name)
	return err == nil && n >= 4913 && (n-4913)%123 == 0
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
