// Package workspace analyses a site the way an editor needs it: every
// problem `rolesite check` finds in the content, and, for every place in a
// content file, what it names.
//
// An Analyzer reads a site from an fs.FS (the folder on disk, or the folder
// with an editor's open buffers laid over it: package overlayfs) and
// returns a Snapshot, a value that never changes:
//
//	load     walk content/, parse each .md (package content) and convert
//	         its body (package markdown), exactly as a build's load stage
//	resolve  site.Resolve: sections, relations, body links, problems
//	index    every reference — a relation value, a body link — with the
//	         byte range it occupies in its file and the page it names
//
// The Analyzer keeps each file's parse, keyed by its bytes, from one
// analysis to the next, so a keystroke re-parses one file and resolves the
// site again; resolving is what makes a problem in one file appear, or
// vanish, in another.
//
// The problems are the content's: front matter, relations, aliases, body
// links and their fragments, with the messages and positions of a build
// (TestSameProblemsAsCheck holds the two together), and the warnings a
// build gives of a body (a link whose URL is dropped, a heading attribute
// left out), which begin "warning: " as a build's do. What a build finds as
// it lays out and renders its output — two sources claiming one output
// path, a template that fails, a link a template makes — and what its walk
// notes besides pages (a link out of the site, a file named like a page
// but not read) are not properties of the text being typed: `rolesite
// check` still reports them.
//
// Update is Analyze told which files changed: it reads only those, keeps
// the last list of files otherwise, and gives what Analyze would
// (TestUpdateEqualsAnalyze).
//
// Byte ranges are offsets into the file's bytes as they are (CRLF and a
// byte-order mark kept), the form package textpos converts to an editor's
// positions. A relation value's range is found from the position package
// content gives it and checked against the text: a range never covers
// anything but the value as written, and a value whose text could not be
// found (an escaped JSON string, say) has no range at all.
package workspace
