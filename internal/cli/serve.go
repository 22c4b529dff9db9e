package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/serve"
	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/sitefs"
	"github.com/rolesite/rolesite/internal/watch"
)

func runServe(env Env, args []string) int {
	fs := newFlags(env, "serve", "serve [--src DIR] [--bind 127.0.0.1] [--port 1313] [--allowed-host NAME] [--drafts] [--base-url URL]",
		`Serve builds the site in memory, serves it over HTTP and watches content/,
templates/ and static/: every save rebuilds, and open pages reload once the
new site is in place. A failed rebuild keeps serving the last good site and
shows the problems over every open page until the next good build. If the
site folder itself is renamed or deleted, serve says so once and keeps
serving the last good site until the folder is back.
Serve listens on the loopback address only, unless --expose is given, and
answers only to requests for localhost, loopback addresses, the --bind
address and the names given with --allowed-host: any other Host gets 403,
so that no other web site can read the dev server through DNS rebinding.`)
	var sf siteFlags
	sf.register(fs)
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on")
	port := fs.Int("port", 1313, "the `port` to listen on; if it is taken, the next free one is used (0 picks any)")
	expose := fs.Bool("expose", false, "allow --bind to name an address other people can reach")
	var hosts hostsFlag
	fs.Var(&hosts, "allowed-host", "also answer to requests for this host `name` (repeatable, or comma-separated; .example.test allows that domain and its subdomains)")
	pos, code, ok := parse(fs, env, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "rolesite serve: unexpected argument %q\n", pos[0])
		return ExitUsage
	}
	if !loopback(*bind) && !*expose {
		fmt.Fprintf(env.Stderr, "rolesite serve: %s is not a loopback address: the dev server is for this machine; add --expose to serve it to others\n", *bind)
		return ExitUsage
	}
	folder, err := findSiteFolder(sf.src)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite serve: %v\n", err)
		return ExitUsage
	}
	_, basePath, err := site.ParseBase(sf.baseURL)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite serve: --base-url: %v\n", err)
		return ExitUsage
	}
	ln, err := listen(env.Stderr, *bind, *port)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite serve: %v\n", err)
		return ExitProblem
	}
	if !loopback(*bind) {
		fmt.Fprintf(env.Stderr, "warning: serving on %s: anyone who can reach this address can read the site\n", ln.Addr())
	}
	siteURL := "http://" + ln.Addr().String() + basePath
	opts := sf.options(env)
	opts.BaseURL = siteURL

	logf := lineLogger(env.Stderr)
	dev := serve.New(serve.Options{BasePath: basePath, Logf: logf, AllowedHosts: hosts.with(*bind)})
	// The pages open in a browser render first and show at once (see
	// build.Options.Preview).
	opts.Preview = dev
	hs := serve.NewHTTPServer(ln.Addr().String(), dev.Handler())
	hs.RegisterOnShutdown(dev.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	s := &devSession{builder: build.New(rolesite.Theme(), opts), folder: folder, dev: dev, out: env.Stdout, errOut: env.Stderr, logf: logf,
		gc: newIdleCollector()}
	s.rebuild(nil)
	fmt.Fprintf(env.Stdout, "Serving %s at %s (Ctrl-C to stop)\n", sf.src, siteURL)
	if err := s.watch(); err != nil {
		fmt.Fprintf(env.Stderr, "rolesite serve: cannot watch %s: %v\n", sf.src, err)
		shutdown(hs)
		return ExitProblem
	}
	defer s.closeWatcher()
	code = s.loop(env.Ctx, served)
	shutdown(hs)
	if code == ExitOK {
		fmt.Fprintln(env.Stdout, "Stopped.")
	}
	return code
}

// hostsFlag collects --allowed-host values: the flag may be repeated, and
// each value may be a comma-separated list.
type hostsFlag []string

func (h *hostsFlag) String() string { return strings.Join(*h, ",") }

// with returns the names given and the address serve listens on, which is
// one of its names too; "" (every address) is given as "::".
func (h *hostsFlag) with(bind string) []string {
	if bind == "" {
		bind = "::"
	}
	return append(slices.Clip(*h), bind)
}

func (h *hostsFlag) Set(v string) error {
	for p := range strings.SplitSeq(v, ",") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if err := serve.CheckHostPattern(p); err != nil {
			return err
		}
		*h = append(*h, strings.TrimSpace(p))
	}
	return nil
}

// lineLogger returns a Logf that writes whole lines to w, one at a time.
func lineLogger(w io.Writer) func(format string, args ...any) {
	var mu sync.Mutex
	return func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, format+"\n", args...)
	}
}

// folderPoll is how often serve looks at the site folder itself: to notice
// it was replaced while present, and that it is back while gone.
const folderPoll = 300 * time.Millisecond

// devSession holds the last good build and publishes rebuilds. It owns the
// watcher, which it closes while the site folder is gone and starts again
// when the folder is back.
type devSession struct {
	builder *build.Builder
	folder  siteFolder
	dev     *serve.Server
	w       *watch.Watcher // nil while the site folder is gone
	last    *output.Files
	failing bool
	gone    bool   // the site folder is gone, and serve has said so
	lastErr string // the last error starting the watcher, said once
	warned  string // the warnings last printed, printed again only when they change
	out     io.Writer
	errOut  io.Writer
	logf    func(format string, args ...any)
	gc      *idleCollector
}

// loop rebuilds on every batch of changes until ctx ends (ExitOK) or the
// HTTP server fails (ExitProblem).
func (s *devSession) loop(ctx context.Context, served <-chan error) int {
	tick := time.NewTicker(folderPoll)
	defer tick.Stop()
	defer s.gc.stop()
	for {
		var batches <-chan []watch.Change
		var errs <-chan error
		if s.w != nil {
			batches, errs = s.w.Batches(), s.w.Errors()
		}
		select {
		case batch := <-batches:
			if s.folderHere() {
				s.rebuild(batch)
			}
		case err := <-errs:
			// While the folder is gone, the watcher's errors are about that.
			if s.folderHere() {
				s.logf("watch: %v", err)
			}
		case <-tick.C:
			s.folderHere()
		case <-s.gc.C():
			s.gc.idle()
		case err := <-served:
			fmt.Fprintf(s.errOut, "rolesite serve: %v\n", err)
			return ExitProblem
		case <-ctx.Done():
			return ExitOK
		}
	}
}

// folderHere reports whether the site folder serve started with is still
// in its place. The first time it is not, serve says so once, on stderr and
// over every open page, closes the watcher and keeps serving the last good
// site. When a folder is at the path again (renamed back, or made anew as
// a checkout does), serve watches it and rebuilds the whole site.
func (s *devSession) folderHere() bool {
	fi, here := s.folder.look()
	switch {
	case !here && s.gone:
		return false
	case !here:
		s.gone = true
		s.closeWatcher()
		const what = "is gone (renamed or deleted): serving the last good site; restore it, or restart serve in its new place"
		fmt.Fprintf(s.errOut, "rolesite serve: the site folder %s %s\n", s.folder.path, what)
		s.failing = true
		s.dev.Fail([]diag.Diagnostic{{Path: s.folder.path, Message: "the site folder " + what}})
		return false
	case !s.gone && os.SameFile(fi, s.folder.info):
		return true
	}
	// Back, or replaced by another folder while serve was not looking.
	s.closeWatcher()
	if err := s.watch(); err != nil {
		if err.Error() != s.lastErr {
			s.lastErr = err.Error()
			fmt.Fprintf(s.errOut, "rolesite serve: the site folder %s is back but cannot be watched: %v\n", s.folder.path, err)
		}
		return false
	}
	s.folder.info, s.gone, s.lastErr, s.failing = fi, false, "", true
	fmt.Fprintf(s.out, "the site folder %s is back: rebuilding\n", s.folder.path)
	s.rebuild(nil)
	return false // the batch or error that led here is about the old folder
}

// watch starts the watcher on the site folder.
func (s *devSession) watch() error {
	w, err := watch.New(s.folder.path, []string{"content", "templates", "static"}, watch.Options{})
	if err != nil {
		return err
	}
	s.w = w
	return nil
}

// closeWatcher stops the watcher, if one is running.
func (s *devSession) closeWatcher() {
	if s.w != nil {
		s.w.Close()
		s.w = nil
	}
}

// rebuild builds the site again and publishes it, or shows its problems. A
// build made while the site folder went away (each of its files then seems
// missing) is neither published nor reported: folderHere says it once.
func (s *devSession) rebuild(batch []watch.Change) {
	src, err := sitefs.Open(s.folder.path)
	if err != nil {
		if _, here := s.folder.look(); here {
			fmt.Fprintf(s.errOut, "rolesite serve: cannot read the site folder: %v\n", err)
		}
		return
	}
	defer src.Close()
	s.gc.start()
	defer s.gc.done()
	// A rebuild runs to its end: serve stops between rebuilds.
	ctx := context.Background()
	var res build.Result
	if batch == nil {
		res = s.builder.Build(ctx, src)
	} else {
		changed := make([]string, len(batch))
		for i, c := range batch {
			changed[i] = c.Path
		}
		res = s.builder.Rebuild(ctx, src, changed)
	}
	if _, here := s.folder.look(); !here {
		return
	}
	if w := res.Warnings.Error(); w != s.warned {
		s.warned = w
		warn(s.errOut, res)
	}
	if !res.OK() {
		report(s.errOut, res)
		s.failing = true
		s.dev.Fail(res.Diagnostics)
		return
	}
	changed := output.Changed(s.last, res.Files)
	if len(changed) == 0 && !s.failing {
		return
	}
	if s.last == nil {
		changed = nil
	}
	s.last, s.failing = res.Files, false
	s.dev.Publish(res.Files.FS(), changed)
	if batch != nil {
		fmt.Fprintf(s.out, "rebuilt in %s: %d files changed (%s)\n", round(res.Stats.Elapsed), len(changed), summary(res))
	}
}

// siteFolder is the folder serve builds: its absolute path with symbolic
// links resolved at start, and what was found there when serve last
// watched it.
type siteFolder struct {
	path string
	info os.FileInfo
}

// findSiteFolder resolves the --src folder.
func findSiteFolder(src string) (siteFolder, error) {
	abs, err := filepath.Abs(src)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return siteFolder{}, err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return siteFolder{}, err
	}
	if !fi.IsDir() {
		return siteFolder{}, fmt.Errorf("%s is not a folder", src)
	}
	return siteFolder{path: abs, info: fi}, nil
}

// look returns what is at the folder's path now, and whether it is a
// folder.
func (f siteFolder) look() (os.FileInfo, bool) {
	fi, err := os.Stat(f.path)
	return fi, err == nil && fi.IsDir()
}

func shutdown(hs interface{ Shutdown(context.Context) error }) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(ctx)
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// listen opens the port, or the next free one (saying so) when it is taken.
func listen(stderr io.Writer, host string, port int) (net.Listener, error) {
	const tries = 10
	for i := range tries {
		p := port + i
		if port == 0 {
			p = 0
		}
		ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p)))
		if err == nil {
			if i > 0 {
				fmt.Fprintf(stderr, "port %d is in use; using port %d instead\n", port, p)
			}
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) || port == 0 {
			return nil, fmt.Errorf("cannot listen on %s: %w", net.JoinHostPort(host, strconv.Itoa(p)), err)
		}
	}
	return nil, fmt.Errorf("ports %d to %d are all in use: pass --port with a free one", port, port+tries-1)
}
