package build_test

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestBaseURLChangesOnlyURLs builds the atlas for https://example.org/ and
// for https://example.org/atlas/ and requires the two to be the same once
// the base is written the same way: the base path reaches every URL and
// nothing else.
func TestBaseURLChangesOnlyURLs(t *testing.T) {
	opts := build.Options{Minify: true, Fingerprint: true}
	opts.BaseURL = "https://example.org/"
	root := build.Build(context.Background(), os.DirFS("../.."), rolesite.Theme(), opts)
	opts.BaseURL = "https://example.org/atlas/"
	sub := build.Build(context.Background(), os.DirFS("../.."), rolesite.Theme(), opts)
	if !root.OK() || !sub.OK() {
		t.Fatal(root.Diagnostics, sub.Diagnostics)
	}
	if !slices.Equal(root.Files.Names(), sub.Files.Names()) {
		t.Fatal("the two builds write different files")
	}
	normalise := func(b []byte) []byte {
		b = bytes.ReplaceAll(b, []byte("https://example.org/atlas/"), []byte("https://example.org/"))
		for _, quote := range []string{`"`, `'`, "(", " ", "\n"} {
			b = bytes.ReplaceAll(b, []byte(quote+"/atlas/"), []byte(quote+"/"))
		}
		return b
	}
	differ := 0
	for _, name := range root.Files.Names() {
		a, _ := root.Files.Get(name)
		b, _ := sub.Files.Get(name)
		if !bytes.Equal(a, b) {
			differ++
		}
		if !bytes.Equal(a, normalise(b)) {
			t.Errorf("%s differs in more than its URLs", name)
		}
	}
	if differ == 0 {
		t.Error("no file differs: the base path reached no URL")
	}
}
