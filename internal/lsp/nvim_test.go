package lsp_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rolesite/rolesite/internal/lsp/lsptest"
)

// TestNeovim starts headless Neovim with rolesite lsp as its language
// server, opens a page with a bad slug, and checks that the diagnostic
// arrives with check's message and that completion in the relation offers
// the right slugs, and that a rename from a link, applied and saved by
// Neovim, moves the file and rewrites the link. It needs nvim (Debian's
// neovim package): without it the test is skipped, or fails under CI=true.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is not installed: .ci/run installs Debian's neovim package")
		}
		t.Skip("nvim is not installed (apt-get install neovim): skipping the end-to-end test with Neovim")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "rolesite")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/rolesite/rolesite/cmd/rolesite").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := lsptest.Site(t, `
-- content/_index.md --
---
title: Site
---
-- content/roles/a.md --
---
title: A
tools: [pyhton, ]
---
See [Python](../tools/python.md).
-- content/tools/python.md --
---
title: Python
summary: A language.
---
-- content/tools/pandas.md --
---
title: pandas
---
`)
	diags, items := runNeovim(ctx, t, nvim, bin, dir)
	want := `2:8	tools: no page "pyhton" in section tools (did you mean python?)`
	if len(diags) != 1 || diags[0] != want {
		t.Errorf("diagnostics in Neovim = %q, want %q", diags, want)
	}
	slices.Sort(items)
	if strings.Join(items, " ") != "pandas python" {
		t.Errorf("completion in Neovim = %q, want pandas and python", items)
	}
	// The rename, as Neovim applied and saved it.
	for name, want := range map[string]string{
		"content/roles/a.md":       "See [Python](../tools/cpython.md).",
		"content/tools/cpython.md": `aliases: ["/tools/python/"]`,
	} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s after the rename in Neovim: %q, %v; want it to hold %q", name, data, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content/tools/python.md")); err == nil {
		t.Error("content/tools/python.md is still there after the rename in Neovim")
	}
}

// runNeovim runs testdata/nvim.lua on the site and returns the
// diagnostics ("line:col\tmessage") and completion labels it saw.
func runNeovim(ctx context.Context, t *testing.T, nvim, bin, dir string) (diags, items []string) {
	tmp := t.TempDir()
	script, err := filepath.Abs("testdata/nvim.lua")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "out.txt")
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-c", "luafile "+script)
	cmd.Env = append(os.Environ(), "SITE="+dir, "ROLESITE="+bin, "OUT="+out,
		"XDG_CONFIG_HOME="+tmp, "XDG_DATA_HOME="+tmp, "XDG_STATE_HOME="+tmp, "XDG_CACHE_HOME="+tmp)
	cmd.WaitDelay = 5 * time.Second
	if log, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, log)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no results: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		kind, rest, _ := strings.Cut(line, "\t")
		switch kind {
		case "diag":
			diags = append(diags, rest)
		case "item":
			items = append(items, rest)
		case "renamed":
		default:
			t.Errorf("nvim: %s", line)
		}
	}
	return diags, items
}
