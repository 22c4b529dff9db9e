package lsp_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/benchgen"
)

// BenchmarkDiagnostics measures the refresh the editor sees: from sending
// a change (a relation gains a slug no page has, then loses it) to
// receiving the diagnostics that follow from it, over the protocol, on a
// copy of the atlas and on a generated 10,000-page site read from disk.
func BenchmarkDiagnostics(b *testing.B) {
	b.Run("atlas", func(b *testing.B) {
		dir := b.TempDir()
		if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
			b.Fatal(err)
		}
		benchDiagnostics(b, dir, "content/roles/data-scientist.md")
	})
	b.Run("10k", func(b *testing.B) {
		dir := b.TempDir()
		if err := benchgen.Generate(10000, benchgen.ToDir(dir)); err != nil {
			b.Fatal(err)
		}
		names, _ := filepath.Glob(filepath.Join(dir, "content/roles/*.md"))
		for _, n := range names {
			if filepath.Base(n) != "_index.md" {
				rel, _ := filepath.Rel(dir, n)
				benchDiagnostics(b, dir, filepath.ToSlash(rel))
				return
			}
		}
		b.Fatal("no role page")
	})
}

func benchDiagnostics(b *testing.B, dir, name string) {
	s := startIn(b, dir)
	text := s.open(b, name)
	bad := strings.Replace(text, "tools: [", "tools: [no-such-tool, ", 1)
	if bad == text {
		b.Fatalf("%s has no flow list of tools", name)
	}
	uri := s.uri(name)
	// A first round trip, outside the timing, reads the site once.
	s.replaceAll(name, 2, bad)
	s.Diagnostics(uri, func(d []protocol.Diagnostic) bool { return len(d) > 0 })
	s.replaceAll(name, 3, text)
	s.Diagnostics(uri, func(d []protocol.Diagnostic) bool { return len(d) == 0 })
	version := int32(3)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		version++
		if i%2 == 0 {
			s.replaceAll(name, version, bad)
			s.Diagnostics(uri, func(d []protocol.Diagnostic) bool { return len(d) > 0 })
		} else {
			s.replaceAll(name, version, text)
			s.Diagnostics(uri, func(d []protocol.Diagnostic) bool { return len(d) == 0 })
		}
	}
}
