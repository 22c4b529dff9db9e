// Package diag holds the one shape every problem in a build takes: a
// position in a source file and a message saying what is wrong and what to do.
//
// Every stage of the pipeline collects diagnostics instead of stopping at the
// first problem; the build sorts them by file, line and column and prints each
// once, in the form compilers use and editors understand:
//
//	content/roles/data-scientist.md:7:12: tools: no page "pyhton" in section tools (did you mean python?)
//
// Paths are slash-separated and relative to the site folder. Line and column
// count from 1; a column counts bytes, as Go's own tools do. A zero line means
// the problem belongs to the file as a whole.
//
// The package owns no state and knows nothing of pages or HTML.
package diag
