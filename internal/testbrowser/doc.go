// Package testbrowser finds and starts the headless Chromium that rolesite's
// browser tests drive. It is for tests only: no command or library package
// imports it, and it exists so that every browser test in the tree finds the
// browser the same way, starts it with the same flags, and skips or fails
// by the same rule.
//
// Find looks for the browser:
//
//  1. the environment variable ROLESITE_BROWSER, a path or a name on PATH;
//     when it is set and names nothing executable, that is an error, never
//     a reason to take another browser;
//  2. otherwise the first of chromium, chromium-browser, google-chrome,
//     google-chrome-stable and headless-shell on PATH.
//
// New starts the browser for one test through chromedp, with a fresh
// profile in the test's temporary folder and the flags
//
//	--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
//	--disable-background-networking --disable-component-update --disable-sync
//
// (and --window-size with the WindowSize option), and stops it when the test
// ends. Without a browser the test is skipped on a developer machine, with
// a message saying how to get one, and fails when CI is "true": CI installs
// Chromium (.ci/run), so a missing one there is a broken set-up, not a
// reason to test less. Missing applies the same rule to whatever else a
// browser test needs, such as axe-core. Tests run with -short start no
// browser.
//
// Press sends key presses the way a person types them, for the tests that
// drive a page with the keyboard.
package testbrowser
