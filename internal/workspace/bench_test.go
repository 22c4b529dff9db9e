package workspace

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/overlayfs"
)

// BenchmarkRefresh measures what a keystroke costs the language server:
// an open buffer changes (a relation gains a slug no page has, then loses
// it) and the site, with the buffer laid over it, is analysed again,
// told which file changed, every problem found (the atlas from disk, the 10k
// site from memory). It is the diagnostic refresh
// latency the language server promises: 100 ms on the atlas, 500 ms on
// 10,000 pages.
func BenchmarkRefresh(b *testing.B) {
	b.Run("atlas", func(b *testing.B) { benchRefresh(b, os.DirFS("../.."), "content/roles/data-scientist.md") })
	b.Run("10k", func(b *testing.B) {
		// In memory: the server reads the folder once and then only the
		// files its watcher says changed.
		fsys, err := benchgen.MapFS(10000)
		if err != nil {
			b.Fatal(err)
		}
		names, _ := contentFiles(fsys)
		for _, n := range names {
			if strings.HasPrefix(n, "content/roles/") && !strings.HasSuffix(n, "_index.md") {
				benchRefresh(b, fsys, n)
				return
			}
		}
		b.Fatal("no role page")
	})
}

func benchRefresh(b *testing.B, base fs.FS, name string) {
	data, err := fs.ReadFile(base, name)
	if err != nil {
		b.Fatal(err)
	}
	bad := []byte(strings.Replace(string(data), "tools: [", "tools: [no-such-tool, ", 1))
	if string(bad) == string(data) {
		b.Fatalf("%s has no flow list of tools to break", name)
	}
	a := New(Options{})
	a.Analyze(context.Background(), base)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := data
		if i%2 == 0 {
			text = bad
		}
		snap := a.Update(context.Background(), overlayfs.New(base, map[string][]byte{name: text}), []string{name})
		if got := len(snap.Diagnostics) > 0; got != (i%2 == 0) {
			b.Fatalf("edit %d: problems %v", i, snap.Diagnostics)
		}
	}
}
