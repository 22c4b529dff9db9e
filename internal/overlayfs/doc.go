// Package overlayfs lays a set of in-memory files over an fs.FS: the site
// as an editor sees it, the files on disk with the unsaved text of its open
// buffers in their place.
//
// An FS is a value: New copies nothing and changes nothing, and the map it
// is given must not change afterwards (build a new FS for the next state).
// A file of the overlay is read as a regular file whether or not the base
// has it; the folders leading to it exist, and list it, whether or not the
// base has them. Everything else is the base's, errors included: the
// overlay never hides a file on disk except by giving its own text.
package overlayfs
