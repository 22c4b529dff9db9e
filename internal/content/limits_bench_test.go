package content

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// worstInputs are, per kind, the inputs that made a build run away before
// the limits, each at about the size the issue reported; every one must
// now be refused.
func worstInputs() []struct{ name, src, want string } {
	laughs := "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for c := 'b'; c <= 'i'; c++ {
		laughs += string(c) + ": &" + string(c) + " [" + strings.TrimSuffix(strings.Repeat("*"+string(c-1)+", ", 9), ", ") + "]\n"
	}
	return []struct{ name, src, want string }{
		{"toml inline tables 100000", "+++\nx = " + nest("{a = ", "1", "}", 100000) + "\n+++\n", "levels deep"},
		{"toml arrays 100000", "+++\nx = " + nest("[", "", "]", 100000) + "\n+++\n", "levels deep"},
		{"toml dotted key 100000", "+++\nx" + strings.Repeat(".a", 100000) + " = 1\n+++\n", "levels deep"},
		{"yaml flow 100000", "---\nx: " + nest("[", "", "]", 100000) + "\n---\n", "levels deep"},
		{"yaml flow in limit 9999", "---\nx: " + nest("[", "", "]", 9999) + "\n---\n", "levels deep"},
		{"yaml block 100000", "---\nx:\n" + strings.Repeat("- ", 100000) + "1\n---\n", "levels deep"},
		{"yaml block in limit 9999", "---\nx:\n" + strings.Repeat("- ", 9999) + "1\n---\n", "levels deep"},
		{"json 100000", "{\n\"x\": " + nest("[", "", "]", 100000) + "\n}\n\n", "levels deep"},
		{"yaml mapping 20000 keys", "---\nx: {" + strings.TrimSuffix(keys(20000), ", ") + "}\n---\n", "more than 4096 keys"},
		{"title 10 MB", "---\ntitle: " + strings.Repeat("t", 10<<20) + "\n---\n", "limit of 1 MiB"},
		{"title 1 MB", "---\ntitle: " + strings.Repeat("t", 1<<20-20) + "\n---\n", "limit of one front matter value"},
		{"billion laughs", laughs + "---\n", "aliases"},
	}
}

// TestWorstInputsRefused checks that each worst input is refused, and
// refused cheaply: in allocations, a few MB beyond its own size (timing is
// for BenchmarkWorstInputs).
func TestWorstInputsRefused(t *testing.T) {
	for _, tc := range worstInputs() {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.src)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, d := Parse("x.md", data)
			runtime.ReadMemStats(&after)
			diags := d.Error()
			if !strings.Contains(diags, tc.want) {
				t.Fatalf("got %.300q, want a problem saying %q", diags, tc.want)
			}
			if over := int64(after.TotalAlloc-before.TotalAlloc) - int64(len(data)); over > 16<<20 {
				t.Errorf("allocated %d bytes beyond the input's %d", over, len(data))
			}
		})
	}
}

// BenchmarkWorstInputs measures the refusal of each worst input.
func BenchmarkWorstInputs(b *testing.B) {
	for _, tc := range worstInputs() {
		data := []byte(tc.src)
		b.Run(strings.ReplaceAll(tc.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Parse("x.md", data)
			}
		})
	}
}

// keys is n distinct keys of a flow mapping, "k0: x, k1: x, ".
func keys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: x, ", i)
	}
	return b.String()
}
