package testbrowser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakePath makes a folder holding an executable script for each name, puts
// it alone on PATH and clears Env; it returns the folder.
func fakePath(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	t.Setenv(Env, "")
	return dir
}

// TestFindOrder checks that each name on PATH wins over those after it.
func TestFindOrder(t *testing.T) {
	order := []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}
	for i, name := range order {
		t.Run(name, func(t *testing.T) {
			// The later names are there too; the earlier ones are not.
			dir := fakePath(t, order[i:]...)
			got, err := Find()
			if want := filepath.Join(dir, name); err != nil || got != want {
				t.Errorf("Find() = %q, %v; want %q", got, err, want)
			}
		})
	}
}

func TestFindSkipsWhatCannotRun(t *testing.T) {
	dir := fakePath(t, "google-chrome")
	if err := os.WriteFile(filepath.Join(dir, "chromium"), []byte("not a program"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Find()
	if want := filepath.Join(dir, "google-chrome"); err != nil || got != want {
		t.Errorf("Find() = %q, %v; want %q, past the chromium that cannot run", got, err, want)
	}
}

func TestFindNothing(t *testing.T) {
	fakePath(t)
	got, err := Find()
	if err == nil || !strings.Contains(err.Error(), "chromium") {
		t.Errorf("Find() on an empty PATH = %q, %v; want an error naming what it looked for", got, err)
	}
}

// TestFindEnv checks that ROLESITE_BROWSER comes before PATH, as a path or
// as a name, and that a setting naming nothing runnable is an error, not a
// fall back to PATH.
func TestFindEnv(t *testing.T) {
	dir := fakePath(t, "chromium", "my-chrome")
	other := filepath.Join(t.TempDir(), "chrome")
	if err := os.WriteFile(other, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ env, want string }{
		{other, other},
		{"my-chrome", filepath.Join(dir, "my-chrome")},
	} {
		t.Setenv(Env, tt.env)
		if got, err := Find(); err != nil || got != tt.want {
			t.Errorf("%s=%s: Find() = %q, %v; want %q", Env, tt.env, got, err, tt.want)
		}
	}
	t.Setenv(Env, "/nonexistent")
	got, err := Find()
	if err == nil || !strings.Contains(err.Error(), Env+"=/nonexistent") {
		t.Errorf("%s=/nonexistent with chromium on PATH: Find() = %q, %v; want an error naming %s", Env, got, err, Env)
	}
}

// TestOnMissing checks the rule: fail only when CI is exactly "true".
func TestOnMissing(t *testing.T) {
	for _, tt := range []struct {
		ci   string
		fail bool
	}{{"true", true}, {"", false}, {"false", false}, {"1", false}} {
		fail, msg := onMissing(tt.ci, "no browser")
		if fail != tt.fail || !strings.HasPrefix(msg, "no browser") {
			t.Errorf("CI=%q: fail %v, message %q; want fail %v and the reason first", tt.ci, fail, msg, tt.fail)
		}
		if fail && !strings.Contains(msg, "CI=true") {
			t.Errorf("CI=%q: message %q does not say CI=true is why it fails", tt.ci, msg)
		}
	}
}

func TestNoBrowserSaysHowToGetOne(t *testing.T) {
	fakePath(t)
	_, err := Find()
	msg := noBrowser(err)
	for _, want := range []string{Env, "apt-get install chromium", err.Error()} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not name %q", msg, want)
		}
	}
}
