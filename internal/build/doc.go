// Package build is the pipeline, and the only package that knows its order:
//
//	load     walk content/, read each .md, parse front matter and convert
//	         markdown (in parallel)                      content, markdown
//	resolve  sections, relations and inverses, URLs, body links; every
//	         problem collected with its position         site
//	render   fill resolved links into the HTML, execute the templates per
//	         page (in parallel), add the machine files   render
//	        ──▶ Result{Files, Diagnostics, Stats}
//
// A build reads its sources through an fs.FS — the site folder — with the
// templates/ and static/ of a defaults fs.FS (the embedded theme) showing
// through wherever the site has no file of the same name. It returns files
// as data; writing them (package output) or serving them is the caller's
// business. The same input always gives the same bytes.
//
// Every build takes a context. Once it is done, the worker pools of load,
// render, link checking and compression take no more work (each worker
// finishes the file it holds), the stages after are skipped, and the build
// returns a Result with no files and no diagnostics whose Stopped is the
// context's cause (cmd/rolesite cancels with the signal that arrived). A
// partial build is never OK. Resolving and indexing for search run
// without looking at the context; they are a small part of a build. When
// Options.Emit fails (a full disk), the build stops the same way, once,
// with an OutputError as Stopped.
//
// Every page's output path is claimed before any page is rendered, so a
// path two sources want (a page and a static file, a section folder and a
// generated file) is reported as a collision and never written. What the
// walk of content/ finds besides pages — a link out of the site, a file
// named like a page but not .md — is kept by the Builder and looked at
// again on the paths a rebuild is told changed; the latter are
// Result.Warnings, which do not fail a build.
//
// What a build writes is listed in one place, kinds.go: pageKinds, the
// kinds of HTML page (home, section lists, pages, comparisons, matrices,
// search, 404), each a function listing its pages and the template they
// execute; siteFiles, the files made from the site alone (sitemap.xml,
// feed.xml, robots.txt, graph.json); hostFiles, the files for static hosts
// (_redirects, _headers). A new kind of page is a file with its pages
// function and a line in pageKinds:
//
//	{"glossary", glossaryPages},  // templates/glossary.html
//
// Static files (static.go), alias pages (machine.go) and the search index
// (searchindex.go) have a unit each.
//
// The site Resolve returns is never written to again. Each page's converted
// body and plain text stay with what the load stage made of the file (plain,
// or packed when streaming: see packed.go's bodies), the one store rendering
// and the search index read them from.
//
// A Builder keeps what it loaded between builds, keyed by file path and
// content, so that a rebuild after an edit re-parses only what changed. The
// result of a rebuild is always exactly the result of a clean build of the
// same files: caching covers only per-file work that depends on nothing but
// the file's bytes and the options.
package build
