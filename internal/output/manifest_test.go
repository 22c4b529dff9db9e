package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestPublishPrunesAndKeepsUserFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Publish(out, sample(t, map[string]string{"index.html": "1", "old/index.html": "old", "css/a.css": "a"}), Options{}); err != nil {
		t.Fatal(err)
	}
	// The user adds files of their own.
	_ = os.WriteFile(filepath.Join(out, "CNAME"), []byte("atlas.example.org"), 0o644)
	_ = os.MkdirAll(filepath.Join(out, ".well-known"), 0o755)
	_ = os.WriteFile(filepath.Join(out, ".well-known", "security.txt"), []byte("x"), 0o644)
	rep, err := Publish(out, sample(t, map[string]string{"index.html": "2", "css/b.css": "b"}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	want := map[string]string{"index.html": "2", "css/b.css": "b", "CNAME": "atlas.example.org", ".well-known/security.txt": "x",
		ManifestName: "css/b.css\nindex.html\n"}
	if len(got) != len(want) {
		t.Errorf("tree = %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if len(rep.Kept) != 2 {
		t.Errorf("kept = %v", rep.Kept)
	}
	// --clean drops the user's files too.
	if _, err := Publish(out, sample(t, map[string]string{"index.html": "3"}), Options{Clean: true}); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); len(got) != 2 || got["index.html"] != "3" {
		t.Errorf("after --clean: %v", got)
	}
}

func TestPublishIntoForeignFolderKeepsEverything(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_ = os.MkdirAll(out, 0o755)
	_ = os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	_ = os.WriteFile(filepath.Join(out, "index.html"), []byte("theirs"), 0o644)
	// A build that would write over a file of the user's stops, and
	// changes nothing.
	_, err := Publish(out, sample(t, map[string]string{"index.html": "ours", "a.html": "a"}), Options{})
	var owner *OwnerError
	if !errors.As(err, &owner) || owner.Clean || !slices.Equal(owner.Files, []string{"index.html"}) {
		t.Fatalf("Publish over a file of the user's: %v, want an OwnerError naming index.html", err)
	}
	if got := tree(t, out); len(got) != 2 || got["notes.txt"] != "mine" || got["index.html"] != "theirs" {
		t.Errorf("the refused build changed the folder: %v", got)
	}
	// --clean on it is refused too: it holds no manifest.
	_, err = Publish(out, sample(t, map[string]string{"index.html": "ours"}), Options{Clean: true})
	if !errors.As(err, &owner) || !owner.Clean || len(owner.Files) != 2 {
		t.Fatalf("--clean of a folder of the user's: %v, want an OwnerError naming both files", err)
	}
	if got := tree(t, out); len(got) != 2 || got["index.html"] != "theirs" {
		t.Errorf("the refused --clean changed the folder: %v", got)
	}
	// With Force the build's file replaces the user's; the others stay.
	rep, err := Publish(out, sample(t, map[string]string{"index.html": "ours"}), Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	if got["notes.txt"] != "mine" || got["index.html"] != "ours" || len(rep.Kept) != 1 {
		t.Errorf("tree = %v, kept = %v", got, rep.Kept)
	}
}
