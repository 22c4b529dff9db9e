package testbrowser

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// An Option changes how New starts the browser.
type Option func(*config)

type config struct {
	width, height int           // the window, 0 for the browser's default
	timeout       time.Duration // for the returned context, 0 for none
}

// WindowSize starts the browser with a window of width by height pixels.
func WindowSize(width, height int) Option {
	return func(c *config) { c.width, c.height = width, height }
}

// Timeout bounds everything the test does with the context New returns;
// starting the browser is not counted.
func Timeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// New starts the browser for the test and returns the context of its first
// tab; chromedp.NewContext on it opens more tabs of the same browser. The
// browser stops, and its profile is removed, when the test ends. Without a
// browser the test is skipped, or fails under CI=true (see Missing).
func New(t testing.TB, opts ...Option) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser: skipped with -short")
	}
	path, err := Find()
	if err != nil {
		Missing(t, noBrowser(err))
	}
	var c config
	for _, o := range opts {
		o(&c)
	}
	profile := t.TempDir() // removed after the browser stops: cleanups run last-in first-out
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocatorOptions(path, profile, c)...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first run starts the browser, and binds the browser's life to its
	// context: it must have no deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	if c.timeout > 0 {
		var cancelTimeout context.CancelFunc
		ctx, cancelTimeout = context.WithTimeout(ctx, c.timeout)
		t.Cleanup(cancelTimeout)
	}
	return ctx
}

// allocatorOptions are the flags of every browser a test starts, and no
// others: chromedp's defaults are left out so that what runs is what is
// written here.
func allocatorOptions(path, profile string, c config) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	}
	if c.width > 0 {
		opts = append(opts, chromedp.WindowSize(c.width, c.height))
	}
	return opts
}

// noBrowser says that Find found no browser, and how to get one.
func noBrowser(err error) string {
	return fmt.Sprintf("no browser for this test (%v): install one (apt-get install chromium) or set %s to its path", err, Env)
}

// Missing skips the test on a developer machine, saying why, and fails it
// when CI is "true".
func Missing(t testing.TB, why string) {
	t.Helper()
	fail, msg := onMissing(os.Getenv("CI"), why)
	if fail {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// onMissing decides what a test does without something it needs, given
// the value of CI: it fails under CI=true, where .ci/run installs all that
// the tests need, and is skipped otherwise. msg is what the test reports.
func onMissing(ci, why string) (fail bool, msg string) {
	if ci == "true" {
		return true, why + "; CI=true, and .ci/run installs what this test needs"
	}
	return false, why
}
