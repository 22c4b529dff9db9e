package cli

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var goodSite = map[string]string{
	"content/_index.md":        "---\ntitle: Atlas\n---\nHello.\n",
	"content/roles/_index.md":  "---\ntitle: Roles\nrelations:\n  collaborates_with: roles\n---\n",
	"content/roles/analyst.md": "---\ntitle: Analyst\nsummary: Looks.\nweight: 2\ntools: [sql]\ncollaborates_with: []\nskills: [Reading]\n---\nUses [SQL](../tools/sql.md).\n",
	"content/tools/sql.md":     "---\ntitle: SQL\ncategory: Languages\n---\n",
}

func TestUsageAndVersion(t *testing.T) {
	if code, _, errOut := run(t); code != ExitUsage || !strings.Contains(errOut, "Usage:") {
		t.Errorf("no arguments: code %d, stderr %q", code, errOut)
	}
	if code, out, _ := run(t, "--help"); code != ExitOK || !strings.Contains(out, "build") {
		t.Errorf("--help: code %d, %q", code, out)
	}
	if code, out, errOut := run(t, "build", "--help"); code != ExitOK || !strings.Contains(out, "usage: rolesite build") || errOut != "" {
		t.Errorf("build --help: code %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := run(t, "frobnicate"); code != ExitUsage || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: code %d, %q", code, errOut)
	}
	if code, _, _ := run(t, "build", "--no-such-flag"); code != ExitUsage {
		t.Errorf("bad flag: code %d", code)
	}
	for _, cmd := range []string{"build", "check"} {
		if code, _, errOut := run(t, cmd, "--src", t.TempDir(), "--base-url", "example.org/atlas/"); code != ExitUsage || !strings.Contains(errOut, "https://example.org/atlas/") {
			t.Errorf("%s with a bad --base-url: code %d, %q", cmd, code, errOut)
		}
	}
	if code, out, _ := run(t, "version"); code != ExitOK || !strings.HasPrefix(out, "rolesite ") {
		t.Errorf("version: code %d, %q", code, out)
	}
}

func TestBuildWritesAndSummarises(t *testing.T) {
	src := writeSite(t, goodSite)
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := run(t, "build", "--src", src, "--out", out)
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "2 pages (1 roles, 1 tools), no problems") {
		t.Errorf("summary: %q", stdout)
	}
	page, err := os.ReadFile(filepath.Join(out, "roles", "analyst", "index.html"))
	if err != nil || !bytes.Contains(page, []byte(`href="/tools/sql/"`)) {
		t.Errorf("page: %v %s", err, page)
	}
}

// TestBuildSaysWhatNoBaseURLLeavesOut checks that a build without a base
// URL says so, and what to do, and that a build with one (from the flag
// or from content/_index.md) does not.
func TestBuildSaysWhatNoBaseURLLeavesOut(t *testing.T) {
	withIndex := maps.Clone(goodSite)
	withIndex["content/_index.md"] = "---\ntitle: Atlas\nbase_url: https://example.org/\n---\n"
	for _, c := range []struct {
		site  map[string]string
		flags []string
		note  bool
	}{
		{goodSite, nil, true},
		{goodSite, []string{"--base-url", "https://example.org/atlas/"}, false},
		{withIndex, nil, false},
	} {
		src := writeSite(t, c.site)
		args := append([]string{"build", "--src", src, "--out", filepath.Join(t.TempDir(), "site")}, c.flags...)
		code, stdout, stderr := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%v: code %d: %s", c.flags, code, stderr)
		}
		if got := strings.Contains(stdout, "no base URL") && strings.Contains(stdout, "--base-url"); got != c.note {
			t.Errorf("%v, _index.md %q: stdout %q", c.flags, c.site["content/_index.md"], stdout)
		}
	}
}

// TestFailedBuildKeepsOutput breaks the content after a good build and
// requires the output folder to stay byte-identical.
func TestFailedBuildKeepsOutput(t *testing.T) {
	src := writeSite(t, goodSite)
	out := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := run(t, "build", "--src", src, "--out", out); code != ExitOK {
		t.Fatal(stderr)
	}
	before := snapshot(t, out)
	for _, breakIt := range []struct{ file, data string }{
		{"content/roles/analyst.md", "---\ntitle: Analyst\ntools: [sqll]\n---\n"},
		{"templates/page.html", "{{define \"main\"}}{{.Nope}}{{end}}"},
	} {
		file := filepath.Join(src, filepath.FromSlash(breakIt.file))
		_ = os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, []byte(breakIt.data), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(t, "build", "--src", src, "--out", out)
		if code != ExitProblem {
			t.Fatalf("%s: code %d, want 1", breakIt.file, code)
		}
		if !strings.Contains(stderr, breakIt.file+":") {
			t.Errorf("stderr does not name %s: %q", breakIt.file, stderr)
		}
		if after := snapshot(t, out); !equalMaps(before, after) {
			t.Errorf("%s: the failed build changed the output", breakIt.file)
		}
		if good, ok := goodSite[breakIt.file]; ok {
			_ = os.WriteFile(file, []byte(good), 0o644)
		} else {
			_ = os.Remove(file)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("left-over folders beside the output: %v", entries)
	}
}

func TestBuildRefusesToReplaceSource(t *testing.T) {
	src := writeSite(t, goodSite)
	for _, out := range []string{src, filepath.Dir(src), filepath.Join(src, "content", "x")} {
		if code, _, stderr := run(t, "build", "--src", src, "--out", out); code != ExitUsage || !strings.Contains(stderr, "--out") {
			t.Errorf("--out %s: code %d, %q", out, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "content", "_index.md")); err != nil {
		t.Fatal("the source was damaged")
	}
}

func TestCheckWritesNothing(t *testing.T) {
	src := writeSite(t, goodSite)
	code, stdout, _ := run(t, "check", "--src", src)
	if code != ExitOK || !strings.Contains(stdout, "no problems") {
		t.Errorf("code %d, %q", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(src, "public")); !os.IsNotExist(err) {
		t.Errorf("check wrote output: %v", err)
	}
	_ = os.WriteFile(filepath.Join(src, "content", "roles", "x.md"), []byte("---\ntitle: X\ntools: [sq]\n---\n[a](nope.md)\n"), 0o644)
	code, _, stderr := run(t, "check", "--src", src)
	want := "content/roles/x.md:3:9: tools: no page \"sq\" in section tools (did you mean sql?)\ncontent/roles/x.md:5:1: link to nope.md: no such page\n"
	if code != ExitProblem || !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, "2 problems") {
		t.Errorf("code %d, stderr:\n%s\nwant prefix:\n%s", code, stderr, want)
	}
}

func TestNew(t *testing.T) {
	src := writeSite(t, goodSite)
	code, stdout, stderr := run(t, "new", "--src", src, "roles", "Analytics Engineer")
	want := filepath.Join(src, "content", "roles", "analytics-engineer.md")
	if code != ExitOK || strings.TrimSpace(stdout) != want {
		t.Fatalf("code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, _ := os.ReadFile(want)
	for _, field := range []string{"title: Analytics Engineer", `summary: ""`, "weight: 3", "tools: []", "collaborates_with: []", "skills: []"} {
		if !strings.Contains(string(data), field+"\n") {
			t.Errorf("new page lacks %q:\n%s", field, data)
		}
	}
	if code, _, _ := run(t, "check", "--src", src); code != ExitOK {
		t.Errorf("the new page does not check")
	}
	if code, _, stderr := run(t, "new", "--src", src, "roles", "Analytics Engineer"); code != ExitProblem || !strings.Contains(stderr, "already exists") {
		t.Errorf("overwrite: code %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "new", "--src", src, "role", "X"); code != ExitUsage || !strings.Contains(stderr, "did you mean roles?") {
		t.Errorf("bad section: code %d, %q", code, stderr)
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		m[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestBuildPrintsWarnings: build, which streams its pages to disk and lets
// each loaded file go once the site is resolved, prints the same warnings
// as check, a body's and a relation's.
func TestBuildPrintsWarnings(t *testing.T) {
	src := writeSite(t, map[string]string{
		"content/_index.md":  "---\ntitle: Home\n---\n",
		"content/roles/a.md": "---\ntitle: A\ntools: [t, d]\n---\n[c](file:///etc/passwd)\n",
		"content/tools/t.md": "---\ntitle: T\n---\n",
		"content/tools/d.md": "---\ntitle: D\ndraft: true\n---\n",
	})
	_, _, checkErr := run(t, "check", "--src", src)
	code, _, buildErr := run(t, "build", "--src", src, "--out", filepath.Join(t.TempDir(), "out"))
	if code != ExitOK || strings.Count(buildErr, "warning:") != 2 || buildErr != checkErr {
		t.Errorf("build: code %d, stderr %q; check's stderr %q", code, buildErr, checkErr)
	}
}
