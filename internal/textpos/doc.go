// Package textpos converts between the three ways rolesite and an editor
// name a place in a file:
//
//	byte offset        an index into the file's bytes as they are (raw:
//	                   CRLF line ends and a byte-order mark kept)
//	content.Pos        1-based line and byte column of the text package
//	                   content parses: a leading byte-order mark dropped,
//	                   CRLF read as LF (which changes no line number and no
//	                   column before the line's end)
//	LSP position       0-based line and character, the character counted in
//	                   UTF-16 code units, the Language Server Protocol's
//	                   default and the only encoding of its version 3.16
//
// A line ends at "\r\n", "\n" or a lone "\r", as content (which turns
// each into "\n") and the protocol both read them.
//
// A position past the end of its line clamps to the line end, a line past
// the end of the file to the end of the file, and a character inside a
// surrogate pair to the start of the pair: a client's stale or odd position
// never splits a UTF-8 sequence or a CRLF pair.
package textpos
