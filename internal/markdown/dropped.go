package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/yuin/goldmark/renderer/html"
)

// droppedURL is the message of a link or image whose URL the page does
// not keep, or "" for a URL that is kept. goldmark writes no href or src
// for a URL that could run script or open a local file (javascript:,
// vbscript:, file:, data: but for a PNG, GIF, JPEG or WebP image), unless
// raw HTML is kept (raw); one that starts like the build's own
// placeholders is dropped always (see isLookalike). Either leaves a link
// that goes nowhere, so the author is told (a Warning: the page still
// works), rather than the URL dropped without a word.
func droppedURL(what string, dest []byte, raw bool) string {
	instead := "link an https: URL, or a page by its .md file"
	if what == "image" {
		instead = "show an image file by its path from this file, or by an https: URL"
	}
	own := isLookalike(dest)
	if what == "image" {
		own = isImageLookalike(dest)
	}
	switch {
	case own:
		return fmt.Sprintf("%s %s: a URL starting %q is the build's own; %s",
			what, shorten(dest), dest[:bytes.IndexByte(dest, ':')+1], instead)
	case html.IsDangerousURL(dest) && !raw:
		return fmt.Sprintf("%s %s: a URL that could run script or open a local file is not kept; %s",
			what, shorten(dest), instead)
	}
	return ""
}

// shorten is dest for a message: its first 60 characters, then "…".
func shorten(dest []byte) string {
	const most = 60
	if utf8.RuneCount(dest) <= most {
		return string(dest)
	}
	n := 0
	for range most {
		_, size := utf8.DecodeRune(dest[n:])
		n += size
	}
	return string(dest[:n]) + "…"
}
