package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/testbrowser"
)

// waitIn polls a JavaScript condition in the page until it is true. The
// page may be reloading: an evaluation error means "not yet".
func waitIn(t testing.TB, ctx context.Context, what, cond string) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := start.Add(15 * time.Second)
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && v {
			return time.Since(start)
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (%s)", what, cond)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestServeInBrowser opens a page, edits its markdown and sees the change
// without reloading by hand; breaks the front matter and sees the overlay
// with the problem; fixes it and sees the overlay go.
func TestServeInBrowser(t *testing.T) {
	ctx := testbrowser.New(t)
	src := writeSite(t, goodSite)
	url, _ := devServer(t, src)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"roles/analyst/")); err != nil {
		t.Fatal(err)
	}
	waitIn(t, ctx, "the page", `document.querySelector("h1") && document.querySelector("h1").textContent.includes("Analyst")`)
	waitIn(t, ctx, "the live-reload connection", `document.querySelector('script[src*="__rolesite/live.js"]') !== null`)
	time.Sleep(200 * time.Millisecond) // let EventSource connect before the first edit

	file := filepath.Join(src, "content", "roles", "analyst.md")
	write := func(s string) {
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := goodSite["content/roles/analyst.md"]
	write(strings.Replace(good, "Uses [SQL]", "Edited in the browser test. Uses [SQL]", 1))
	waitIn(t, ctx, "the edit", `document.body.innerText.includes("Edited in the browser test.")`)

	write("---\ntitle: [unclosed\n---\n")
	waitIn(t, ctx, "the overlay", `(() => { const o = document.getElementById("__rolesite-overlay"); return !!o && o.innerText.includes("content/roles/analyst.md") && o.innerText.includes("YAML front matter does not parse") })()`)
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.innerText.includes("Edited in the browser test.")`)); !v {
		t.Error("the last good page is gone while the overlay shows")
	}

	write(strings.Replace(good, "Uses [SQL]", "Fixed in the browser test. Uses [SQL]", 1))
	waitIn(t, ctx, "the overlay to go and the fix to show", `document.getElementById("__rolesite-overlay") === null && document.body.innerText.includes("Fixed in the browser test.")`)
}

// BenchmarkServeLatency measures, in a real browser, the time from writing
// a markdown file to the open page showing the new text, on the
// repository's atlas and on a generated 10,000-page site (the latter only
// with ROLESITE_BENCH_10K=1, as generating and building it takes a while).
// It reports the median and the worst of the edits as ms metrics.
//
//	go test ./internal/cli -run '^$' -bench ServeLatency -benchtime 20x
func BenchmarkServeLatency(b *testing.B) {
	body := func(orig, marker string) string { return strings.Replace(orig, "\n## ", "\n"+marker+"\n\n## ", 1) }
	b.Run("atlas", func(b *testing.B) {
		src := b.TempDir()
		copyTree(b, "../..", src, "content")
		latency(b, src, "content/roles/data-scientist.md", "roles/data-scientist/", body)
	})
	// At 10k, the edits of issue 18: a body; the page's own title; the
	// title of a tool the page lists, which changes every page listing it.
	title := func(old string) func(orig, marker string) string {
		return func(orig, marker string) string {
			return strings.Replace(orig, "title: "+old, "title: "+old+" "+marker, 1)
		}
	}
	for _, c := range []struct {
		name, file string
		edit       func(orig, marker string) string
	}{
		{"10k", "content/roles/role-00042.md", body},
		{"10k-title", "content/roles/role-00042.md", title("Role 00042")},
		{"10k-tool-title", "", nil},
	} {
		b.Run(c.name, func(b *testing.B) {
			if os.Getenv("ROLESITE_BENCH_10K") != "1" {
				b.Skip("set ROLESITE_BENCH_10K=1 to measure on a generated 10,000-page site")
			}
			src := b.TempDir()
			if err := benchgen.Generate(10000, benchgen.ToDir(src)); err != nil {
				b.Fatal(err)
			}
			file, edit := c.file, c.edit
			if file == "" { // the role's first tool
				tool := firstTool(b, filepath.Join(src, "content/roles/role-00042.md"))
				file = "content/tools/" + tool + ".md"
				data, err := os.ReadFile(filepath.Join(src, file))
				if err != nil {
					b.Fatal(err)
				}
				edit = title(strings.TrimSpace(strings.SplitN(strings.SplitN(string(data), "title: ", 2)[1], "\n", 2)[0]))
			}
			latency(b, src, file, "roles/role-00042/", edit)
		})
	}
}

// firstTool is the first slug of the tools list of the page at path.
func firstTool(b *testing.B, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	_, after, ok := strings.Cut(string(data), "tools: [")
	if !ok {
		b.Fatalf("%s lists no tools", path)
	}
	return strings.TrimSpace(strings.FieldsFunc(after, func(r rune) bool { return r == ',' || r == ']' })[0])
}

// latency measures, on the dev server, the time from writing file with
// edit applied (given a new marker each time) to page showing the marker.
func latency(b *testing.B, src, file, page string, edit func(orig, marker string) string) {
	ctx := testbrowser.New(b)
	url, _ := devServer(b, src)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+page)); err != nil {
		b.Fatal(err)
	}
	waitIn(b, ctx, "the page", `document.readyState === "complete"`)
	time.Sleep(300 * time.Millisecond)
	path := filepath.Join(src, filepath.FromSlash(file))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	i := 0
	for b.Loop() {
		i++
		marker := fmt.Sprintf("Latency marker %d.", i)
		edited := edit(string(orig), marker)
		if edited == string(orig) {
			b.Fatalf("the edit of %s changed nothing", file)
		}
		start := time.Now()
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		waitIn(b, ctx, "the edit", fmt.Sprintf(`document.body && document.body.innerText.includes(%q)`, marker))
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(0, "ns/op")
}

// copyTree copies the named folders of one site folder into another.
func copyTree(b testing.TB, from, to string, dirs ...string) {
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(from, d), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			dst := filepath.Join(to, rel)
			_ = os.MkdirAll(filepath.Dir(dst), 0o755)
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
