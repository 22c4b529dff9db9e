package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/serve"
	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/watch"
)

func runServe(env Env, args []string) int {
	fs := newFlags(env, "serve", "serve [--src DIR] [--bind 127.0.0.1] [--port 1313] [--drafts] [--base-url URL]",
		`Serve builds the site in memory, serves it over HTTP and watches content/,
templates/ and static/: every save rebuilds, and open pages reload once the
new site is in place. A failed rebuild keeps serving the last good site and
shows the problems over every open page until the next good build.
Serve listens on the loopback address only, unless --expose is given.`)
	var sf siteFlags
	sf.register(fs)
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on")
	port := fs.Int("port", 1313, "the `port` to listen on; if it is taken, the next free one is used (0 picks any)")
	expose := fs.Bool("expose", false, "allow --bind to name an address other people can reach")
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
	if _, err := os.Stat(sf.src); err != nil {
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

	var logMu sync.Mutex
	logf := func(format string, args ...any) {
		logMu.Lock()
		defer logMu.Unlock()
		fmt.Fprintf(env.Stderr, format+"\n", args...)
	}
	dev := serve.New(serve.Options{BasePath: basePath, Logf: logf})
	hs := serve.NewHTTPServer(ln.Addr().String(), dev.Handler())
	hs.RegisterOnShutdown(dev.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	s := &devSession{builder: build.New(rolesite.Theme(), opts), src: sf.src, dev: dev, out: env.Stdout, errOut: env.Stderr}
	s.rebuild(nil)
	fmt.Fprintf(env.Stdout, "Serving %s at %s (Ctrl-C to stop)\n", sf.src, siteURL)

	w, err := watch.New(sf.src, []string{"content", "templates", "static"}, watch.Options{})
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite serve: cannot watch %s: %v\n", sf.src, err)
		shutdown(hs)
		return ExitProblem
	}
	defer w.Close()
	for {
		select {
		case batch, ok := <-w.Batches():
			if !ok {
				shutdown(hs)
				return ExitOK
			}
			s.rebuild(batch)
		case err, ok := <-w.Errors():
			if ok {
				logf("watch: %v", err)
			}
		case err := <-served:
			fmt.Fprintf(env.Stderr, "rolesite serve: %v\n", err)
			return ExitProblem
		case <-env.Ctx.Done():
			fmt.Fprintln(env.Stdout, "Stopped.")
			shutdown(hs)
			return ExitOK
		}
	}
}

// devSession holds the last good build and publishes rebuilds.
type devSession struct {
	builder *build.Builder
	src     string
	dev     *serve.Server
	last    *output.Files
	failing bool
	out     io.Writer
	errOut  io.Writer
}

// rebuild builds the site again and publishes it, or shows its problems.
func (s *devSession) rebuild(batch []watch.Change) {
	// A rebuild runs to its end: serve stops between rebuilds.
	ctx := context.Background()
	var res build.Result
	if batch == nil {
		res = s.builder.Build(ctx, os.DirFS(s.src))
	} else {
		changed := make([]string, len(batch))
		for i, c := range batch {
			changed[i] = c.Path
		}
		res = s.builder.Rebuild(ctx, os.DirFS(s.src), changed)
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
