package output

import (
	"testing"
	"testing/fstest"
)

func TestFS(t *testing.T) {
	f := NewFiles()
	for _, name := range []string{"index.html", "roles/a/index.html", "roles/b/index.html", "css/site.css", "404.html"} {
		_ = f.Add(name, []byte("content of "+name), "test")
	}
	if err := fstest.TestFS(f.FS(), "index.html", "roles/a/index.html", "roles/b/index.html", "css/site.css", "404.html"); err != nil {
		t.Fatal(err)
	}
}

// Changed lists what differs between two builds.
func TestChanged(t *testing.T) {
	a, b := NewFiles(), NewFiles()
	_ = a.Add("same", []byte("x"), "")
	_ = b.Add("same", []byte("x"), "")
	_ = a.Add("edited", []byte("1"), "")
	_ = b.Add("edited", []byte("2"), "")
	_ = a.Add("gone", []byte("x"), "")
	_ = b.Add("new", []byte("x"), "")
	got := Changed(a, b)
	want := []string{"edited", "gone", "new"}
	if len(got) != len(want) {
		t.Fatalf("Changed = %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Changed = %v, want %v", got, want)
		}
	}
}
