package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mvSite(t *testing.T) string {
	return writeSite(t, map[string]string{
		"content/_index.md":       "---\ntitle: Site\n---\n",
		"content/roles/a.md":      "---\ntitle: A «𝔸»\ntools: [python, rust]\n---\nSee [Python](../tools/python.md#use).\r\n",
		"content/roles/b.md":      "+++\ntitle = \"B\"\ntools = [\"python\"]\n+++\n",
		"content/tools/python.md": "---\ntitle: Python\n---\n## Use\n",
		"content/tools/rust.md":   "---\ntitle: Rust\n---\n",
		"content/roles/draft.md":  "---\ntitle: Draft\ndraft: true\ntools: [python]\n---\n",
	})
}

// TestMv renames a page on disk and checks every file naming it, the
// alias, and that the site still checks clean.
func TestMv(t *testing.T) {
	dir := mvSite(t)
	code, stdout, stderr := run(t, "mv", "--src", dir, "tools/python", "tools/cpython")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "renamed content/tools/python.md to content/tools/cpython.md: 4 references in 4 files") {
		t.Errorf("stdout: %s", stdout)
	}
	want := map[string]string{
		"content/roles/a.md":       "---\ntitle: A «𝔸»\ntools: [cpython, rust]\n---\nSee [Python](../tools/cpython.md#use).\r\n",
		"content/roles/b.md":       "+++\ntitle = \"B\"\ntools = [\"cpython\"]\n+++\n",
		"content/roles/draft.md":   "---\ntitle: Draft\ndraft: true\ntools: [cpython]\n---\n", // drafts too
		"content/tools/cpython.md": "---\naliases: [\"/tools/python/\"]\ntitle: Python\n---\n## Use\n",
	}
	for name, text := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != text {
			t.Errorf("%s = %q, %v; want %q", name, got, err, text)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content/tools/python.md")); err == nil {
		t.Error("the old file is still there")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "content/*/.rolesite-mv-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if code, _, stderr := run(t, "check", "--src", dir); code != ExitOK {
		t.Errorf("check after mv: exit %d\n%s", code, stderr)
	}
}

// TestMvDryRun prints the edits and changes nothing.
func TestMvDryRun(t *testing.T) {
	dir := mvSite(t)
	before, _ := os.ReadFile(filepath.Join(dir, "content/roles/a.md"))
	code, stdout, stderr := run(t, "mv", "-n", "--src", dir, "tools/python", "tools/cpython")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`content/roles/a.md:3:9: "python" -> "cpython"`,
		`content/roles/a.md:5:23: "python.md" -> "cpython.md"`,
		`content/roles/b.md:3:11: "python" -> "cpython"`,
		`content/tools/python.md:2:1: "" -> "aliases: [\"/tools/python/\"]\n"`,
		"rename content/tools/python.md -> content/tools/cpython.md",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, stdout)
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, "content/roles/a.md"))
	if string(after) != string(before) {
		t.Error("the dry run changed a file")
	}
	if _, err := os.Stat(filepath.Join(dir, "content/tools/cpython.md")); err == nil {
		t.Error("the dry run wrote the new file")
	}
}

func TestMvRefuses(t *testing.T) {
	dir := mvSite(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"tools/python", "tools/rust"}, ExitProblem, "content/tools/rust.md: a file of that name exists"},
		{[]string{"tools/python", "roles/python"}, ExitUsage, "different sections"},
		{[]string{"tools/nope", "tools/yes"}, ExitProblem, "content/tools/nope.md: no such page"},
		{[]string{"tools/python", "tools/Py Thon"}, ExitProblem, `"Py Thon" is not a slug`},
		{[]string{"tools/python"}, ExitUsage, "want two arguments"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, append([]string{"mv", "--src", dir}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("mv %v: exit %d, %q; want exit %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content/tools/python.md")); err != nil {
		t.Errorf("a refused mv touched the page: %v", err)
	}
}
