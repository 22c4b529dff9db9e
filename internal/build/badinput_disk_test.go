package build_test

import (
	"bytes"
	"cmp"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rolesite/rolesite/internal/cli"
)

// A diskCase is bad input that only a real file system can hold: links,
// pipes, permissions, a file too big to keep in a table. setup makes it in
// the site folder src, which holds badBase. want is as for badCase.
type diskCase struct {
	name  string
	setup func(t *testing.T, src string)
	want  []string
	limit time.Duration // caseLimit when zero
	// unprivileged runs the build as an ordinary user, for permission cases:
	// see runUnprivileged.
	unprivileged bool
	// slow cases are left out of -short and -race runs.
	slow bool
}

// TestBadInputOnDisk builds a site folder on disk with "rolesite build" and
// requires the exact diagnostics and exit code 1, or exit code 0.
func TestBadInputOnDisk(t *testing.T) {
	for _, tc := range diskCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && (testing.Short() || raceEnabled) {
				t.Skip("slow: left out of -short and -race runs")
			}
			src := filepath.Join(t.TempDir(), "site")
			for name, data := range badBase {
				writeFile(t, filepath.Join(src, filepath.FromSlash(name)), data)
			}
			tc.setup(t, src)
			out := filepath.Join(t.TempDir(), "public")
			var code int
			var stderr string
			args := []string{"build", "--src", src, "--out", out}
			if tc.unprivileged && os.Geteuid() == 0 {
				code, stderr = runUnprivileged(t, src, out)
			} else {
				type result struct {
					code   int
					stderr string
				}
				r := buildWithin(t, cmp.Or(tc.limit, caseLimit), func() result {
					var o, e bytes.Buffer
					code := cli.Main(context.Background(), args, strings.NewReader(""), &o, &e)
					return result{code, e.String()}
				})
				code, stderr = r.code, r.stderr
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			got := lines[:len(lines)-1] // the last line is the summary
			if len(tc.want) == 0 {
				if code != cli.ExitOK {
					t.Fatalf("exit code %d:\n%s", code, stderr)
				}
				return
			}
			if code != cli.ExitProblem || strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("exit code %d, diagnostics:\n%s\nwant exit code 1 and:\n%s", code, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed build wrote %s: %v", out, err)
			}
		})
	}
}

// diskCases gathers the on-disk tables, grouped by the kind of file.
func diskCases() []diskCase {
	return slices.Concat(symlinkCases(), specialFileCases(), permissionCases(), bigFileCases())
}

// symlink makes name a symbolic link to target.
func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// rolesDir is the roles section's folder in the site folder src.
func rolesDir(src string) string { return filepath.Join(src, "content", "roles") }

// symlinkCases are symbolic links that loop, dangle or lead to a folder or
// to a page elsewhere.
func symlinkCases() []diskCase {
	return []diskCase{
		{name: "symlink loop between folders", setup: func(t *testing.T, src string) {
			symlink(t, "..", filepath.Join(rolesDir(src), "up"))
			symlink(t, "loop", filepath.Join(rolesDir(src), "loop"))
		}},
		{name: "symlink to itself named .md", setup: func(t *testing.T, src string) {
			symlink(t, "self.md", filepath.Join(rolesDir(src), "self.md"))
		}, want: []string{
			"content/roles/self.md:1:1: cannot read: too many levels of symbolic links",
		}},
		{name: "two symlinks in a loop", setup: func(t *testing.T, src string) {
			symlink(t, "y.md", filepath.Join(rolesDir(src), "x.md"))
			symlink(t, "x.md", filepath.Join(rolesDir(src), "y.md"))
		}, want: []string{
			"content/roles/x.md:1:1: cannot read: too many levels of symbolic links",
			"content/roles/y.md:1:1: cannot read: too many levels of symbolic links",
		}},
		{name: "dangling symlink", setup: func(t *testing.T, src string) {
			symlink(t, "gone.md", filepath.Join(rolesDir(src), "x.md"))
		}, want: []string{
			"content/roles/x.md:1:1: cannot read: no such file or directory",
		}},
		{name: "symlink to a folder, named .md", setup: func(t *testing.T, src string) {
			symlink(t, "../tools", filepath.Join(rolesDir(src), "x.md"))
		}, want: []string{
			"content/roles/x.md:1:1: cannot read: is a directory",
		}},
		{name: "symlink to a page elsewhere in the site", setup: func(t *testing.T, src string) {
			writeFile(t, filepath.Join(src, "shared", "b.md"), "---\ntitle: B\n---\nShared.\n")
			symlink(t, "../../shared/b.md", filepath.Join(rolesDir(src), "b.md"))
		}},
	}
}

// specialFileCases are a folder, a named pipe or a link to one where a page
// belongs.
func specialFileCases() []diskCase {
	return []diskCase{
		{name: "empty folder named .md", setup: func(t *testing.T, src string) {
			if err := os.Mkdir(filepath.Join(rolesDir(src), "x.md"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "named pipe named .md", setup: func(t *testing.T, src string) {
			if err := syscall.Mkfifo(filepath.Join(rolesDir(src), "x.md"), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}, want: []string{
			"content/roles/x.md:1:1: cannot read: not a regular file: only folders and regular files are read; remove it or replace it with a file",
		}},
		{name: "symlink to a named pipe", setup: func(t *testing.T, src string) {
			fifo := filepath.Join(src, "pipe")
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			symlink(t, fifo, filepath.Join(rolesDir(src), "x.md"))
			// Should a build open the pipe, release it once the case is
			// over: a writer that comes and goes gives the reader an EOF.
			t.Cleanup(func() {
				if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					f.Close()
				}
			})
		}, want: []string{
			"content/roles/x.md:1:1: cannot read: not a regular file: only folders and regular files are read; remove it or replace it with a file",
		}},
	}
}

// permissionCases are a file or folder the build may not read.
func permissionCases() []diskCase {
	return []diskCase{
		{name: "unreadable file", unprivileged: true, setup: func(t *testing.T, src string) {
			writeFile(t, filepath.Join(rolesDir(src), "x.md"), "---\ntitle: X\n---\n")
			if err := os.Chmod(filepath.Join(rolesDir(src), "x.md"), 0); err != nil {
				t.Fatal(err)
			}
		}, want: []string{
			"content/roles/x.md:1:1: cannot read: permission denied: make the file readable",
		}},
		{name: "unreadable folder", unprivileged: true, setup: func(t *testing.T, src string) {
			if err := os.Chmod(filepath.Join(src, "content", "tools"), 0); err != nil {
				t.Fatal(err)
			}
		}, want: []string{
			// The tool page in the folder is missing, so the role's link
			// to it is reported too. (The hint should say "folder":
			// internal/build/load.go readError does not know.)
			"content/roles/a.md:8:6: link to ../tools/spark.md: no such page",
			"content/tools: cannot read: permission denied: make the folder readable",
		}},
	}
}

// bigFileCases are files too big to keep in a table.
func bigFileCases() []diskCase {
	return []diskCase{
		// About 20 s on a quiet 2-core machine, 30 s while other test
		// binaries run beside it: the limit catches a hang, not a slowdown.
		{name: "50 MB page", slow: true, limit: 90 * time.Second, setup: func(t *testing.T, src string) {
			writeFile(t, filepath.Join(rolesDir(src), "big.md"), "---\ntitle: Big\n---\n"+strings.Repeat(bigChunk, 50<<20/len(bigChunk)))
		}},
	}
}
