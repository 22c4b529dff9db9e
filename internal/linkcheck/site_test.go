package linkcheck_test

import (
	"context"
	"fmt"
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

// pages is the minified output of a generated n-page site (~12 KB of
// HTML a page).
func pages(b *testing.B, n int) []file {
	return builtSite(b, n, build.Options{Minify: true})
}

func size(files []file) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.data))
	}
	return n
}

// BenchmarkAdd feeds every file of a built 1,000- and 10,000-page site to
// a Checker, reading HTML with the scanner and with the reference (with
// -count, the two take turns).
//
//	go test ./internal/linkcheck -run '^$' -bench Add -benchmem -count 5
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		files := pages(b, n)
		for _, v := range []struct {
			name string
			add  func(*linkcheck.Checker, string, []byte)
		}{
			{"scanner", (*linkcheck.Checker).Add},
			{"reference", linkcheck.AddReference},
		} {
			b.Run(fmt.Sprintf("%dk/%s", n/1000, v.name), func(b *testing.B) {
				b.SetBytes(size(files))
				for b.Loop() {
					c := linkcheck.NewChecker("/", "")
					for _, f := range files {
						v.add(c, f.name, f.data)
					}
				}
			})
		}
	}
}

// BenchmarkScan compares the scanner with the reference on the HTML
// pages of a 1,000-page site, alone.
func BenchmarkScan(b *testing.B) {
	var html []file
	for _, f := range pages(b, 1000) {
		if strings.HasSuffix(f.name, ".html") {
			html = append(html, f)
		}
	}
	for _, v := range []struct {
		name string
		scan func([]byte)
	}{{"scanner", linkcheck.ScanHTML}, {"reference", linkcheck.ScanHTMLReference}} {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(size(html))
			for b.Loop() {
				for _, f := range html {
					v.scan(f.data)
				}
			}
		})
	}
}
