// Package build is the pipeline, and the only package that knows its order:
//
//	load     walk content/, read each .md, parse front matter and convert
//	         markdown (in parallel)                      content, markdown
//	resolve  sections, relations and inverses, URLs, body links; every
//	         problem collected with its position         site
//	render   each room of outputRooms makes its files: fill resolved links
//	         into the HTML, execute the templates per page (in
//	         parallel), static and machine files, the search index
//	                                                     render, search
//	check    every internal link of the output (Options.CheckLinks)
//	                                                     linkcheck
//	write    each file to the Builder's sink: emitted as soon as it is
//	         final, or kept in memory for the next build
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
// generated file) is reported as a collision and never written. (The one
// exception is a page a reader has open, below: it renders before the
// claims only when no file and no page listed before it can want its
// path or a folder of its name.) What the
// walk of content/ finds besides pages — a link out of the site, a file
// named like a page but not .md — is kept by the Builder and looked at
// again on the paths a rebuild is told changed; the latter are
// Result.Warnings, which do not fail a build.
//
// There is one render path, whatever the command. Every output file is
// made by a room of outputRooms (kinds.go), in order: static files, images
// (images.go: the files pages show, checked, measured and copied), HTML
// pages, alias pages, the search index, the site files, the host files.
// A room is a make function and one line in that list; it adds its files
// to the build's output.Files and hands nothing elsewhere. Pages go to the
// Builder's sink as they render, the rest once the rooms are done. The
// sink (sink.go) is chosen once, when the Builder is made, and is the only
// difference between the two ways rolesite builds: a streamSink (Options
// set Emit: rolesite build) writes each file as soon as it is final and
// keeps nothing; a memorySink (rolesite serve, check) keeps the files and
// what a rebuild can reuse. The pipeline never asks which one it has.
//
// A rebuild is the same path with memoised work. A memorySink remembers
// each page's bytes with a key of its view and templates, so a page whose
// view did not change is not executed again. A regular page also keeps a
// dependency key, which hashes what its view is made from (its file, the
// cards of the pages it shows, its section's site view: see depKeys):
// while that is as before, its view is not even built. The search indexer keeps
// each page's analysis. When the only changes since the last good build
// are edits of page bodies (same front matter, same heading IDs: see
// bodyEdits), the site is that build's with the edited pages'
// bodies (site.Rebody: no resolving), the build starts from its files, the rooms whose
// files read no body (readsBodies false) keep theirs, and the pages room
// renders the edited pages alone. A changed image under content/ is not
// such an edit (every page showing it needs its new size): it makes a
// whole build, as a changed static file does. After other edits since a
// good build, the site is resolved after that build's
// (site.ResolveAfter), which gives the unchanged pages' resolved body
// links and outgoing relations. When a rebuild is told of changes under
// content/ alone, the templates parsed for the same sections serve again,
// and so do the files and assets the last build made of static/.
// Keys of what a thing is made from are package keyhash's.
//
// With Options.Preview (rolesite serve), a build that has found no problem
// by the time its pages render renders first the pages a reader has open,
// and hands each to the previewer as soon as it is final: the reader sees
// an edit after the load, the resolve and one page, not after the whole
// site (nor after claiming every path: see alone). What the build returns
// is as without it.
//
// The kinds of HTML page are a second list, pageKinds: home, section lists,
// pages, section comparison pages, pre-rendered comparisons (a bounded
// number a page: site.ComparePartners), matrices, search, 404, each a
// function listing its pages and the template they execute. siteFiles lists the files made from
// the site alone (sitemap.xml, feed.xml, robots.txt, graph.json), hostFiles
// those for static hosts (_redirects, _headers). A new kind of page is a
// file with its pages function, its template and a line in pageKinds:
//
//	{"glossary", glossaryPages},  // templates/glossary.html
//
// a new kind of output that is not an HTML page is a file with its make
// function and a line in outputRooms:
//
//	{name: "open graph images", make: ogImagesRoom},

// The site Resolve returns is never written to again. Each page's converted
// body and plain text stay with what the load stage made of the file (plain,
// or packed when streaming: see packed.go's bodies), the one store rendering
// and the search index read them from.
//
// A Builder keeps what it loaded between builds, keyed by file path and
// content, so that a rebuild after an edit re-parses only what changed, and
// a memorySink keeps what rendering made, keyed by everything it was made
// from (a page's view and the templates). The result of a rebuild is
// always exactly the result of a clean build of the same files.
package build
