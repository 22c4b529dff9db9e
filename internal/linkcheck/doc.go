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
package linkcheck
