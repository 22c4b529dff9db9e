package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher. The zero value gives the defaults.
type Options struct {
	// Quiet is how long the file system must stay quiet before a burst is
	// delivered as one batch. Default 20ms: editors finish a save (temp file,
	// rename, backup) within a few milliseconds.
	Quiet time.Duration
	// MaxWait caps how long a burst that never goes quiet is held back.
	// Default 500ms.
	MaxWait time.Duration
}

const (
	defaultQuiet   = 20 * time.Millisecond
	defaultMaxWait = 500 * time.Millisecond
	errorBuffer    = 16
)

// A Watcher watches some top-level folders of a site root and delivers their
// changes in batches. Create one with New and stop it with Close.
type Watcher struct {
	root string          // absolute and clean
	dirs map[string]bool // the top-level folder names to watch
	fsw  *fsnotify.Watcher

	// Owned by the run goroutine once New returns.
	tree    *tree
	watched map[string]bool // rel folders holding an fsnotify watch

	batches chan []Change
	errs    chan error

	done      chan struct{} // closed by Close
	stopped   chan struct{} // closed when run returns
	closeOnce sync.Once
	closeErr  error
}

// New starts watching the folders named in dirs (single names such as
// "content") inside root, recursively. Folders in dirs that do not exist yet
// are watched from the moment they are created. root itself must exist.
func New(root string, dirs []string, opts Options) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	if fi, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a folder", root)
	}
	names := make(map[string]bool, len(dirs))
	for _, d := range dirs {
		if !fs.ValidPath(d) || d == "." || strings.Contains(d, "/") || ignoredName(d) {
			return nil, fmt.Errorf("watch: %q is not a plain folder name", d)
		}
		names[d] = true
	}
	quiet, maxWait := opts.Quiet, opts.MaxWait
	if quiet <= 0 {
		quiet = defaultQuiet
	}
	if maxWait <= 0 {
		maxWait = defaultMaxWait
	}
	maxWait = max(maxWait, quiet)

	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		root:    abs,
		dirs:    names,
		fsw:     fsw,
		tree:    newTree(),
		watched: make(map[string]bool),
		batches: make(chan []Change),
		errs:    make(chan error, errorBuffer),
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	// The root first, so that a folder created while the others are being
	// added is not missed.
	if err := fsw.Add(abs); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("watch: %w", err)
	}
	for _, d := range dirs {
		if err := w.watchTree(d, w.tree.add); err != nil {
			fsw.Close()
			return nil, err
		}
	}

	paths := make(chan string)
	dirty := make(chan []string)
	go debounce(paths, dirty, quiet, maxWait)
	go w.run(paths, dirty)
	return w, nil
}

// Batches delivers one batch of changes per burst, each sorted by path. It is
// closed by Close.
func (w *Watcher) Batches() <-chan []Change { return w.batches }

// Errors delivers problems that did not stop the watcher: a folder that could
// not be watched, an overflow of the kernel's queue. Errors nobody receives
// are dropped once a small buffer is full. It is closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops the watcher, waits for its goroutines to finish and closes the
// Batches and Errors channels. Calling it again returns the same result.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() {
		close(w.done)
		<-w.stopped
		w.closeErr = w.fsw.Close()
	})
	return w.closeErr
}

// run is the one goroutine that owns tree and watched. It turns fsnotify
// events into dirty paths for the debouncer, and the debouncer's batches into
// changes for the consumer, merging batches while the consumer is busy.
func (w *Watcher) run(paths chan<- string, dirty <-chan []string) {
	defer close(w.stopped)
	events, fsErrs := w.fsw.Events, w.fsw.Errors
	var pending []Change
	for {
		var out chan<- []Change
		if len(pending) > 0 {
			out = w.batches
		}
		select {
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			w.handle(ev, paths)
		case err, ok := <-fsErrs:
			if !ok {
				fsErrs = nil
				continue
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.rescan(paths)
			}
			w.report(err)
		case batch := <-dirty:
			changes, errs := w.tree.reconcile(batch, w.stat)
			for _, err := range errs {
				w.report(err)
			}
			pending = merge(pending, changes)
		case out <- pending:
			pending = nil
		case <-w.done:
			close(paths)
			for range dirty { // the debouncer flushes, then closes dirty
			}
			close(w.batches)
			close(w.errs)
			return
		}
	}
}

// handle filters one fsnotify event and passes the paths it touches on.
func (w *Watcher) handle(ev fsnotify.Event, paths chan<- string) {
	rel, ok := w.rel(ev.Name)
	if !ok {
		return
	}
	if rel == "." {
		if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
			w.report(fmt.Errorf("watch: the site folder %s was removed or renamed", w.root))
		}
		return
	}
	top, _, _ := strings.Cut(rel, "/")
	if !w.dirs[top] || ignoredPath(rel) {
		return
	}
	if ev.Op&^fsnotify.Chmod == 0 {
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.unwatch(rel, paths)
	}
	if ev.Has(fsnotify.Create) {
		if k, _ := w.stat(rel); k == folder {
			_ = w.watchTree(rel, func(p string, _ kind) { paths <- p })
		}
	}
	paths <- rel
}

// report passes err on without ever blocking the watcher.
func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}
