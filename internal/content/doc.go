// Package content turns one source file into a Page: its front matter,
// decoded and typed, with the position of every field, and its markdown body.
// It knows nothing of other pages, sections' relations, URLs or HTML.
//
// A file is read as UTF-8 (a leading byte-order mark is dropped, CRLF line
// endings become LF without changing line numbers). Front matter is found and
// split by github.com/adrg/frontmatter and may be
//
//	---            YAML (also ---yaml)
//	+++            TOML (also ---toml)
//	{ ... }        JSON (the braces on lines of their own, then a blank line)
//
// The fields every page may have are checked for type here: title and summary
// are strings, draft is a boolean, weight and order are integers, aliases and
// any list are lists of strings, updated is a date. Every other field is kept
// as decoded in Params. Problems come back as diagnostics carrying the line and
// column of the offending key or value in the file, never as a panic.
package content
