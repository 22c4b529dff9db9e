package build

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
)

// BenchmarkServeMemory is what serve holds at 10k pages over 100 rebuilds
// of mixed edits (a body, a title, a relation list, a page added and
// removed), as the issue asks: it reports the live heap after the first
// rebuild and after the last (each after a collection) and the growth
// between them in percent. A Builder that keeps something of every build
// (pages of paths gone, entries of old files) shows here as growth.
//
//	go test ./internal/build -run '^$' -bench ServeMemory -benchtime 1x
func BenchmarkServeMemory(b *testing.B) {
	mem := memCopy(b, corpus(b, 10000))
	page, added := "content/roles/role-00042.md", "content/roles/role-new.md"
	orig := mem[page].Data
	edits := []func(i int) []string{
		func(i int) []string {
			return set(mem, page, bytes.Replace(orig, []byte("\n## Overview"), fmt.Appendf(nil, "\nEdit %d.\n\n## Overview", i), 1))
		},
		func(i int) []string {
			return set(mem, page, bytes.Replace(orig, []byte("title: Role 00042"), fmt.Appendf(nil, "title: Role 00042 v%d", i), 1))
		},
		func(i int) []string {
			return set(mem, page, bytes.Replace(orig, []byte("tools: ["), []byte("tools: [tool-00001, "), 1))
		},
		func(i int) []string {
			return set(mem, added, fmt.Appendf(nil, "---\ntitle: New role %d\ntools: [tool-00002]\n---\nNew.\n", i))
		},
		func(int) []string { delete(mem, added); return []string{added} },
	}
	for b.Loop() {
		builder := New(rolesite.Theme(), Options{Minify: true})
		if r := builder.Build(context.Background(), mem); !r.OK() {
			b.Fatal(r.Diagnostics[:1])
		}
		var first, last uint64
		for i := range 100 {
			if r := builder.Rebuild(context.Background(), mem, edits[i%len(edits)](i)); !r.OK() {
				b.Fatal(r.Diagnostics[:1])
			}
			if i == 0 || i == 99 {
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if i == 0 {
					first = ms.HeapAlloc
				} else {
					last = ms.HeapAlloc
				}
			}
		}
		runtime.KeepAlive(builder)
		b.ReportMetric(float64(first)/(1<<20), "MB-after-1")
		b.ReportMetric(float64(last)/(1<<20), "MB-after-100")
		b.ReportMetric(100*(float64(last)-float64(first))/float64(first), "growth-%")
	}
}

// set writes data to name in mem and returns the changed list.
func set(mem fstest.MapFS, name string, data []byte) []string {
	mem[name] = &fstest.MapFile{Data: data}
	return []string{name}
}
