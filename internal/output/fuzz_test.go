package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzWrite writes a site holding one file of an arbitrary name. Write must
// either refuse it and leave nothing behind, or write it inside the output
// folder and nowhere else.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{
		"index.html", "a/b/index.html", "../x", "/abs", "a/../../x", `a\..\x`, "", ".", "a//b", "a/./b",
		"..", "a/..", "./a", "a/", "~/x", "$HOME/x", "a\x00b", "%2e%2e/x", "\xff", "con/aux.html",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		parent := t.TempDir()
		out := filepath.Join(parent, "public")
		files := NewFiles()
		_ = files.Add(name, []byte("x"), "fuzz")
		err := Write(out, files)
		var found []string
		_ = filepath.WalkDir(parent, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(parent, p)
				found = append(found, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			if len(found) > 0 {
				t.Fatalf("Write(%q) failed (%v) but left %v", name, err, found)
			}
			if entries, _ := os.ReadDir(parent); len(entries) > 0 {
				t.Fatalf("Write(%q) failed (%v) but left %v", name, err, entries)
			}
			return
		}
		if len(found) != 1 || found[0] != "public/"+name || strings.Contains(name, `\`) {
			t.Fatalf("Write(%q) wrote %v", name, found)
		}
	})
}
