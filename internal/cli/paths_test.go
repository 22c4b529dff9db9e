package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree snapshots every file under dir (path -> content), .git included.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&os.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			rel, _ := filepath.Rel(dir, p)
			files[rel] = "-> " + target
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func chdir(t *testing.T, dir string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	// os.Getwd trusts $PWD when it names the same folder: set it to the
	// path as given, as a shell that cd'd through a link would.
	t.Setenv("PWD", dir)
}

// TestOutputNeverTheSite tries every way of naming the site folder, one of
// its own folders, or a folder holding them as --out: the real path, a
// link to it, a relative path, a path with "..", from a working folder
// reached through a link; with and without --clean and --force. Each must
// be refused with exit code 2 and leave the site as it was.
func TestOutputNeverTheSite(t *testing.T) {
	top := t.TempDir()
	site := filepath.Join(top, "S")
	for name, data := range goodSite {
		writeFileAt(t, filepath.Join(site, filepath.FromSlash(name)), data)
	}
	writeFileAt(t, filepath.Join(site, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFileAt(t, filepath.Join(site, "static", "logo.txt"), "logo")
	writeFileAt(t, filepath.Join(site, "templates", "partials", "x.html"), "{{define \"x\"}}{{end}}")
	mustLink(t, site, filepath.Join(top, "L"))                            // L -> S
	mustLink(t, filepath.Join(site, "content"), filepath.Join(top, "C"))  // C -> S/content
	mustLink(t, filepath.Join(site, "static"), filepath.Join(site, "sl")) // S/sl -> S/static
	mustLink(t, top, filepath.Join(site, "up"))                           // S/up -> top
	before := tree(t, site)

	type attempt struct {
		wd, src, out string
	}
	attempts := []attempt{
		{top, site, site},                       // the site itself
		{top, site, top},                        // the folder holding it
		{top, "S", "L"},                         // a link to it, relative
		{filepath.Join(top, "L"), ".", site},    // from inside the link, its real path
		{filepath.Join(top, "L"), ".", "."},     // from inside the link, "."
		{filepath.Join(top, "L"), ".", ".."},    // the folder above, through the link
		{filepath.Join(top, "L"), ".", "up/S"},  // back into itself through a link
		{filepath.Join(top, "L"), ".", "../L/"}, // relative, through the link
		{top, "L", "S/public/../.."},            // ".." out of a missing folder
		{top, "S", "S/missing/../../L"},         // ".." then a link
		{top, "S", "C/roles"},                   // inside content/, through a link to it
		{top, "S", "C"},                         // content/ itself through a link
		{top, "S", "S/content"},                 // content/ itself
		{top, "S", "S/static/out"},              // inside static/
		{top, "S", "S/sl/out"},                  // inside static/, through a link in the site
		{top, "S", "S/templates"},               // templates/
		{top, "L", "L/content/../static/x"},     // ".." inside the link
	}
	for _, a := range attempts {
		for _, extra := range [][]string{nil, {"--clean"}, {"--clean", "--force"}} {
			t.Run(a.wd+" "+a.src+" "+a.out+" "+strings.Join(extra, " "), func(t *testing.T) {
				chdir(t, a.wd)
				args := append([]string{"build", "--src", a.src, "--out", a.out}, extra...)
				code, _, stderr := run(t, args...)
				if code != ExitUsage || !strings.Contains(stderr, "choose a folder of its own") {
					t.Errorf("exit code %d, want 2 and a refusal; stderr:\n%s", code, stderr)
				}
				if after := tree(t, site); !equalMaps(before, after) {
					t.Fatalf("the site changed")
				}
			})
		}
	}
}

// TestOutputBesideTheSite: folders that merely look close are accepted.
func TestOutputBesideTheSite(t *testing.T) {
	top := t.TempDir()
	site := filepath.Join(top, "S")
	for name, data := range goodSite {
		writeFileAt(t, filepath.Join(site, filepath.FromSlash(name)), data)
	}
	mustLink(t, site, filepath.Join(top, "L"))
	chdir(t, filepath.Join(top, "L"))
	for _, out := range []string{"public", "../S-public", "contents", "../S2", filepath.Join(site, "docs")} {
		if code, _, stderr := run(t, "build", "--src", ".", "--out", out); code != ExitOK {
			t.Errorf("--out %s: exit code %d:\n%s", out, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Errorf("--out public from inside the link did not land in the site's public/: %v", err)
	}
}

func TestRealPath(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(top, "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustLink(t, filepath.Join(top, "a", "b"), filepath.Join(top, "lb"))
	for in, want := range map[string]string{
		filepath.Join(top, "lb"):                     filepath.Join(top, "a", "b"),
		filepath.Join(top, "lb") + "/..":             filepath.Join(top, "a"),
		filepath.Join(top, "lb") + "/../new/x":       filepath.Join(top, "a", "new", "x"),
		filepath.Join(top, "missing") + "/../lb":     filepath.Join(top, "a", "b"),
		filepath.Join(top, "missing") + "/../lb/../": filepath.Join(top, "a"),
		filepath.Join(top, "a", "b", "new"):          filepath.Join(top, "a", "b", "new"),
	} {
		got, err := realPath(in)
		if err != nil || got != want {
			t.Errorf("realPath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func writeFileAt(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
