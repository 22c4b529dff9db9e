package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// site makes a site folder beside a folder of secrets, with links of every
// kind from the site into both.
func site(t *testing.T) (dir, outside string) {
	t.Helper()
	top := t.TempDir()
	dir = filepath.Join(top, "site")
	outside = filepath.Join(top, "secrets")
	for _, d := range []string{"static/css", "content/roles", outside} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil && d != outside {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "key"), "SECRET")
	write(filepath.Join(dir, "static/css/site.css"), "body{}")
	write(filepath.Join(dir, "content/roles/a.md"), "---\ntitle: A\n---\n")
	links := map[string]string{
		"static/env.txt":        "/proc/self/environ",
		"static/passwd":         "/etc/passwd",
		"static/key":            filepath.Join(outside, "key"),
		"static/rel-key":        "../../secrets/key",
		"static/dir":            outside,
		"static/dangling":       "/nonexistent/rolesite-test",
		"static/same.css":       "css/site.css",
		"static/up-and-in.css":  "../static/css/site.css",
		"content/roles/b.md":    "a.md",
		"content/linked":        "roles",
		"static/abs.css":        filepath.Join(dir, "static/css/site.css"),
		"static/out-and-in.css": "../../site/static/css/site.css",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dir, outside
}

func TestLinksOutsideAreRefused(t *testing.T) {
	dir, outside := site(t)
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for _, name := range []string{"static/env.txt", "static/passwd", "static/key", "static/rel-key", "static/dir", "static/dir/key", "static/dangling"} {
		for op, call := range map[string]func() error{
			"Open":        func() error { f, err := fsys.Open(name); closeIf(f); return err },
			"ReadFile":    func() error { _, err := fsys.ReadFile(name); return err },
			"Stat":        func() error { _, err := fsys.Stat(name); return err },
			"fs.ReadFile": func() error { _, err := fs.ReadFile(fsOnly{fsys}, name); return err },
		} {
			err := call()
			if !errors.Is(err, ErrOutside) {
				t.Errorf("%s(%s) = %v, want an error matching ErrOutside", op, name, err)
				continue
			}
			var oe *OutsideError
			if !errors.As(err, &oe) || oe.Name == "" || oe.Target == "" || strings.HasPrefix(oe.Target, dir+string(filepath.Separator)) {
				t.Errorf("%s(%s): %#v does not name the link and its outside target", op, name, oe)
			}
		}
	}
	if _, err := fsys.ReadFile("static/key"); err != nil && strings.Contains(err.Error(), "SECRET") {
		t.Error("the error carries the secret")
	}
	_ = outside
}

func TestLinksInsideAreFollowed(t *testing.T) {
	dir, _ := site(t)
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for name, want := range map[string]string{
		"static/same.css":       "body{}",
		"static/abs.css":        "body{}",
		"static/out-and-in.css": "body{}",
		"content/roles/b.md":    "---\ntitle: A\n---\n",
		"content/linked/a.md":   "---\ntitle: A\n---\n",
	} {
		got, err := fsys.ReadFile(name)
		if err != nil || string(got) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
}

// The confined FS is an ordinary fs.FS for everything that stays inside.
func TestFSContract(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"content/_index.md": "x", "content/roles/a.md": "a", "static/css/site.css": "c"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	if err := fstest.TestFS(fsys, "content/_index.md", "content/roles/a.md", "static/css/site.css"); err != nil {
		t.Fatal(err)
	}
}

func TestInvalidNames(t *testing.T) {
	dir, _ := site(t)
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for _, name := range []string{"../secrets/key", "/etc/passwd", "static/../../secrets/key", ""} {
		if _, err := fsys.ReadFile(name); err == nil {
			t.Errorf("ReadFile(%q) read a file", name)
		}
	}
}

// ReadFileLimit reads the whole file, or its first limit bytes, and what
// ReadFile refuses it refuses: a folder, a link out of the site.
func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "out.md")); err != nil {
		t.Fatal(err)
	}
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for _, tc := range []struct {
		limit int64
		want  string
	}{{-1, "0123456789"}, {0, ""}, {4, "0123"}, {10, "0123456789"}, {11, "0123456789"}} {
		if got, err := fsys.ReadFileLimit("a.md", tc.limit); err != nil || string(got) != tc.want {
			t.Errorf("ReadFileLimit(a.md, %d) = %q, %v; want %q", tc.limit, got, err, tc.want)
		}
	}
	if _, err := fsys.ReadFileLimit("d.md", 4); err == nil {
		t.Error("ReadFileLimit read a folder")
	}
	if _, err := fsys.ReadFileLimit("out.md", 4); !errors.Is(err, ErrOutside) {
		t.Errorf("ReadFileLimit(a link out of the site) = %v, want ErrOutside", err)
	}
}

// A named pipe is refused at once rather than waiting for a writer.
func TestPipeIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	if _, err := fsys.ReadFile("pipe.md"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(pipe) = %v, want ErrNotRegular", err)
	}
	if _, err := fsys.ReadFileLimit("pipe.md", 10); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFileLimit(pipe) = %v, want ErrNotRegular", err)
	}
	if f, err := fsys.Open("pipe.md"); !errors.Is(err, ErrNotRegular) {
		closeIf(f)
		t.Errorf("Open(pipe) = %v, want ErrNotRegular", err)
	}
}

// The site folder may itself be reached through a link.
func TestLinkedSiteFolder(t *testing.T) {
	dir, _ := site(t)
	link := filepath.Join(t.TempDir(), "L")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	fsys, err := Open(link)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	if got, err := fsys.ReadFile("static/css/site.css"); err != nil || string(got) != "body{}" {
		t.Errorf("through a linked site folder: %q, %v", got, err)
	}
	if _, err := fsys.ReadFile("static/key"); !errors.Is(err, ErrOutside) {
		t.Errorf("through a linked site folder, a link outside: %v", err)
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		dir, p string
		want   bool
	}{
		{"/a/site", "/a/site", true},
		{"/a/site", "/a/site/x", true},
		{"/a/site", "/a/site/..x", true},
		{"/a/site", "/a/site2", false},
		{"/a/site", "/a", false},
		{"/a/site", "/a/site/../x", false},
		{"/", "/etc", true},
	} {
		if got := Within(c.dir, filepath.Clean(c.p)); got != c.want {
			t.Errorf("Within(%q, %q) = %v", c.dir, c.p, got)
		}
	}
}

type fsOnly struct{ fs.FS }

func closeIf(f fs.File) {
	if f != nil {
		f.Close()
	}
}
