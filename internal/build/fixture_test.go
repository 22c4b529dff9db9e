package build_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of the txtar fixtures from the actual output")

// TestSites builds every testdata/sites/*.txtar. In an archive, files under
// content/, templates/ and static/ are the site; "want/<path>" is an expected
// output file, "want/errors" the expected diagnostics, one per line (an empty
// want/errors means the build must succeed), "want/warnings" the expected
// warnings. Only the files named are
// compared. The archive's comment may set options, one per line:
// "base-url: URL", "drafts: true", "minify: true", "fingerprint: true",
// "precompress: true", "check-links: true".
func TestSites(t *testing.T) {
	files, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src := fstest.MapFS{}
			for _, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "want/") {
					src[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			res := build.Build(context.Background(), src, rolesite.Theme(), fixtureOptions(t, ar.Comment))
			var errs, warns bytes.Buffer
			for _, d := range res.Diagnostics {
				errs.WriteString(d.String() + "\n")
			}
			for _, d := range res.Warnings {
				warns.WriteString(d.String() + "\n")
			}
			changed := false
			for i, f := range ar.Files {
				name, ok := strings.CutPrefix(f.Name, "want/")
				if !ok {
					continue
				}
				var got []byte
				if name == "errors" {
					got = errs.Bytes()
				} else if name == "warnings" {
					got = warns.Bytes()
				} else if res.Files == nil {
					t.Errorf("want/%s: the build failed:\n%s", name, errs.String())
					continue
				} else if got, ok = res.Files.Get(name); !ok {
					t.Errorf("want/%s: not in the output; output has %v", name, res.Files.Names())
					continue
				}
				if *update {
					if !bytes.Equal(ar.Files[i].Data, withNewline(got)) {
						ar.Files[i].Data = bytes.Clone(got)
						changed = true
					}
					continue
				}
				if !bytes.Equal(f.Data, withNewline(got)) {
					t.Errorf("want/%s differs:\n%s", name, diff(string(f.Data), string(got)))
				}
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// withNewline adds the final newline that a txtar archive gives every file.
func withNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(bytes.Clone(b), '\n')
	}
	return b
}

func fixtureOptions(t *testing.T, comment []byte) build.Options {
	var opts build.Options
	for _, line := range strings.Split(string(comment), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "base-url":
			opts.BaseURL = strings.TrimSpace(v)
		case "drafts":
			opts.Drafts = strings.TrimSpace(v) == "true"
		case "minify":
			opts.Minify = strings.TrimSpace(v) == "true"
		case "fingerprint":
			opts.Fingerprint = strings.TrimSpace(v) == "true"
		case "precompress":
			opts.Precompress = strings.TrimSpace(v) == "true"
		case "check-links":
			opts.CheckLinks = strings.TrimSpace(v) == "true"
		}
	}
	return opts
}

// diff shows the first differing lines of want and got with some context.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
