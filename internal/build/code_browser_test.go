package build_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/testbrowser"
)

// TestCodeBlockInBrowser opens a published page with code blocks under the
// Content-Security-Policy a static host sends, and checks what js/code.js
// adds: the language's name over a block that names one, and a Copy
// button that puts the block's code, exactly, on the clipboard and says so.
// Nothing may reach the console (a policy violation would: an inline style
// from the highlighter, say).
func TestCodeBlockInBrowser(t *testing.T) {
	browser := testbrowser.New(t)
	code := "def f(x):\n    return \"<b>\" * 2  # twice\n"
	res := build.Build(context.Background(), siteFS(map[string]string{
		"content/_index.md":  "---\ntitle: Site\n---\n",
		"content/roles/a.md": "---\ntitle: A\n---\n```python\n" + code + "```\n\n```\nplain\n```\n",
	}), rolesite.Theme(), build.Options{Minify: true, Fingerprint: true})
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	ts := serveWithPolicy(t, res)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()
	watch := watchTab(ctx)
	defer watch.wait()
	defer cancel()

	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/roles/a/"),
		chromedp.WaitVisible(".code-copy"),
	)
	if err != nil {
		t.Fatal(err)
	}
	labels := evaluate[[]string](t, ctx, `Array.from(document.querySelectorAll(".code-lang"), e => e.textContent)`)
	// The headless clipboard needs a permission: stand in for it.
	evaluate[bool](t, ctx, `navigator.clipboard.writeText = t => { window.copied = t; return Promise.resolve(); }; true`)
	if err := chromedp.Do(ctx, chromedp.Click(".code .code-copy", chromedp.NodeVisible)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.copied !== undefined`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatal(err)
	}
	copied := evaluate[string](t, ctx, `window.copied`)
	button := evaluate[string](t, ctx, `document.querySelector(".code-copy").textContent`)
	status := evaluate[string](t, ctx, `document.querySelector(".code [role=status]").textContent`)
	if len(labels) != 1 || labels[0] != "Python" {
		t.Errorf("language labels = %q, want just Python", labels)
	}
	if copied != code {
		t.Errorf("copied %q, want %q", copied, code)
	}
	if button != "Copied" || status == "" {
		t.Errorf("after copying the button says %q and the status %q", button, status)
	}
	cancel()
	watch.wait()
	for _, p := range watch.problems {
		t.Error(p)
	}
}

func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}
