// Package markdown converts a page body to HTML with goldmark and returns, as
// data, what later stages need to check and finish it: the headings with
// their IDs, the links to other markdown files, and the plain text.
//
//	body ──parse──▶ AST ──inspect──▶ headings, links, text
//	                  └──render──▶ HTML with a placeholder per .md link
//	                                 │
//	(site resolves each link) ──Fill──▶ final HTML
//
// Conversion happens once per page, in parallel, before any other page is
// known; a relative link to a .md file cannot be rewritten then, so its href
// is a placeholder "rolesite-link:N" (N indexes Result.Links) that Fill
// replaces with the URL the site's resolver produced. Link checking is thus a
// later stage working on data, and the markdown is never parsed twice.
//
// The dialect is CommonMark with GitHub's extensions (tables, strikethrough,
// autolinks, task lists), footnotes, and GitHub's alerts: a block quote
// whose first line is "[!NOTE]", "[!TIP]", "[!IMPORTANT]", "[!WARNING]" or
// "[!CAUTION]" alone (any case) is a Callout, written as
// <aside class="callout callout-note" role="note"> with its kind as a
// visible title; any other "[!WORD]" there stays a quote and is a Problem
// at its '[', with the nearest kind suggested. Problems are returned as
// data, with body offsets, like links: the caller knows the file.
//
// A table column's alignment is a class on its cells, align-left,
// align-center or align-right, not the style attribute goldmark writes:
// the site's Content-Security-Policy forbids style attributes.
//
// A fenced code block that names a language chroma knows is highlighted at
// conversion time as CSS classes (never a style attribute: the site's
// Content-Security-Policy forbids them), inside <div class="code"
// data-lang="NAME">; a block naming no language, or one chroma does not
// know, is left plain in the same wrapper. The language is never guessed.
// A page's first 64 KiB of fenced code is highlighted, in blocks of up to
// 16 KiB, the rest left plain; a block whose lexing ran into chroma's per-match time limit is
// lexed again, so the output depends on the input alone. The tokens are
// chroma's, found by package lex in a fraction of chroma's time, and the
// HTML is what chroma's HTML formatter writes for them, streamed without
// it (writeCode); a block on which the lexer matches nothing over and over
// (where chroma would lex forever) is left plain.
//
// An image with a relative destination is recorded in Result.Images and its
// src is a placeholder "rolesite-image:N" until FillImages puts in the
// attributes the site made for it (URL, width, height, loading). Every
// image needs alt text; one with none is a Problem unless its title is
// "decorative", which writes alt="" and drops the title.
//
// Any other link or image by a URL of the site (no scheme, no host:
// "/files/a.pdf", "../tools/python/"), and where raw HTML is kept every
// href and src of it (as package linkcheck reads HTML), is a Ref: its
// URL as the HTML has it and its offset in the body. Only the written
// pages can tell whether it resolves; the build checks them and reports a
// broken Ref at the body's offset.
//
// Headings get stable, unique IDs in GitHub's style ("How it differs" -> "how-it-differs", then
// "how-it-differs-1", ...) or an explicit {#id} attribute; IDs that the
// templates use themselves are reserved. An explicit ID that is empty,
// holds a space, is reserved, has the form of a footnote's (fn:1,
// fnref:1) or repeats an earlier heading's is a Problem
// at its heading, which meanwhile gets an ID made from its text; any
// attribute of a heading but id and class is dropped, with a Warning. Raw
// HTML is shown as text unless the site opts in; raw HTML kept that leaves
// a tag, a comment or a raw-text element (script, style, textarea, title,
// ...) open at the end of its block is a Problem where it begins (see
// checkRawClosed). Dangerous URLs (javascript:, vbscript:, file:, most
// data:) never become links, and each is a Warning at its link.
//
// A Converter holds the goldmark set-up and is safe for concurrent use.
package markdown
