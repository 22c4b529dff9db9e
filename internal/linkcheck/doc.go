// Package linkcheck checks a built site the way a reader's browser would
// follow it: every internal href, src, srcset, form action, meta refresh
// and CSS url() must stay under the site's base path and name a file that
// exists, and every #fragment must name an element's id on the target page.
//
// It reads the site through an fs.FS, so the same check runs on a build in
// memory (before it is written) and on an output folder on disk
// ("rolesite check --output DIR"). Links to other origins, mailto: and the
// like are not followed; an absolute URL under the site's own base URL is
// checked as internal.
//
// HTML is read by a hand-written scanner (scan.go, svg.go) that finds
// exactly what tdewolff/parse's lexers found, quirks included; that walk
// stays in reference_test.go, and a differential test over built sites
// and FuzzScan hold the two together. The only difference: the reference
// panicked on a meta refresh whose content grows when lowercased (see
// refreshURL). The scanner never writes to the file's bytes, and Add
// keeps none of them.
package linkcheck
