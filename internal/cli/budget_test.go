package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// The floor grows with content/ (four times its size), between gcFloor
// and three quarters of the ceiling; nothing outside content/ counts.
func TestHeapFloor(t *testing.T) {
	for _, c := range []struct {
		name    string
		content int64 // bytes of content/, in one sparse file
		want    uint64
	}{
		{"small site", 4 << 10, gcFloor},
		{"large site", 100 << 20, 400 << 20},
		{"huge site", 1 << 30, gcCeiling / 4 * 3},
	} {
		src := t.TempDir()
		for _, f := range []struct {
			name string
			size int64
		}{
			{"content/roles/big.md", c.content},
			{"static/huge.bin", 1 << 30},
			{"public/index.html", 1 << 30},
		} {
			p := filepath.Join(src, filepath.FromSlash(f.name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(p, f.size); err != nil {
				t.Fatal(err)
			}
		}
		if got := heapFloor(src); got != c.want {
			t.Errorf("%s: heapFloor = %d MB, want %d MB", c.name, got>>20, c.want>>20)
		}
	}
}
