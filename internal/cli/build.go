package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/site"
)

// siteFlags are the flags every command that builds shares.
type siteFlags struct {
	src         string
	baseURL     string
	drafts      bool
	minify      bool
	fingerprint bool
}

func (f *siteFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&f.src, "src", ".", "the site `folder`, holding content/ and optionally templates/ and static/")
	fs.StringVar(&f.baseURL, "base-url", "", "the `URL` the site is published at, e.g. https://example.org/atlas/ (overrides base_url in content/_index.md)")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&f.minify, "minify", true, "minify HTML, CSS, JS and SVG")
	fs.BoolVar(&f.fingerprint, "fingerprint", true, "give stylesheets and scripts content-hashed names, cacheable for ever")
}

// baseOK tells whether --base-url is one, saying why not on stderr: a
// usage error, found before anything is read.
func (f *siteFlags) baseOK(env Env, cmd string) bool {
	if _, _, err := site.ParseBase(f.baseURL); err != nil {
		fmt.Fprintf(env.Stderr, "rolesite %s: --base-url: %v\n", cmd, err)
		return false
	}
	return true
}

func (f *siteFlags) options(env Env) build.Options {
	return build.Options{BaseURL: f.baseURL, Drafts: f.drafts, Minify: f.minify, Fingerprint: f.fingerprint,
		Updated: gitTimes(env.Ctx, f.src)}
}

func runBuild(env Env, args []string) int {
	fs := newFlags(env, "build", "build [--src DIR] [--out DIR] [--base-url URL] [--drafts] [--minify=false] [--precompress] [--clean] [--force]",
		`Build reads the site in --src and writes the complete static site to --out.
The new output is written beside the old one and swapped in only when every
page built: a failed build leaves the previous output exactly as it was.
Files that an earlier build wrote and this one does not are removed; files
you put in the output folder yourself (a CNAME, say) are kept, unless
--clean, and a build that would write over one of them stops (--force lets
it). --clean empties only a folder that is empty or that an earlier build
wrote (it holds .rolesite-manifest), unless --force. Problems are printed
as path:line:col: message, and the exit code is 1.`)
	var sf siteFlags
	sf.register(fs)
	out := fs.String("out", "", "the output `folder` (default: public/ inside --src)")
	precompress := fs.Bool("precompress", false, "also write .gz and .br files beside every text file, for hosts that serve them")
	clean := fs.Bool("clean", false, "remove everything in the output folder first, your own files too (only in a folder an earlier build wrote, unless --force)")
	force := fs.Bool("force", false, "let --clean empty a folder rolesite did not write, and let the build replace files of yours that it writes too")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile to `file` when the build ends (for go tool pprof)")
	pos, code, ok := parse(fs, env, args)
	if !ok {
		return code
	}
	// A build's heap grows from nothing to its working size as it loads;
	// collecting on the way is wasted work, and past the ceiling the
	// machine may not have the memory (see budget.go).
	defer startBudget(sf.src)()
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite build: %v\n", err)
		return ExitUsage
	}
	defer stop()
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "rolesite build: unexpected argument %q\n", pos[0])
		return ExitUsage
	}
	if !sf.baseOK(env, "build") {
		return ExitUsage
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join(sf.src, "public")
	}
	realOut, err := safeOutput(sf.src, dir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite build: %v\n", err)
		return ExitUsage
	}
	opts := sf.options(env)
	opts.Precompress = *precompress
	opts.CheckLinks = true
	// Pages go to disk as they are rendered, into a fresh folder beside the
	// output that replaces it only if the whole build succeeds.
	stream, err := output.NewStream(realOut, output.Options{Clean: *clean, Force: *force})
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite build: %v\n", err)
		return exitFor(err)
	}
	opts.Emit = stream.Write
	src, err := openSite(sf.src)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite build: %v\n", err)
		stream.Abort()
		return ExitUsage
	}
	defer src.Close()
	res := build.Build(env.Ctx, src, rolesite.Theme(), opts)
	if res.Stopped != nil || env.Ctx.Err() != nil {
		stream.Abort()
		return stopped(env, "build", res.Stopped, "the output folder was not changed")
	}
	warn(env.Stderr, res)
	if !res.OK() {
		stream.Abort()
		report(env.Stderr, res)
		return ExitProblem
	}
	return commit(env, stream, res, dir)
}

// commit swaps the streamed output in and reports what it did, truthfully:
// what was kept of the user's, and what could not be removed of the old.
func commit(env Env, stream *output.Stream, res build.Result, dir string) int {
	start := time.Now()
	rep, err := stream.Commit()
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite build: %v\n", err)
		fmt.Fprintf(env.Stderr, "rolesite build: nothing was changed in %s\n", dir)
		return exitFor(err)
	}
	if rep.LeftoverErr != nil {
		fmt.Fprintf(env.Stderr, "rolesite build: the new output is in %s, but the previous output could not be removed entirely (%v): "+
			"what is left is in %s; remove it by hand, or let the next build try again\n", dir, rep.LeftoverErr, rep.Leftover)
	}
	if env.Ctx.Err() != nil {
		// A signal during Commit: the swap, one rename, was let finish.
		fmt.Fprintf(env.Stderr, "rolesite build: %v while the new output was swapped in; the swap finished: %s holds the complete new site\n", context.Cause(env.Ctx), dir)
	}
	res.Stats.Elapsed += time.Since(start)
	fmt.Fprintf(env.Stdout, "%s; wrote %d files to %s in %s\n", summary(res), res.Stats.Files, dir, round(res.Stats.Elapsed))
	if len(rep.Kept) > 0 {
		fmt.Fprintf(env.Stdout, "kept %s in %s that rolesite did not write (%s); --clean removes them\n", files(len(rep.Kept)), dir, strings.Join(first(rep.Kept, 3), ", "))
	}
	if res.Site != nil && res.Site.BaseURL == "" {
		fmt.Fprintln(env.Stdout, noBaseURL)
	}
	return ExitOK
}

// noBaseURL says what a build without a base URL leaves out or relative:
// what search engines and feed readers need absolute.
const noBaseURL = "no base URL: pages have no canonical link or og:url, robots.txt names no sitemap, " +
	"and sitemap.xml and feed.xml give paths, not URLs; " +
	"set base_url in content/_index.md or pass --base-url to publish"

// files is "1 file" or "n files".
func files(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

func first(list []string, n int) []string {
	if len(list) > n {
		return append(list[:n:n], "...")
	}
	return list
}

// exitFor is the exit code for a build the output folder refused: a usage
// error when the folder is the user's, a problem otherwise.
func exitFor(err error) int {
	var owner *output.OwnerError
	var mount *output.MountError
	if errors.As(err, &owner) || errors.As(err, &mount) {
		return ExitUsage
	}
	return ExitProblem
}

// warn prints the build's warnings, one a line.
func warn(w io.Writer, res build.Result) {
	for _, d := range res.Warnings {
		fmt.Fprintln(w, d.String())
	}
}

// report prints every problem once and the summary line.
func report(w io.Writer, res build.Result) {
	for _, d := range res.Diagnostics {
		fmt.Fprintln(w, d.String())
	}
	fmt.Fprintf(w, "%s in %s\n", summary(res), round(res.Stats.Elapsed))
}

// summary is the one-line account of a build: pages per section and problems.
func summary(res build.Result) string {
	var parts []string
	total := 0
	for _, s := range res.Stats.Sections {
		parts = append(parts, fmt.Sprintf("%d %s", s.Pages, s.Name))
		total += s.Pages
	}
	problems := "no problems"
	switch n := len(res.Diagnostics); n {
	case 0:
	case 1:
		problems = "1 problem"
	default:
		problems = fmt.Sprintf("%d problems", n)
	}
	if len(parts) == 0 {
		return fmt.Sprintf("0 pages, %s", problems)
	}
	return fmt.Sprintf("%d pages (%s), %s", total, strings.Join(parts, ", "), problems)
}

func round(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(100 * time.Microsecond)
}
