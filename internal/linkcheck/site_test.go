package linkcheck_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/linkcheck"
)

// A file of a built site.
type file struct {
	name string
	data []byte
}

// builtSite builds a generated site of n pages in memory.
func builtSite(tb testing.TB, n int, opts build.Options) []file {
	tb.Helper()
	src, err := benchgen.MapFS(n)
	if err != nil {
		tb.Fatal(err)
	}
	res := build.Build(context.Background(), src, rolesite.Theme(), opts)
	if !res.OK() {
		tb.Fatal(res.Diagnostics)
	}
	var files []file
	for _, name := range res.Files.Names() {
		data, _ := res.Files.Get(name)
		files = append(files, file{name, data})
	}
	return files
}

// TestScanSiteMatchesReference holds the scanner to the reference on
// every page of built sites, minified and not.
func TestScanSiteMatchesReference(t *testing.T) {
	for _, minify := range []bool{false, true} {
		files := builtSite(t, 150, build.Options{Minify: minify})
		pages := 0
		for _, f := range files {
			if !strings.HasSuffix(f.name, ".html") {
				continue
			}
			pages++
			if d := linkcheck.ScanDiff(f.data); d != "" {
				t.Errorf("minify=%v, %s:\n%s", minify, f.name, d)
			}
		}
		if pages < 150 {
			t.Errorf("minify=%v: only %d pages", minify, pages)
		}
	}
}

// site1k is the minified output of a generated 1,000-page site (~12 KB of
// HTML a page), and its size.
func site1k(b *testing.B) ([]file, int64) {
	files := builtSite(b, 1000, build.Options{Minify: true})
	var size int64
	for _, f := range files {
		size += int64(len(f.data))
	}
	return files, size
}

// BenchmarkAdd feeds every file of a built 1,000-page site to a Checker.
//
//	go test ./internal/linkcheck -run '^$' -bench Add -benchmem
func BenchmarkAdd(b *testing.B) {
	files, size := site1k(b)
	b.SetBytes(size)
	for b.Loop() {
		c := linkcheck.NewChecker("/", "")
		for _, f := range files {
			c.Add(f.name, f.data)
		}
	}
}

// BenchmarkScan compares the scanner with the reference on the HTML
// pages of the same site.
func BenchmarkScan(b *testing.B) {
	files, _ := site1k(b)
	var pages [][]byte
	var size int64
	for _, f := range files {
		if strings.HasSuffix(f.name, ".html") {
			pages = append(pages, f.data)
			size += int64(len(f.data))
		}
	}
	b.Run("scanner", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, p := range pages {
				linkcheck.ScanHTML(p)
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		copies := make([][]byte, len(pages))
		for i, p := range pages {
			copies[i] = bytes.Clone(p) // the reference writes to its input
		}
		b.SetBytes(size)
		for b.Loop() {
			for _, p := range copies {
				linkcheck.ScanHTMLReference(p)
			}
		}
	})
}
