// Package content turns one source file into a Page: its front matter,
// decoded and typed, with the position of every field, and its markdown body.
// It knows nothing of other pages, sections' relations, URLs or HTML.
//
// A file is read as UTF-8 (a leading byte-order mark is dropped, CRLF line
// endings become LF without changing line numbers). Front matter opens on
// the first line that is not blank, and may be
//
//	---            YAML (also ---yaml)
//	+++            TOML (also ---toml)
//	{ ... }        JSON (the braces on lines of their own, then a blank line)
//
// github.com/adrg/frontmatter defines where a block starts and ends. A block
// opened by "---", what most pages use, is split in place (splitYAML) exactly
// as the library would split it, which FuzzSplitYAML checks; every other
// opening, and a "---" never closed, is split by the library itself.
//
// The block is decoded by go.yaml.in/yaml/v4 (YAML 1.2's core schema: yes,
// no, on and off are text), github.com/BurntSushi/toml or encoding/json,
// with one fast path: YAML front matter of top-level fields whose values
// are plain words or flow lists of plain words ("title: Data scientist",
// "tools: [jupyter, pandas]") is decoded by flatYAML without a parser, to
// exactly what v4 gives (FuzzFlatYAML checks that); anything else it
// leaves to v4.
//
// Nothing the author wrote is dropped without a problem (yamlkept.go,
// jsoncheck.go): a second YAML document (fields after a "..." line), text
// after a JSON object, a key given twice in one mapping at any depth in
// every format (in YAML also two spellings of one field, true and True, 1
// and "1"), a YAML value or list item "<<" and a bare tag "!", which decode
// to nothing, and a number too large for 64 bits (1e400) in every format.
// TestEveryKeyKeptOrReported holds the property: every top-level key
// written is among the fields, or a problem says why not.
//
// The fields every page may have are checked for type here: title and summary
// are strings, draft is a boolean, weight and order are integers, aliases and
// any list are lists of strings, updated is a date. Every other field is kept
// as decoded in Params, with one rule for every format: a field whose value
// is a list of strings alone is a []string (a template ranges over it as
// over any list), so that a build holding every page's fields has one
// object to trace for a list, not one per item; lists holding anything
// else, and lists deeper in a value, are []any. Problems come back as
// diagnostics carrying the line and column of the construct they are
// about, never as a panic: v4's positions
// for YAML (an unclosed quote or bracket where it opens, a tab at the tab, a
// bad escape at its backslash, a key given twice at the second, naming the
// line of the first), the decoders' offsets for TOML and JSON, counted in
// lines and columns of the file.
//
// No file can make parsing run away. The limits (limits.go) are far above
// what a real page holds, and each is checked before the work it bounds:
//
//	MaxPageBytes         64 MiB   a file, body included
//	MaxFrontMatterBytes   1 MiB   the front matter block
//	MaxDepth             32       levels of nesting, the front matter itself
//	                              being the first (a TOML [table] or dotted
//	                              key adds one per name)
//	MaxStringBytes       64 KiB   any one string in the front matter, keys too
//	MaxTitleBytes         1 KiB   the title
//	MaxSummaryBytes       4 KiB   the summary
//	MaxExpandedBytes      4 MiB   YAML text with its aliases expanded
//
// TOML's nesting is counted by a one-pass scan before the decoder (which has
// no limit of its own); YAML's on the tree v4 parses, before the tree is
// decoded (v4's parser itself stops where block or flow nesting alone
// passes MaxDepth, so a runaway document costs next to nothing); JSON's on
// encoding/json's tokens before decoding. Each problem points at the
// construct that crosses the limit: the bracket or name that opens one
// level too many, the first byte past a size limit.
package content
