package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func sample(t *testing.T, pages map[string]string) *Files {
	t.Helper()
	f := NewFiles()
	for k, v := range pages {
		if err := f.Add(k, []byte(v), "test"); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return m
}

func TestWriteReplacesWholeTree(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, sample(t, map[string]string{"index.html": "1", "a/index.html": "a1", "old.txt": "x"})); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, sample(t, map[string]string{"index.html": "2", "b/index.html": "b2"})); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	if len(got) != 2 || got["index.html"] != "2" || got["b/index.html"] != "b2" {
		t.Errorf("tree = %v", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("left-overs beside the output: %v", entries)
	}
}

// faulty fails the nth file write with err.
type faulty struct {
	n   int
	err error
}

func (f *faulty) Mkdir(dir string) error { return mkdir(dir) }
func (f *faulty) WriteFile(name string, data []byte) error {
	if f.n--; f.n == 0 {
		return f.err
	}
	return os.WriteFile(name, data, 0o644)
}

func TestFailedWriteKeepsPrevious(t *testing.T) {
	for _, fault := range []error{syscall.ENOSPC, syscall.EIO, syscall.EDQUOT} {
		out := filepath.Join(t.TempDir(), "public")
		good := map[string]string{"index.html": "good", "a/index.html": "a"}
		if err := Write(out, sample(t, good)); err != nil {
			t.Fatal(err)
		}
		next := sample(t, map[string]string{"index.html": "new", "a/index.html": "new", "b/index.html": "new", "c/x.css": "new"})
		err := write(out, next, &faulty{n: 3, err: fault})
		if !errors.Is(err, fault) {
			t.Errorf("%v: error %v", fault, err)
		}
		if got := tree(t, out); len(got) != 2 || got["index.html"] != "good" || got["a/index.html"] != "a" {
			t.Errorf("%v: previous output changed: %v", fault, got)
		}
		if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
			t.Errorf("%v: left-overs beside the output: %v", fault, entries)
		}
	}
}

func TestReadOnlyParent(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores permission bits; use a parent that is a file instead.
		parent := filepath.Join(t.TempDir(), "file")
		_ = os.WriteFile(parent, []byte("x"), 0o644)
		if err := Write(filepath.Join(parent, "public"), sample(t, map[string]string{"a": "b"})); err == nil {
			t.Error("writing under a file succeeded")
		}
		return
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Write(out, sample(t, map[string]string{"index.html": "good"})); err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(parent, 0o555)
	defer os.Chmod(parent, 0o755)
	if err := Write(out, sample(t, map[string]string{"index.html": "new"})); err == nil {
		t.Error("write into a read-only parent succeeded")
	}
	if got := tree(t, out); got["index.html"] != "good" {
		t.Errorf("previous output changed: %v", got)
	}
}

func TestRefusesPathsOutside(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, bad := range []string{"../x", "/abs", "a/../../x", `a\..\x`, ""} {
		if err := Write(out, sample(t, map[string]string{bad: "x"})); err == nil {
			t.Errorf("%q: written", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "x")); !os.IsNotExist(err) {
		t.Error("a file was written outside the output")
	}
}

func TestCollision(t *testing.T) {
	f := NewFiles()
	_ = f.Add("a", []byte("1"), "content/a.md")
	err := f.Add("a", []byte("2"), "static/a")
	if err == nil || err.Error() != "content/a.md and static/a both write a" {
		t.Errorf("err = %v", err)
	}
	if d, _ := f.Get("a"); string(d) != "1" {
		t.Error("the first file was replaced")
	}
}

func TestRemoveTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	for _, p := range []string{"index.html", "roles/a/index.html", "roles/b/index.html", "roles/b/deep/x/y.txt", "css/site.css", "empty/", "roles/index.html"} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := removeTree(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s still there after removeTree: %v", dir, err)
	}
	if err := removeTree(dir); err != nil {
		t.Errorf("removeTree of what is gone: %v, want nil as os.RemoveAll", err)
	}
}
