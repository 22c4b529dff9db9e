// Package rename plans the renaming of a page: the edits that give it a
// new slug everywhere, shared by the language server (a workspace edit)
// and `rolesite mv` (files written on disk).
//
// Renaming content/<section>/<old>.md to <new>:
//
//	the file     moves to content/<section>/<new>.md
//	relations    every relation value naming <old> in <section> becomes <new>,
//	             the key of a qualified mapping (skills: {old: expert}) too
//	body links   every .md link to the file gets <new>.md as its last segment
//	aliases      the page's aliases gain its old URL, /<section>/<old>/, so
//	             links to the published page keep working
//
// A Plan is byte edits on each file's text as analysed (package
// workspace): ranges that hold exactly the text they replace, sorted, not
// overlapping. Planning refuses, with the place to fix by hand, rather
// than guess: a value whose text it cannot find (an escaped string, a
// reference-style link), a new slug that is not one or is taken, an alias
// list it cannot extend.
//
// Check proves a plan before anything is written: it applies the plan to
// the whole site in memory, analyses the result, and fails when any file
// has more problems than before, when a reference to the page went
// missing, or when the old URL is not among the page's aliases. Every
// front matter format, CRLF files and non-ASCII text go through the same
// check, and FuzzRename throws random sites and names at it.
package rename
