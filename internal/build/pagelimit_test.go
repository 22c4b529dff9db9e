package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/cli"
	"github.com/rolesite/rolesite/internal/content"
)

// TestOversizePageOnDisk: a content file past content.MaxPageBytes is a
// problem at its first byte past the limit, and the build goes no further
// with it; one at the limit builds.
func TestOversizePageOnDisk(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("writes and reads 64 MiB files: left out of -short and -race runs")
	}
	for _, tc := range []struct {
		extra int64
		ok    bool
	}{{0, true}, {1, false}, {4 << 20, false}} {
		src := filepath.Join(t.TempDir(), "site")
		for name, data := range badBase {
			writeFile(t, filepath.Join(src, filepath.FromSlash(name)), data)
		}
		head := "---\ntitle: Big\n---\n"
		line := strings.Repeat("word ", 15) + "\n"
		size := content.MaxPageBytes + tc.extra
		var b bytes.Buffer
		b.Grow(int(size))
		b.WriteString(head)
		for int64(b.Len()+len(line)) <= size {
			b.WriteString(line)
		}
		b.WriteString(strings.Repeat("x", int(size)-b.Len()))
		big := filepath.Join(src, "content", "roles", "big.md")
		if err := os.WriteFile(big, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		var o, e bytes.Buffer
		code := cli.Main(context.Background(), []string{"check", "--src", src}, strings.NewReader(""), &o, &e)
		if tc.ok {
			if code != cli.ExitOK {
				t.Errorf("a page of exactly the limit: exit code %d:\n%s", code, e.String())
			}
			continue
		}
		if code != cli.ExitProblem || !strings.Contains(e.String(), "content/roles/big.md:") || !strings.Contains(e.String(), "longer than the limit of a page") {
			t.Errorf("%d bytes past the limit: exit code %d:\n%s", tc.extra, code, e.String())
		}
	}
}
