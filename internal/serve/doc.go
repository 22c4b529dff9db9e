// Package serve is rolesite's development server: it serves a built site
// from memory, reloads open pages when a new build is in place, and shows
// build problems over the page without losing the last good site.
//
// The server knows nothing of how a site is built. It is handed complete
// sites as values:
//
//	srv := serve.New(serve.Options{BasePath: "/atlas/"})
//	srv.Publish(site, changed)  // a new build is in place: pages reload
//	srv.Fail(problems)          // a build failed: pages show the problems
//
// # Sites
//
// A site is an [fs.FS] holding exactly the files a build writes. [Server.Publish]
// swaps it in atomically: each request reads from the one site that was
// current when the request arrived, so it sees the complete old or the
// complete new site, never a mix. Files are read only through that fs.FS,
// never from disk by name.
//
// Under the base path (default "/"):
//
//	/x/         serves x/index.html
//	/x          redirects to /x/ when x/index.html exists, else serves file x
//	missing     the site's 404.html with status 404, if it has one
//	folders     are never listed
//
// A request outside the base path is redirected to it when its path is "/"
// and is a 404 otherwise. Paths are rejected with 400 when, decoded once,
// they are not valid fs.FS names (".." or "." elements, empty elements,
// absolute paths), or hold a backslash or NUL, or when the raw path encodes a
// slash, backslash or NUL (%2F, %5C, %00). Only GET and HEAD are allowed;
// request targets longer than 8 KiB get 414.
//
// Every response carries Cache-Control: no-store and no validators (no ETag,
// no Last-Modified), so a browser never shows stale content and never gets a
// 304 — except stylesheets and scripts with a content hash in their name
// ("site.3f2a9c1d0b7e.css"), which can never be stale and are sent as
// immutable so that a reload does not fetch them again;
// X-Content-Type-Options: nosniff; a Content-Type chosen by extension;
// and the strict [ContentSecurityPolicy] (the same policy a static host
// should send for a built site).
//
// # Names
//
// The server answers only to its own names, so that a page of another site
// whose name was made to resolve to this machine (DNS rebinding) cannot read
// the site, the event stream or the problems it carries. A request's Host
// must be, with any port or none, compared without regard to case or a
// trailing dot:
//
//	localhost, and any name under .localhost
//	an IPv4 literal in 127.0.0.0/8, or [::1]
//	a name in Options.AllowedHosts: the address the server listens on and
//	  names the user gave; ".example.test" allows that name and every name
//	  below it; 0.0.0.0 or :: (listening everywhere) allows every IP
//	  literal, which no rebinding can produce
//
// Anything else, and a request with no Host at all (HTTP/1.0), gets 403 with
// a short plain-text body, on every path, and the server logs the refused
// value once (up to 32 different ones) with how to allow it. As a second
// line of defence, a request for the server's own paths (below) or with a
// method other than GET and HEAD is refused with 403 when it carries an
// Origin header that is not http or https on one of those names; a browser
// sends no Origin with a same-origin GET of a page, so pages are unaffected.
//
// # Live reload
//
// The server owns the paths under <base>__rolesite/ (see [ReservedPrefix]):
//
//	<base>__rolesite/live.js      the client script
//	<base>__rolesite/overlay.css  the problem overlay's stylesheet
//	<base>__rolesite/events       server-sent events; ?page= the page's
//	                              URL path, so that previews reach it
//	<base>__rolesite/preview/N    preview N (see below), as a page
//
// Every HTML response gets one
//
//	<script src="<base>__rolesite/live.js" data-token="..." defer></script>
//
// inserted just before its last </body> (else before </head>, else at the
// end) by middleware: built output never contains it. The script opens an
// EventSource on the events path and handles these events:
//
//	hello     sent on connect, with the token of the current site; a page
//	          whose token differs (a build happened while it was away, or
//	          the server restarted) reloads once
//	update    one per Publish whose changed files are known and hold no
//	          script or stylesheet: the page fetches itself again and, when its scripts
//	          and stylesheets are the same, patches in place what changed
//	          (see below); otherwise it reloads
//	reload    one per other Publish: reload the page
//	css       one per Publish whose changed files are all .css: re-fetch the
//	          page's stylesheets without a reload
//	preview   sent by [Server.Preview] to the pages on one file only, with
//	          a number N: the page fetches preview/N, its new version from a
//	          build still running, and patches itself as on an update; when
//	          it cannot (the preview is gone, or would need a reload) it
//	          keeps what it shows, as the build's own event follows
//	problems  a JSON array of {path, line, col, message, source}: show the
//	          overlay; sent on every Fail, and on connect while failing
//	ok        Fail with no problems: remove the overlay
//
// An update in place keeps what the reader has: the page fetches its own
// URL (a failure, or a page that is gone, reloads instead) and compares the
// new document with the one it was served (fetched once when the script
// starts, before any change), element by element: an element that did not
// change stays as it is in the page, with whatever scripts added to it and
// whatever the reader opened or focused; one that changed is replaced by
// the new one, recursing into elements that hold only elements, so that
// an edited paragraph replaces that paragraph alone. Open <details> in a
// replaced part are opened again (matched by their summary), focus goes
// back to the element with the same id, and the scroll position is kept.
// Then the page fires "rolesite:patched" on document, with the new elements
// in its detail, for scripts that enhance elements.
//
// # Previews
//
// A build of a large site takes a while after its first pages are final.
// [Server.Open] lists the site files of the pages open now (each page's
// event stream names it), so that a build can render those first, and
// [Server.Preview] shows one of them its new bytes at once, without
// publishing anything: every request still reads the one complete site
// published last, and the build's Publish or Fail follows as always. The
// server keeps the last eight previews, and sends none whose bytes are
// the served file's.
//
// The overlay lists each problem as path:line:col: message with its source
// line, is built with DOM calls and textContent only, is styled by
// overlay.css (light and dark), and has a dismiss button. There is no inline
// script or style anywhere, so the strict policy holds in development too.
//
// Before anything is published, every page is a small HTML page (503, or 500
// with the problems listed once Fail was called) that reloads itself when the
// first site arrives.
//
// # Resources
//
// Each live-reload connection holds a small, fixed buffer of events. A
// client that falls that far behind is disconnected (its browser reconnects
// and reloads) rather than ever blocking Publish. [Server.Close] ends every
// event stream, so http.Server.Shutdown does not wait on them; call it from
// RegisterOnShutdown or before Shutdown. [NewHTTPServer] returns an
// http.Server with timeouts and header limits set; the event stream extends
// its own write deadline and clears its read deadline, so the timeouts never
// cut it.
package serve
