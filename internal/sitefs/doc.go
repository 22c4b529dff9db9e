// Package sitefs opens a site folder as an io/fs.FS that never reads
// outside it.
//
// A site folder is the user's, but what it links to is not: a symbolic
// link in static/ to /proc/self/environ, or in content/ to ~/.ssh/config,
// would otherwise be read by the build and published. Open resolves the
// folder once (through any symbolic links in its own path) and then:
//
//   - follows a symbolic link inside the folder only when its target stays
//     inside the folder; a link whose target leaves it fails with an error
//     that matches ErrOutside and names the target (see OutsideError);
//   - opens only folders and regular files: a named pipe, a socket or a
//     device fails with ErrNotRegular instead of blocking the build or
//     reading a device;
//   - refuses names that fs.ValidPath refuses ("..", absolute paths).
//
// The confinement is enforced by the kernel's view of the folder (os.Root),
// so a link swapped between a check and a read cannot escape either. An FS
// holds the folder it was opened on, wherever it is later moved: open one
// per build and close it after.
package sitefs
