// Package lsp is rolesite's language server: the Language Server Protocol
// (version 3.16, over a byte stream such as stdio) for one site folder.
//
// What it gives an editor:
//
//	diagnostics   every content problem `rolesite check` reports, with its
//	              message, at its position, for every file of the site, from
//	              the files on disk overlaid with the editor's open buffers;
//	              republished after every change, so that fixing a page
//	              clears the problems it caused in others
//	hover         on a relation value or a body link: the target's title,
//	              summary and section
//	definition    the same places: the target file (at the heading, for a
//	              link with a fragment)
//	references    every relation value and body link naming a page (the
//	              page under the cursor's reference, or the file's own page)
//	completion    slugs in a relation field (title and summary shown, those
//	              already listed left out); section names in a section's
//	              relation declarations and true/false for draft; after
//	              "slug:" in a qualified relation, the levels of its scale
//	              (lowest first); in a field the section's schema declares,
//	              its allowed values (true/false for a boolean); .md paths
//	              after "](" in the body, and heading IDs after "#"
//	rename        a page, from its file or any reference to it: a workspace
//	              edit renaming the file, changing every relation value and
//	              body link naming it (drafts' too), and adding its old URL
//	              to its aliases (package rename computes and checks the
//	              edits); only for a client that says it renames files in a
//	              workspace edit, others are pointed to rolesite mv
//
// # How it is built
//
// A Server owns the open documents (documents.go), a cache of the files on
// disk that a watcher of content/ keeps fresh (disk.go), and a
// workspace.Analyzer. Every change bumps a generation; the snapshot of the
// site (analysis.go) is made again, once, for the first request or
// diagnostics pass that needs the new generation, through overlayfs (the
// disk cache with the open buffers laid over it), re-reading only the
// files the changes named (workspace.Analyzer.Update).
// Diagnostics are computed on a goroutine of their own that coalesces
// bursts of changes and publishes only the files whose problems changed.
//
// Positions are UTF-16, the protocol's (package textpos). Messages are
// handled one at a time, in order, as they arrive (the jsonrpc2
// connection's default), so a change is always applied before the request
// that follows it. A long completion list (over 1,000 items) keeps the
// items holding what was typed. A panic in a request or a diagnostics pass
// is logged to Options.Log and the server goes on.
package lsp
