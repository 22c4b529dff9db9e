package watch

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// These tests use the real file system and fsnotify. They wait on the
// watcher's channels, never on the clock: to show that nothing more than the
// expected batch came, they write a sentinel file afterwards and check that
// the next batch holds only the sentinel.

const waitLimit = 5 * time.Second

type site struct {
	t    *testing.T
	root string
	w    *Watcher
}

// newSite lays out files (path -> content; a path ending in "/" is an empty
// folder) in a fresh folder and starts watching its content, templates and
// static folders.
func newSite(t *testing.T, opts Options, files ...string) *site {
	t.Helper()
	s := &site{t: t, root: t.TempDir()}
	for _, f := range files {
		if strings.HasSuffix(f, "/") {
			s.mkdir(f)
		} else {
			s.write(f, "initial "+f)
		}
	}
	if opts.Quiet == 0 {
		opts.Quiet = 100 * time.Millisecond // long enough that one save is never split on a loaded machine
	}
	w, err := New(s.root, []string{"content", "templates", "static"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	s.w = w
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func (s *site) path(rel string) string { return filepath.Join(s.root, filepath.FromSlash(rel)) }

func (s *site) write(rel, content string) {
	s.t.Helper()
	p := s.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) mkdir(rel string) {
	s.t.Helper()
	if err := os.MkdirAll(s.path(rel), 0o755); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) rename(from, to string) {
	s.t.Helper()
	if err := os.Rename(s.path(from), s.path(to)); err != nil {
		s.t.Fatal(err)
	}
}

func (s *site) remove(rel string) {
	s.t.Helper()
	if err := os.RemoveAll(s.path(rel)); err != nil {
		s.t.Fatal(err)
	}
}

// next returns the next batch.
func (s *site) next() []Change {
	s.t.Helper()
	select {
	case b, ok := <-s.w.Batches():
		if !ok {
			s.t.Fatal("Batches closed")
		}
		return b
	case err := <-s.w.Errors():
		s.t.Fatalf("watch error: %v", err)
	case <-time.After(waitLimit):
		s.t.Fatalf("no batch within %v", waitLimit)
	}
	return nil
}

// expect checks that the next batch is exactly want, and that no other batch
// follows it for the same burst.
func (s *site) expect(want ...Change) {
	s.t.Helper()
	if got := s.next(); !slices.Equal(got, want) {
		s.t.Fatalf("batch:\n got  %v\n want %v", got, want)
	}
	s.expectOnlySentinel()
}

// expectOnlySentinel writes a sentinel file and checks that the next batch
// is that write alone: nothing else was pending.
func (s *site) expectOnlySentinel() {
	s.t.Helper()
	const sentinel = "content/zz-sentinel.md"
	_, err := os.Stat(s.path(sentinel))
	op := Write
	if os.IsNotExist(err) {
		op = Create
	}
	s.write(sentinel, time.Now().String())
	want := []Change{{Path: sentinel, Op: op}}
	if got := s.next(); !slices.Equal(got, want) {
		s.t.Fatalf("batch after the sentinel write:\n got  %v\n want %v (something else was pending)", got, want)
	}
}

func create(p string) Change { return Change{Path: p, Op: Create} }
func write(p string) Change  { return Change{Path: p, Op: Write} }
func remove(p string) Change { return Change{Path: p, Op: Remove} }

func TestWatchInPlaceWrite(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md")
	f, err := os.OpenFile(s.path("content/roles/a.md"), os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 { // several writes, as an editor flushing in pieces
		if _, err := f.WriteString("more text\n"); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	s.expect(write("content/roles/a.md"))
}

func TestWatchVimSaveWithBackup(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md")
	// What vim does with 'writebackup' and 'backupcopy=no': probe the folder
	// with 4913, rename the file to a backup, write a new file, delete the
	// backup. The swap file is written all along.
	s.write("content/roles/.a.md.swp", "swap")
	s.write("content/roles/4913", "")
	s.remove("content/roles/4913")
	s.rename("content/roles/a.md", "content/roles/a.md~")
	s.write("content/roles/a.md", "saved by vim")
	s.remove("content/roles/a.md~")
	s.write("content/roles/.a.md.swp", "swap again")
	s.expect(write("content/roles/a.md"))
}

func TestWatchJetBrainsSafeWrite(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md")
	s.write("content/roles/a.md___jb_tmp___", "saved by a JetBrains IDE")
	s.rename("content/roles/a.md", "content/roles/a.md___jb_old___")
	s.rename("content/roles/a.md___jb_tmp___", "content/roles/a.md")
	s.remove("content/roles/a.md___jb_old___")
	s.expect(write("content/roles/a.md"))
}

func TestWatchVSCodeAtomicWrite(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md")
	s.write("content/roles/a.md.vsctmp", "saved by VS Code")
	s.rename("content/roles/a.md.vsctmp", "content/roles/a.md")
	s.expect(write("content/roles/a.md"))
}

func TestWatchUnknownTempNameRenamedOver(t *testing.T) {
	// Sublime Text's dot-temp, and a temp name no rule knows (as Node's
	// write-file-atomic makes): both must end as one write to the real file.
	s := newSite(t, Options{}, "content/roles/a.md", "content/roles/b.md")
	s.write("content/roles/.subl3f2.tmp", "saved by Sublime")
	s.rename("content/roles/.subl3f2.tmp", "content/roles/a.md")
	s.write("content/roles/b.md.8f3a2c1d", "saved atomically")
	s.rename("content/roles/b.md.8f3a2c1d", "content/roles/b.md")
	s.expect(write("content/roles/a.md"), write("content/roles/b.md"))
}

func TestWatchDeleteThenCreate(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md")
	s.remove("content/roles/a.md")
	s.write("content/roles/a.md", "re-created")
	s.expect(write("content/roles/a.md"))
}

func TestWatchNewAndRemovedFile(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md")
	s.write("content/roles/b.md", "new")
	s.expect(create("content/roles/b.md"))
	s.remove("content/roles/a.md")
	s.expect(remove("content/roles/a.md"))
}

func TestWatchNewFolderWithFiles(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md")
	// Files written right after mkdir race with the watch being added: the
	// watcher must find them either by event or by scanning.
	s.write("content/tools/x.md", "x")
	s.write("content/tools/sub/deeper/y.md", "y")
	s.write("content/tools/z.md", "z")
	s.expect(
		create("content/tools/sub/deeper/y.md"),
		create("content/tools/x.md"),
		create("content/tools/z.md"),
	)
	// The new folders are watched from now on.
	s.write("content/tools/sub/deeper/y.md", "y2")
	s.expect(write("content/tools/sub/deeper/y.md"))
}

func TestWatchFolderRenamed(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md", "content/roles/sub/b.md")
	s.rename("content/roles", "content/people")
	s.expect(
		create("content/people/a.md"),
		create("content/people/sub/b.md"),
		remove("content/roles/a.md"),
		remove("content/roles/sub/b.md"),
	)
	// Files in the renamed folder and its subfolders report their new names.
	s.write("content/people/sub/b.md", "edited")
	s.write("content/people/a.md", "edited")
	s.expect(write("content/people/a.md"), write("content/people/sub/b.md"))
}

func TestWatchFolderReplacedUnderSameName(t *testing.T) {
	// As a git checkout can do: the folder goes away and a different one
	// takes its name.
	s := newSite(t, Options{}, "content/roles/a.md", "content/roles/b.md")
	s.rename("content/roles", "old-roles")
	s.write("content/roles/b.md", "new b")
	s.write("content/roles/c.md", "new c")
	s.expect(
		remove("content/roles/a.md"),
		write("content/roles/b.md"),
		create("content/roles/c.md"),
	)
	s.write("old-roles/a.md", "outside the watched folders now")
	s.write("content/roles/c.md", "edited")
	s.expect(write("content/roles/c.md"))
}

func TestWatchFolderDeleted(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md", "content/roles/sub/b.md", "content/tools/t.md")
	s.remove("content/roles")
	s.expect(remove("content/roles/a.md"), remove("content/roles/sub/b.md"))
}

func TestWatchFolderMovedInAndOut(t *testing.T) {
	s := newSite(t, Options{}, "content/roles/a.md", "elsewhere/stages/s.md")
	s.rename("elsewhere/stages", "content/stages")
	s.expect(create("content/stages/s.md"))
	s.rename("content/roles", "elsewhere/roles")
	s.expect(remove("content/roles/a.md"))
	// Nothing is reported from the folder that left.
	s.write("elsewhere/roles/a.md", "edited outside")
	s.expectOnlySentinel()
}

func TestWatchTopFolderCreatedLater(t *testing.T) {
	s := newSite(t, Options{}, "content/a.md") // no templates/ or static/
	s.write("templates/page.html", "<p>")
	s.expect(create("templates/page.html"))
	s.write("templates/partials/nav.html", "<nav>")
	s.expect(create("templates/partials/nav.html"))
	s.remove("templates")
	s.expect(remove("templates/page.html"), remove("templates/partials/nav.html"))
	s.write("templates/page.html", "<p>again")
	s.expect(create("templates/page.html"))
}

func TestWatchIgnoresNoise(t *testing.T) {
	s := newSite(t, Options{}, "content/a.md", ".git/", "public/")
	s.write(".git/index", "git")
	s.write("public/index.html", "build output")
	s.write("README.md", "outside the watched folders")
	s.write("content/.DS_Store", "finder")
	s.write("content/.hidden/x.md", "dot-folder")
	s.write("content/a.md.swp", "swap")
	s.write("content/a.md~", "backup")
	s.write("content/#a.md#", "emacs")
	if err := os.Chmod(s.path("content/a.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.expectOnlySentinel()
}

func TestWatchBurstIsOneBatch(t *testing.T) {
	// A generous quiet period: on a loaded machine the writes below must not
	// pause long enough to split the burst.
	s := newSite(t, Options{Quiet: 250 * time.Millisecond, MaxWait: 10 * time.Second}, "content/a.md")
	var want []Change
	for i := range 500 {
		p := filepath.ToSlash(filepath.Join("content", "pages", string(rune('a'+i%26)), "p"+itoa(i)+".md"))
		s.write(p, "page")
		want = append(want, create(p))
	}
	sortChanges(want)
	s.expect(want...)
}

func TestWatchCloseStopsEverything(t *testing.T) {
	before := runtime.NumGoroutine()
	root := t.TempDir()
	w, err := New(root, []string{"content"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, ok := <-w.Batches(); ok {
		t.Error("Batches still open after Close")
	}
	if _, ok := <-w.Errors(); ok {
		t.Error("Errors still open after Close")
	}
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines after Close, %d before", runtime.NumGoroutine(), before)
		}
		runtime.Gosched()
	}
}

func TestNewRejectsBadFolderNames(t *testing.T) {
	root := t.TempDir()
	for _, dirs := range [][]string{{"../x"}, {"a/b"}, {"/abs"}, {"."}, {""}, {".git"}} {
		if w, err := New(root, dirs, Options{}); err == nil {
			w.Close()
			t.Errorf("New(%q) succeeded, want an error", dirs)
		}
	}
	if _, err := New(filepath.Join(root, "missing"), []string{"content"}, Options{}); err == nil {
		t.Error("New on a missing root succeeded")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestWatchOverflowRescans(t *testing.T) {
	s := newSite(t, Options{}, "content/a.md", "content/sub/b.md", "static/site.css")
	// Stand in for the kernel: its queue overflowed and events were lost.
	s.w.fsw.Errors <- fsnotify.ErrEventOverflow
	select {
	case err := <-s.w.Errors():
		if !errors.Is(err, fsnotify.ErrEventOverflow) {
			t.Fatalf("error %v, want the overflow", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("the overflow was not reported")
	}
	got := s.next()
	want := []Change{write("content/a.md"), write("content/sub/b.md"), write("static/site.css")}
	if !slices.Equal(got, want) {
		t.Fatalf("batch after an overflow:\n got  %v\n want %v (every file, as changed)", got, want)
	}
	s.expectOnlySentinel()
}
