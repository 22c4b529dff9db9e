// Package publish holds what turns a built site into files for static
// hosting: minification (HTML, CSS, JS and inline SVG with
// github.com/tdewolff/minify), content-hashed names for stylesheets and
// scripts, precompressed .gz and .br siblings, and the _headers and
// _redirects files that Netlify and Cloudflare Pages read.
//
// Everything here is a pure function of its input: the same site gives the
// same bytes (gzip headers carry no name or time). The package knows nothing
// of pages or templates; it works on names and bytes.
package publish

// ContentSecurityPolicy is the policy rolesite's pages are built to work
// under: no inline script or style, nothing from other origins. The dev
// server sends it, and the _headers file asks static hosts to send it.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
