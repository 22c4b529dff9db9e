// Package watch reports changes to a site folder's source trees as batches.
//
// A [Watcher] watches the named top-level folders of a site (content/,
// templates/, static/) recursively with fsnotify and delivers, on
// [Watcher.Batches], one batch of [Change] values per burst of file system
// activity:
//
//	fsnotify events
//	  -> filter: outside the watched folders, Chmod-only, dot-files and
//	     dot-folders, editor temp, swap and backup files      (ignore.go)
//	  -> new folders are watched at once and scanned          (folders.go)
//	  -> trailing-edge debounce: a burst is one batch          (debounce.go)
//	  -> reconcile each path with the file system and with
//	     what existed before the batch                         (tree.go)
//	  -> Batches()
//
// # What a batch says
//
// A batch lists each changed file once, sorted by path. Paths are
// slash-separated and relative to the site root ("content/roles/x.md"). The
// [Op] is the net effect of the burst, decided by looking at the file system
// when the burst is over, not by replaying the events:
//
//   - [Create]: the file did not exist before the batch and exists now;
//   - [Write]: it existed before and exists now (its content may differ);
//   - [Remove]: it existed before and does not now.
//
// A file that appeared and vanished within one burst is not reported, so the
// temporary files of any atomic-write scheme are dropped even when their
// names are not known here. Folders are never reported themselves: a new
// folder reports a Create for each file in it, including files written before
// the watch on it was in place, and a removed or renamed-away folder reports a
// Remove for each file it held. A consumer that re-reads the listed paths
// sees every change; it never needs to walk the tree itself.
//
// Editor saves therefore arrive as one Write to the real file whichever way
// the editor writes: in place, to a temporary file renamed over the original
// (vim with a backup, JetBrains, VS Code, Sublime), or by deleting and
// re-creating the file.
//
// If the consumer is still busy with one batch when the next is ready, the
// two are merged, so a slow rebuild is followed by exactly one more.
//
// # What it never does
//
// It never reads file contents, never follows symbolic links to folders, and
// reports nothing outside the folders it was given: writes to an output folder
// in the site root do not wake it. If the kernel's event queue overflows, the
// watcher rescans every watched folder and reports every file as changed.
//
// A watched folder that does not exist yet is fine: the site root is watched
// (not recursively) so that the folder is picked up when it is created.
package watch
