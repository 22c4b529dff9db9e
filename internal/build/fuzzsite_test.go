package build_test

import (
	"bytes"
	"context"
	"hash/fnv"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/diag"
)

// FuzzSite builds whole sites made by the fuzzer: a txtar archive whose
// files under content/, templates/ and static/ are the site, seeded with
// every fixture of testdata/sites. For any site, however malformed:
//
//   - the build ends without a panic;
//   - every problem names a file of the site or of the theme, and a line
//     and column inside that file when it gives them, and says something;
//   - a good build writes only clean relative paths;
//   - a Builder that built the site without one of its files (chosen by the
//     archive's hash), told that the file appeared, gives exactly what a
//     clean build gives; and so does it when told the file went again,
//     and when it came back with the text of another file: what serve
//     does on every save, checked on inputs nobody wrote.
func FuzzSite(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/sites/*.txtar")
	for _, name := range seeds {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		ar.Files = slices.DeleteFunc(ar.Files, func(f txtar.File) bool { return strings.HasPrefix(f.Name, "want/") })
		f.Add(txtar.Format(ar))
	}
	f.Fuzz(func(t *testing.T, archive []byte) {
		src := fuzzedSite(archive)
		if len(src) == 0 {
			return
		}
		want := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
		checkProblems(t, src, want.Diagnostics)
		checkProblems(t, src, want.Warnings)
		if want.Files != nil {
			for _, name := range want.Files.Names() {
				if !fs.ValidPath(name) || strings.Contains(name, `\`) {
					t.Errorf("the build wrote %q, not a clean relative path", name)
				}
			}
		}
		names := slices.Sorted(func(yield func(string) bool) {
			for name := range src {
				if !yield(name) {
					return
				}
			}
		})
		h := fnv.New32a()
		h.Write(archive)
		gone := names[int(h.Sum32()%uint32(len(names)))]
		without := fstest.MapFS{}
		for name, file := range src {
			if name != gone {
				without[name] = file
			}
		}
		b := build.New(rolesite.Theme(), build.Options{})
		b.Build(context.Background(), without)
		if d := compare(b.Rebuild(context.Background(), src, []string{gone}), want); d != "" {
			t.Fatalf("%s added: the rebuild differs from a clean build: %s", gone, d)
		}
		wantWithout := build.Build(context.Background(), without, rolesite.Theme(), build.Options{})
		if d := compare(b.Rebuild(context.Background(), without, []string{gone}), wantWithout); d != "" {
			t.Fatalf("%s removed: the rebuild differs from a clean build: %s", gone, d)
		}
		if len(names) < 2 {
			return
		}
		// The file comes back with the text of the next one: a body, a
		// front matter or a template edited into another.
		next := names[(slices.Index(names, gone)+1)%len(names)]
		without[gone] = src[next]
		if d := compare(b.Rebuild(context.Background(), without, []string{gone}), build.Build(context.Background(), without, rolesite.Theme(), build.Options{})); d != "" {
			t.Fatalf("%s written with the text of %s: the rebuild differs from a clean build: %s", gone, next, d)
		}
	})
}

// fuzzedSite is the site an archive holds: its files under content/,
// templates/ and static/ with valid names, at most 64 of them and 64 kB
// each, so that one input builds in milliseconds.
func fuzzedSite(archive []byte) fstest.MapFS {
	src := fstest.MapFS{}
	for _, f := range txtar.Parse(archive).Files {
		top, _, _ := strings.Cut(f.Name, "/")
		switch {
		case len(src) == 64 || len(f.Data) > 64<<10 || !fs.ValidPath(f.Name):
		case top == "content" || top == "templates" || top == "static":
			if !isFolderOf(src, f.Name) {
				src[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
	}
	return src
}

// isFolderOf reports whether name is a folder of a file of src, or a file
// of src is a folder of name: a tree cannot hold both.
func isFolderOf(src fstest.MapFS, name string) bool {
	for other := range src {
		if strings.HasPrefix(other, name+"/") || strings.HasPrefix(name, other+"/") {
			return true
		}
	}
	return false
}

// checkProblems holds every problem to naming a file of src or of the
// theme, a line and column inside it, and a message.
func checkProblems(t *testing.T, src fstest.MapFS, problems diag.List) {
	t.Helper()
	for _, d := range problems {
		if d.Path == "" || strings.TrimSpace(d.Message) == "" {
			t.Errorf("a problem without its file or its message: %q", d.String())
			continue
		}
		data, ok := fileOf(src, d.Path)
		if !ok {
			if d.Line > 0 {
				t.Errorf("%s: names a line of a file that is not there", d.String())
			}
			continue
		}
		lines := bytes.Split(data, []byte("\n"))
		switch {
		case d.Line > len(lines):
			t.Errorf("%s: line %d of a file of %d lines", d.String(), d.Line, len(lines))
		case d.Line > 0 && d.Col > len(lines[d.Line-1])+1:
			t.Errorf("%s: column %d of a line of %d bytes", d.String(), d.Col, len(lines[d.Line-1]))
		}
	}
}

// fileOf is the named file of src, or of the theme's templates/ and
// static/ when src has none.
func fileOf(src fstest.MapFS, name string) ([]byte, bool) {
	if f, ok := src[name]; ok {
		return f.Data, true
	}
	data, err := fs.ReadFile(rolesite.Theme(), name)
	return data, err == nil
}
