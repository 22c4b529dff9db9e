// Package e2e checks the repository's own atlas the way the web checks a
// site: it builds content/ with the embedded default theme, writes the
// output to a temporary folder, serves it on 127.0.0.1 under the strict
// Content-Security-Policy a static host would send
// (script-src 'self'; style-src 'self'), and then looks at it with the web's
// own tools. The site is built as "rolesite build" publishes it: minified,
// with fingerprinted stylesheets and scripts. The package holds nothing but
// tests and this description.
//
// What is checked, one test file each:
//
//	budget_test.go     total CSS under 30 kB and JS under 20 kB, counting every
//	                   stylesheet and script of the output; no stylesheet
//	                   loads from another host
//	links_test.go      a crawler follows every href, src, form action and
//	                   refresh from the home page (and 404.html and the alias
//	                   pages), at the root and under /atlas/: every target is
//	                   served, every #fragment is an id on its page, nothing
//	                   points outside the base path, every page of the output
//	                   is reached, and no page has an inline script, a style
//	                   element or attribute, or an event handler attribute
//	html_test.go       the crawler's HTML tokenizer, and its test
//	vnu_test.go        the W3C Nu Html Checker reports no error on any page
//	axe_test.go        axe-core reports no violation on any page, in the light
//	                   and dark schemes (prefers-color-scheme), and with the
//	                   toggle both ways on one page of each kind; no page
//	                   logs a script error or a CSP violation
//	behaviour_test.go  in headless Chromium: search by a word found only in one
//	                   role's body, opened with the keyboard; the theme toggle
//	                   and its memory; the comparison's shared tools against
//	                   graph.json; the lifecycle's links; no horizontal
//	                   overflow at 320 and 390 px except inside the matrix; no
//	                   layout shift; navigation with JavaScript disabled
//
// The checkers are not Go: .ci/run installs them with
//
//	npm install --prefix .ci/tools --no-package-lock
//
// from .ci/tools/package.json, into .ci/tools/node_modules (gitignored), and
// apt installs chromium and a Java runtime. The tests find them there, or
// where VNU_JAR and AXE_CORE point; the browser is found as
// internal/testbrowser finds it (ROLESITE_BROWSER, then PATH). When one is
// missing the test is skipped with a message saying how to install it —
// except when CI is "true", where a missing tool fails the test, so that CI
// cannot pass by checking nothing. go test -short skips the browser and
// checker tests.
//
// ROLESITE_SHOTS=DIR makes TestScreenshots write screenshots of the page
// types at 1280 and 390 px in both themes (scripts/screenshots.sh sets it).
package e2e
