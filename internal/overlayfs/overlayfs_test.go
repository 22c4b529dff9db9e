package overlayfs

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	base := fstest.MapFS{
		"content/_index.md":   {Data: []byte("disk home")},
		"content/roles/a.md":  {Data: []byte("disk a")},
		"content/roles/b.md":  {Data: []byte("disk b")},
		"templates/base.html": {Data: []byte("t")},
	}
	o := New(base, map[string][]byte{
		"content/roles/a.md":   []byte("buffer a"),
		"content/roles/new.md": []byte("buffer new"),
		"content/skills/x.md":  []byte("buffer x"),
	})
	if err := fstest.TestFS(o, "content/_index.md", "content/roles/a.md", "content/roles/b.md", "content/roles/new.md", "content/skills/x.md", "templates/base.html"); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"content/roles/a.md":   "buffer a",
		"content/roles/b.md":   "disk b",
		"content/roles/new.md": "buffer new",
		"content/skills/x.md":  "buffer x",
	} {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := fs.ReadFile(o, "content/roles/gone.md"); err == nil {
		t.Error("a file neither on disk nor in the overlay was read")
	}
}
