package build_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/cli"
)

// caseLimit bounds the time of one bad-input case. Every case takes well
// under a second on a quiet machine; the margin is for -race and for a
// machine shared with other work.
const caseLimit = 10 * time.Second

// badBase is the small site every bad-input case starts from: a home page,
// a roles section that declares one relation, one role and one tool.
var badBase = map[string]string{
	"content/_index.md":       "---\ntitle: Site\n---\nHome.\n",
	"content/roles/_index.md": "---\ntitle: Roles\nrelations:\n  collaborates_with: roles\n---\n",
	"content/roles/a.md":      "---\ntitle: A\nsummary: Does things.\ntools: [spark]\n---\n# Work\n\nUses [Spark](../tools/spark.md).\n",
	"content/tools/spark.md":  "---\ntitle: Spark\nsummary: Big data.\n---\n",
}

// A badCase is one kind of malformed (or merely unusual) input. files are
// laid over badBase. want lists the exact
// diagnostics, one "path:line:col: message" each, in the order a build
// reports them; an empty want means the build must succeed, and then check,
// if set, looks at the output.
type badCase struct {
	name  string
	files map[string]string
	want  []string
	check func(t *testing.T, res build.Result)
	limit time.Duration // caseLimit when zero
	slow  bool          // left out of -short and -race runs
	// cpu cases spend their time in goldmark on one goroutine: the race
	// detector makes them some 30 times slower and has nothing to check.
	cpu bool
}

// TestBadInput builds a small site with one kind of bad input at a time and
// requires the exact diagnostics (or a correct build), no panic, and an end
// within caseLimit.
func TestBadInput(t *testing.T) {
	for _, tc := range badInputCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && (testing.Short() || raceEnabled) {
				t.Skip("slow: left out of -short and -race runs")
			}
			if tc.cpu && raceEnabled {
				t.Skip("single-goroutine parsing work: left out of -race runs")
			}
			files := maps.Clone(badBase)
			maps.Copy(files, tc.files)
			res := buildWithin(t, cmp.Or(tc.limit, caseLimit), func() build.Result {
				return build.Build(context.Background(), siteFS(files), rolesite.Theme(), build.Options{})
			})
			var got []string
			for _, d := range res.Diagnostics {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if len(tc.want) == 0 && !res.OK() {
				t.Fatal("the build failed without diagnostics")
			}
			if tc.check != nil {
				tc.check(t, res)
			}
		})
	}
}

// buildWithin runs f on its own goroutine and fails the test if it panics or
// does not return within limit. A case that overruns is left running: there
// is no way to stop a goroutine, and the failure is what matters.
func buildWithin[T any](t *testing.T, limit time.Duration, f func() T) T {
	t.Helper()
	type outcome struct {
		v     T
		panic string
	}
	done := make(chan outcome, 1)
	start := time.Now()
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o.panic = fmt.Sprintf("%v\n%s", r, debug.Stack())
			}
			done <- o
		}()
		o.v = f()
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case o := <-done:
		if o.panic != "" {
			t.Fatalf("panic: %s", o.panic)
		}
		t.Logf("took %v", time.Since(start).Round(time.Millisecond))
		return o.v
	case <-timer.C:
		t.Fatalf("still running after %v", limit)
	}
	panic("unreachable")
}

// page returns the named output file or fails.
func page(t *testing.T, res build.Result, name string) string {
	t.Helper()
	if res.Files == nil {
		t.Fatalf("the build failed: %v", res.Diagnostics)
	}
	data, ok := res.Files.Get(name)
	if !ok {
		t.Fatalf("%s not in the output", name)
	}
	return string(data)
}

// contains returns a check that each output file holds each string.
func contains(want map[string][]string) func(*testing.T, build.Result) {
	return func(t *testing.T, res build.Result) {
		t.Helper()
		for name, subs := range want {
			got := page(t, res, name)
			for _, s := range subs {
				if !strings.Contains(got, s) {
					t.Errorf("%s lacks %q", name, s)
				}
			}
		}
	}
}

func badInputCases() []badCase {
	role := func(fm string) map[string]string {
		return map[string]string{"content/roles/b.md": fm}
	}
	return []badCase{
		// Front matter that does not parse, in each format.
		{name: "yaml does not parse", files: role("---\ntitle: B\nsummary: [a, b\n---\n"),
			want: []string{
				"content/roles/b.md:3:10: YAML front matter does not parse: did not find expected ',' or ']': the list opened here with [ is never closed; end it with ], with a comma between items",
			}},
		{name: "yaml bad indentation", files: role("---\ntitle: B\n  summary: x\n---\n"),
			want: []string{
				`content/roles/b.md:3:10: YAML front matter does not parse: mapping values are not allowed in this context: quote a value that holds ": " ("a: b"), or indent a nested mapping on a line of its own`,
			}},
		{name: "yaml duplicate key", files: role("---\ntitle: B\nsummary: x\ntitle: C\n---\n"),
			want: []string{
				`content/roles/b.md:4:1: YAML front matter: key "title" given twice in one mapping (first at line 2): a field may appear once; remove one`,
			}},
		{name: "yaml tab indentation", files: role("---\ntitle: B\ntools:\n\t- spark\n---\n"),
			want: []string{
				"content/roles/b.md:4:1: YAML front matter does not parse: a tab where YAML wants spaces (found character that cannot start any token): indent with spaces, not tabs",
			}},
		{name: "toml does not parse", files: role("+++\ntitle = \"B\"\nsummary = 'x\n+++\n"),
			want: []string{
				"content/roles/b.md:3:13: TOML front matter does not parse: strings cannot contain newlines: close the string on its line, or use triple quotes for text over several lines",
			}},
		{name: "toml duplicate key", files: role("+++\ntitle = \"B\"\ntitle = \"C\"\n+++\n"),
			want: []string{
				"content/roles/b.md:3:1: TOML front matter does not parse: Key 'title' has already been defined: a key or table may appear once; remove one, or merge the two",
			}},
		{name: "json does not parse", files: role("{\n  \"title\": \"B\"\n  \"summary\": \"x\"\n}\n\n"),
			want: []string{
				`content/roles/b.md:3:3: JSON front matter does not parse: invalid character '"' after object key:value pair (is a comma missing?)`,
			}},
		{name: "json not an object", files: role("---json\n[1, 2]\n---\n"),
			want: []string{
				`content/roles/b.md:2:1: JSON front matter must be an object of fields ({"title": ..., "summary": ...})`,
			}},
		// A front matter block never closed.
		{name: "yaml never closed", files: role("---\ntitle: B\n\n# Body\n"),
			want: []string{
				"content/roles/b.md:1:1: front matter opened here with --- is never closed: add a line holding only --- after the last field",
			}},
		{name: "toml never closed", files: role("+++\ntitle = \"B\"\n"),
			want: []string{
				"content/roles/b.md:1:1: front matter opened here with +++ is never closed: add a line holding only +++ after the last field",
			}},
		{name: "json never closed", files: role("{\n  \"title\": \"B\"\n\n# Body\n"),
			want: []string{
				"content/roles/b.md:1:1: JSON front matter opened here is never closed: end it with a line holding only } followed by a blank line",
			}},
		// Wrong types.
		{name: "relation as a string", files: role("---\ntitle: B\ntools: \"spark\"\n---\n"),
			want: []string{
				`content/roles/b.md:3:1: tools must be a list of slugs of pages in tools, such as [spark], not the string "spark"`,
			}},
		{name: "order as a word", files: role("---\ntitle: B\norder: \"first\"\n---\n"),
			want: []string{
				`content/roles/b.md:3:1: order must be a whole number, not the string "first"`,
			}},
		{name: "draft as a word", files: role("---\ntitle: B\ndraft: \"yes\"\n---\n"),
			want: []string{
				`content/roles/b.md:3:1: draft must be true or false, not the string "yes"`,
			}},
		{name: "title as a list", files: role("---\ntitle: [B]\n---\n"),
			want: []string{
				"content/roles/b.md:2:1: title must be a string, not a list",
			}},
		{name: "relation item not a string", files: role("---\ntitle: B\ntools: [spark, 3]\n---\n"),
			want: []string{
				"content/roles/b.md:3:1: tools must be a list of slugs of pages in tools, such as [spark], not a list holding the number 3",
			}},
		{name: "wrong types in toml", files: role("+++\ntitle = \"B\"\ndraft = \"yes\"\ntools = \"spark\"\n+++\n"),
			want: []string{
				`content/roles/b.md:3:1: draft must be true or false, not the string "yes"`,
				`content/roles/b.md:4:1: tools must be a list of slugs of pages in tools, such as [spark], not the string "spark"`,
			}},
		{name: "wrong types in json", files: role("{\n  \"title\": \"B\",\n  \"order\": \"first\",\n  \"tools\": \"spark\"\n}\n\n"),
			want: []string{
				`content/roles/b.md:3:3: order must be a whole number, not the string "first"`,
				`content/roles/b.md:4:3: tools must be a list of slugs of pages in tools, such as [spark], not the string "spark"`,
			}},
		// Unknown relation values.
		{name: "unknown relation slug", files: role("---\ntitle: B\ntools: [sparkk, spark, nope]\n---\n"),
			want: []string{
				`content/roles/b.md:3:9: tools: no page "sparkk" in section tools (did you mean spark?)`,
				`content/roles/b.md:3:24: tools: no page "nope" in section tools`,
			}},
		{name: "relation to an unknown section", files: map[string]string{
			"content/roles/_index.md": "---\ntitle: Roles\nrelations:\n  mentors: peoples\n---\n"},
			want: []string{
				`content/roles/_index.md:4:12: relations: mentors names section "peoples", which does not exist`,
			}},
		{name: "declared relation slug unknown", files: role("---\ntitle: B\ncollaborates_with: [x]\n---\n"),
			want: []string{
				`content/roles/b.md:3:21: collaborates_with: no page "x" in section roles (did you mean a?)`,
			}},
		// Empty and front-matter-only files.
		{name: "empty file", files: role(""),
			want: []string{
				`content/roles/b.md:1:1: missing title: start the file with front matter such as "---\ntitle: ...\n---"`,
			}},
		{name: "blank file", files: role(" \n\n"),
			want: []string{
				`content/roles/b.md:1:1: missing title: start the file with front matter such as "---\ntitle: ...\n---"`,
			}},
		{name: "only front matter", files: role("---\ntitle: B\nsummary: Nothing else.\n---"),
			check: contains(map[string][]string{"roles/b/index.html": {"<h1>B</h1>"}})},
		// Encodings and line endings.
		{name: "byte order mark", files: role("\uFEFF---\ntitle: B\n---\nText.\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<h1>B</h1>", "<p>Text.</p>"}})},
		{name: "crlf", files: role("---\r\ntitle: B\r\nsummary: Line endings.\r\ntools: [spark]\r\n---\r\n# Head\r\n\r\nSee [Spark](../tools/spark.md#nope).\r\n"),
			want: []string{
				"content/roles/b.md:8:5: link to ../tools/spark.md#nope: content/tools/spark.md has no heading with that ID",
			}},
		{name: "crlf builds", files: role("---\r\ntitle: B\r\ntools: [spark]\r\n---\r\n# Head\r\n\r\nSee [A](a.md#work).\r\n"),
			check: contains(map[string][]string{"roles/b/index.html": {`href="/roles/a/#work"`}})},
		{name: "lone carriage returns", files: role("---\rtitle: B\r---\rText.\r"),
			check: contains(map[string][]string{"roles/b/index.html": {"<h1>B</h1>", "<p>Text.</p>"}})},
		{name: "invalid utf-8", files: role("---\ntitle: B\n---\nCaf\xe9\n"),
			want: []string{
				"content/roles/b.md:4:4: invalid UTF-8 (byte 0xe9): save the file as UTF-8",
			}},
		{name: "invalid utf-8 in front matter", files: role("---\ntitle: \xff\n---\n"),
			want: []string{
				"content/roles/b.md:2:8: invalid UTF-8 (byte 0xff): save the file as UTF-8",
			}},
		{name: "nul byte", files: role("---\ntitle: B\n---\nA\x00B\n"),
			want: []string{
				"content/roles/b.md:4:2: file contains a NUL byte: it looks like a binary file, not markdown; remove it or rename it so it does not end in .md",
			}},
		{name: "binary file", files: role("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"),
			want: []string{
				"content/roles/b.md:3:1: file contains a NUL byte: it looks like a binary file, not markdown; remove it or rename it so it does not end in .md",
			}},
		// Deep nesting.
		{name: "10000-deep list", cpu: true, files: role("---\ntitle: B\n---\n" + strings.Repeat("- ", 10000) + "x\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<ul>\n<li>\n<ul>"}})},
		{name: "10000-deep ordered list", cpu: true, files: role("---\ntitle: B\n---\n" + strings.Repeat("1. ", 10000) + "x\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<ol>\n<li>\n<ol>"}})},
		{name: "10000-deep blockquote", cpu: true, files: role("---\ntitle: B\n---\n" + strings.Repeat(">", 10000) + " x\n" + strings.Repeat("lazy line\n", 100)),
			check: contains(map[string][]string{"roles/b/index.html": {"<blockquote>\n<blockquote>"}})},
		{name: "10000-deep mixed", cpu: true, files: role("---\ntitle: B\n---\n" + strings.Repeat("> - ", 5000) + "x\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<blockquote>\n<ul>\n<li>\n<blockquote>"}})},
		// Nested by indentation, each level costs goldmark a scan of every
		// line at every open level (cubic in the depth: 1,000 deep, a 1 MB
		// file, takes a second), so this one stops at 500.
		{name: "500-deep indented list", cpu: true, files: role("---\ntitle: B\n---\n" + indentedList(500)),
			check: contains(map[string][]string{"roles/b/index.html": {"<ul>\n<li>"}})},
		{name: "10000-deep emphasis and brackets", cpu: true, files: role("---\ntitle: B\n---\n" + strings.Repeat("*[", 10000) + "x" + strings.Repeat("]*", 10000) + "\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<h1>B</h1>"}})},
		// A big page: time linear in its size.
		{name: "50 MB page", slow: true, limit: 30 * time.Second,
			files: role("---\ntitle: B\n---\n" + strings.Repeat(bigChunk, 50<<20/len(bigChunk))),
			check: contains(map[string][]string{"roles/b/index.html": {`<h2 id="overview-4999">`, `href="/roles/a/#work"`}})},
		// Slugs and aliases that try to leave the output.
		{name: "alias leaves the output", files: role("---\ntitle: B\naliases: [../../x, /a/../../x, \"%2e%2e/x\", \"%252e%252e/x\", '..\\x', /etc/passwd/../../x]\n---\n"),
			want: []string{
				`content/roles/b.md:3:11: aliases: "../../x" may not contain empty, . or .. segments`,
				`content/roles/b.md:3:20: aliases: "/a/../../x" may not contain empty, . or .. segments`,
				`content/roles/b.md:3:33: aliases: "%2e%2e/x" may not contain empty, . or .. segments`,
				`content/roles/b.md:3:45: aliases: "%252e%252e/x" may not contain empty, . or .. segments`,
				`content/roles/b.md:3:61: aliases: "..\\x" may not contain control characters or backslashes`,
				`content/roles/b.md:3:68: aliases: "/etc/passwd/../../x" may not contain empty, . or .. segments`,
			}},
		{name: "alias absolute or a URL", files: role("---\ntitle: B\naliases: [\"//evil.example/x\", \"https://evil.example/\", \"C:/x\", \"file:///etc/passwd\"]\n---\n"),
			want: []string{
				`content/roles/b.md:3:12: aliases: "//evil.example/x" must be a path on this site such as /old/name/, not a URL`,
				`content/roles/b.md:3:32: aliases: "https://evil.example/" must be a path on this site such as /old/name/, not a URL`,
				`content/roles/b.md:3:57: aliases: "C:/x" must be a path on this site such as /old/name/, not a URL`,
				`content/roles/b.md:3:65: aliases: "file:///etc/passwd" must be a path on this site such as /old/name/, not a URL`,
			}},
		{name: "alias absolute path stays inside", files: role("---\ntitle: B\naliases: [/etc/passwd]\n---\n"),
			check: contains(map[string][]string{"etc/passwd/index.html": {`/roles/b/`}})},
		// A dot-file is not content (as editors' and tools' files are not).
		{name: "file name that is not a slug", files: map[string]string{"content/roles/%2e%2e.md": "---\ntitle: B\n---\n", "content/roles/..md": "---\ntitle: C\n---\n"},
			want: []string{
				`content/roles/%2e%2e.md:1:1: file name "%2e%2e.md" cannot be a slug: use letters, digits and hyphens only, e.g. "2e-2e.md"`,
			}},
		{name: "folder name that is not a section", files: map[string]string{"content/%2e%2e/x.md": "---\ntitle: X\n---\n"},
			want: []string{
				// The suggestion should be a folder name, without ".md":
				// internal/site/resolve.go suggestName is for files.
				`content/%2e%2e/x.md:1:1: folder name "%2e%2e" cannot be a section: use letters, digits and hyphens only, e.g. "2e-2e"`,
			}},
		// Output collisions.
		{name: "page and alias collide", files: role("---\ntitle: B\naliases: [/roles/a/]\n---\n"),
			want: []string{
				"content/roles/b.md:3:11: aliases: content/roles/a.md and content/roles/b.md both write roles/a/index.html; remove the alias or rename the page",
			}},
		{name: "two aliases collide", files: map[string]string{
			"content/roles/b.md": "---\ntitle: B\naliases: [/old/]\n---\n",
			"content/roles/c.md": "---\ntitle: C\naliases: [/old/index.html]\n---\n"},
			want: []string{
				"content/roles/c.md:3:11: aliases: content/roles/b.md and content/roles/c.md both write old/index.html; remove the alias or rename the page",
			}},
		{name: "page and static file collide", files: map[string]string{"static/roles/a/index.html": "<p>static</p>"},
			want: []string{
				"content/roles/a.md: output collision: static/roles/a/index.html and content/roles/a.md both write roles/a/index.html; rename one of them",
			}},
		{name: "alias and static file collide", files: map[string]string{
			"content/roles/b.md": "---\ntitle: B\naliases: [/old.html]\n---\n",
			"static/old.html":    "<p>static</p>"},
			want: []string{
				"content/roles/b.md:3:11: aliases: static/old.html and content/roles/b.md both write old.html; remove the alias or rename the page",
			}},
		{name: "alias and generated file collide", files: role("---\ntitle: B\naliases: [/search/, /404.html]\n---\n"),
			want: []string{
				"content/roles/b.md:3:11: aliases: templates/search.html and content/roles/b.md both write search/index.html; remove the alias or rename the page",
				"content/roles/b.md:3:21: aliases: templates/404.html and content/roles/b.md both write 404.html; remove the alias or rename the page",
			}},
		{name: "section and static file collide", files: map[string]string{"static/tools/index.html": "<p>static</p>"},
			want: []string{
				"content/tools/: output collision: static/tools/index.html and content/tools/ both write tools/index.html; rename one of them",
			}},
	}
}

// indentedList is a list nested n deep by indentation, each item on its own
// line: n² bytes of spaces, so 10,000 deep would be a 100 MB file.
func indentedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- x\n")
	}
	return b.String()
}

// A diskCase is bad input that only a real file system can hold: links,
// pipes, permissions, a file too big to keep in a table. setup makes it in
// the site folder src, which holds badBase. want is as for badCase.
type diskCase struct {
	name  string
	setup func(t *testing.T, src string)
	want  []string
	limit time.Duration // caseLimit when zero
	// unprivileged runs the build as an ordinary user, for permission cases:
	// see runUnprivileged.
	unprivileged bool
	// slow cases are left out of -short and -race runs.
	slow bool
}

// TestBadInputOnDisk builds a site folder on disk with "rolesite build" and
// requires the exact diagnostics and exit code 1, or exit code 0.
func TestBadInputOnDisk(t *testing.T) {
	for _, tc := range diskCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && (testing.Short() || raceEnabled) {
				t.Skip("slow: left out of -short and -race runs")
			}
			src := filepath.Join(t.TempDir(), "site")
			for name, data := range badBase {
				writeFile(t, filepath.Join(src, filepath.FromSlash(name)), data)
			}
			tc.setup(t, src)
			out := filepath.Join(t.TempDir(), "public")
			var code int
			var stderr string
			args := []string{"build", "--src", src, "--out", out}
			if tc.unprivileged && os.Geteuid() == 0 {
				code, stderr = runUnprivileged(t, src, out)
			} else {
				type result struct {
					code   int
					stderr string
				}
				r := buildWithin(t, cmp.Or(tc.limit, caseLimit), func() result {
					var o, e bytes.Buffer
					code := cli.Main(context.Background(), args, strings.NewReader(""), &o, &e)
					return result{code, e.String()}
				})
				code, stderr = r.code, r.stderr
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			got := lines[:len(lines)-1] // the last line is the summary
			if len(tc.want) == 0 {
				if code != cli.ExitOK {
					t.Fatalf("exit code %d:\n%s", code, stderr)
				}
				return
			}
			if code != cli.ExitProblem || strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("exit code %d, diagnostics:\n%s\nwant exit code 1 and:\n%s", code, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed build wrote %s: %v", out, err)
			}
		})
	}
}

func diskCases() []diskCase {
	symlink := func(t *testing.T, target, name string) {
		t.Helper()
		if err := os.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	roles := func(src string) string { return filepath.Join(src, "content", "roles") }
	return []diskCase{
		{name: "symlink loop between folders", setup: func(t *testing.T, src string) {
			symlink(t, "..", filepath.Join(roles(src), "up"))
			symlink(t, "loop", filepath.Join(roles(src), "loop"))
		}},
		{name: "symlink to itself named .md", setup: func(t *testing.T, src string) {
			symlink(t, "self.md", filepath.Join(roles(src), "self.md"))
		}, want: []string{
			"content/roles/self.md: cannot read: too many levels of symbolic links",
		}},
		{name: "two symlinks in a loop", setup: func(t *testing.T, src string) {
			symlink(t, "y.md", filepath.Join(roles(src), "x.md"))
			symlink(t, "x.md", filepath.Join(roles(src), "y.md"))
		}, want: []string{
			"content/roles/x.md: cannot read: too many levels of symbolic links",
			"content/roles/y.md: cannot read: too many levels of symbolic links",
		}},
		{name: "dangling symlink", setup: func(t *testing.T, src string) {
			symlink(t, "gone.md", filepath.Join(roles(src), "x.md"))
		}, want: []string{
			"content/roles/x.md: cannot read: no such file or directory",
		}},
		{name: "symlink to a folder, named .md", setup: func(t *testing.T, src string) {
			symlink(t, "../tools", filepath.Join(roles(src), "x.md"))
		}, want: []string{
			"content/roles/x.md: cannot read: is a directory",
		}},
		{name: "symlink to a page elsewhere in the site", setup: func(t *testing.T, src string) {
			writeFile(t, filepath.Join(src, "shared", "b.md"), "---\ntitle: B\n---\nShared.\n")
			symlink(t, "../../shared/b.md", filepath.Join(roles(src), "b.md"))
		}},
		{name: "empty folder named .md", setup: func(t *testing.T, src string) {
			if err := os.Mkdir(filepath.Join(roles(src), "x.md"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "named pipe named .md", setup: func(t *testing.T, src string) {
			if err := syscall.Mkfifo(filepath.Join(roles(src), "x.md"), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}, want: []string{
			"content/roles/x.md: cannot read: not a regular file: only folders and regular files are read; remove it or replace it with a file",
		}},
		{name: "symlink to a named pipe", setup: func(t *testing.T, src string) {
			fifo := filepath.Join(src, "pipe")
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			symlink(t, fifo, filepath.Join(roles(src), "x.md"))
			// Should a build open the pipe, release it once the case is
			// over: a writer that comes and goes gives the reader an EOF.
			t.Cleanup(func() {
				if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					f.Close()
				}
			})
		}, want: []string{
			"content/roles/x.md: cannot read: not a regular file: only folders and regular files are read; remove it or replace it with a file",
		}},
		{name: "unreadable file", unprivileged: true, setup: func(t *testing.T, src string) {
			writeFile(t, filepath.Join(roles(src), "x.md"), "---\ntitle: X\n---\n")
			if err := os.Chmod(filepath.Join(roles(src), "x.md"), 0); err != nil {
				t.Fatal(err)
			}
		}, want: []string{
			"content/roles/x.md: cannot read: permission denied: make the file readable",
		}},
		{name: "unreadable folder", unprivileged: true, setup: func(t *testing.T, src string) {
			if err := os.Chmod(filepath.Join(src, "content", "tools"), 0); err != nil {
				t.Fatal(err)
			}
		}, want: []string{
			// The tool page in the folder is missing, so the role's link
			// to it is reported too. (The hint should say "folder":
			// internal/build/load.go readError does not know.)
			"content/roles/a.md:8:6: link to ../tools/spark.md: no such page",
			"content/tools: cannot read: permission denied: make the folder readable",
		}},
		{name: "50 MB page", slow: true, limit: 30 * time.Second, setup: func(t *testing.T, src string) {
			writeFile(t, filepath.Join(roles(src), "big.md"), "---\ntitle: Big\n---\n"+strings.Repeat(bigChunk, 50<<20/len(bigChunk)))
		}},
	}
}

// bigChunk is about 700 bytes of the markdown a role page holds: headings
// (the same ones again and again), emphasis, code, links to other pages and
// to a heading, a nested list, a table, a fenced block and a quote.
const bigChunk = "## Overview\n\nA *data engineer* builds **pipelines** that move data from `source` to the warehouse; " +
	"see [Spark](../tools/spark.md) and [A](a.md#work).\n\n- ingest events with a streaming job\n- validate the schema, then load\n" +
	"  1. nested step one\n  2. nested step two\n\n| stage | tool | notes |\n|---|---|---|\n| ingest | Kafka | at-least-once |\n" +
	"| store | S3 | parquet files |\n\n```python\nimport pandas as pd\ndf = pd.read_parquet('x')\n```\n\n" +
	"> A quote about data quality, with https://example.org/autolink in it.\n\n"

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runUnprivileged runs "rolesite build --src src --out out" as the user
// nobody (uid 65534) and returns its exit code and standard error. Root
// reads any file whatever its mode, so a permission case run as root would
// test nothing; instead the test builds the real binary and drops to an
// ordinary user for it, so that the kernel refuses the read exactly as it
// would for an author. The folders on the way to src and out are opened up
// to that user; the file or folder under test keeps its mode 000.
func runUnprivileged(t *testing.T, src, out string) (int, string) {
	t.Helper()
	bin := rolesiteBinary(t)
	reachable(t, bin)
	reachable(t, src)
	reachable(t, filepath.Dir(out))
	if err := os.Chmod(filepath.Dir(out), 0o777); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "build", "--src", src, "--out", out)
	cmd.Stderr = &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	if err := cmd.Start(); err != nil {
		t.Skip("cannot run a process as an ordinary user here:", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(caseLimit)
	defer timer.Stop()
	select {
	case err := <-done:
		if _, exited := err.(*exec.ExitError); err != nil && !exited {
			t.Fatal(err)
		}
	case <-timer.C:
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("still running after %v", caseLimit)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// reachable lets every user open name: name and each folder above it, up to
// the system's temporary folder, gain read and search permission for all.
func reachable(t *testing.T, name string) {
	t.Helper()
	for p := name; p != os.TempDir() && p != filepath.Dir(p); p = filepath.Dir(p) {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, info.Mode().Perm()|0o055|info.Mode()&os.ModeSticky); err != nil {
			t.Fatal(err)
		}
	}
}
