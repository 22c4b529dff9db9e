// Package output holds a built site as data — a set of files by slash path —
// and writes it to disk so that a reader of the output folder only ever sees
// the previous complete site or the new complete site.
//
// Write puts every file into a fresh folder beside the output folder
// (".<name>.tmp-*" in the same parent, so renames stay on one file system),
// and then swaps it in: on Linux with one renameat2(RENAME_EXCHANGE) call,
// elsewhere with two renames. The old tree is removed only after the swap.
// If anything fails before the swap, the fresh folder is removed and the
// output folder is exactly as it was. A build that is killed part-way
// leaves its fresh folder behind, and the output folder as it was; the next
// build removes such folders (a lock tells them from a running build's).
//
// The folder may hold files of the user's (a CNAME). The manifest a build
// writes, .rolesite-manifest, tells them from rolesite's: a build carries
// the user's files over, refuses to write over one, and empties a folder
// (Options.Clean) only when it is rolesite's, unless Options.Force (see
// owner.go). Folder modes carry over too. Files refuses two sources that
// write one path, and a file where another source needs a folder.
package output
