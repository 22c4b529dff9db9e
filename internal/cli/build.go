package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/gcfloor"
	"github.com/rolesite/rolesite/internal/output"
)

// gcFloor is the heap below which a build does not collect garbage: a
// budget a build may fill before the collector runs at all, so that a
// site of up to some ten thousand pages (live heap under 80 MB) collects a
// few times rather than dozens; larger sites collect as usual (GOGC).
// Measured at 10k pages: 2.82 -> 2.67 s, peak RSS ~265 MB; at 50k
// unchanged (1.15 GB).
const gcFloor = 160 << 20

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

func (f *siteFlags) options(env Env) build.Options {
	return build.Options{BaseURL: f.baseURL, Drafts: f.drafts, Minify: f.minify, Fingerprint: f.fingerprint,
		Updated: gitTimes(env.Ctx, f.src)}
}

func runBuild(env Env, args []string) int {
	fs := newFlags(env, "build", "build [--src DIR] [--out DIR] [--base-url URL] [--drafts] [--minify=false] [--precompress] [--clean]",
		`Build reads the site in --src and writes the complete static site to --out.
The new output is written beside the old one and swapped in only when every
page built: a failed build leaves the previous output exactly as it was.
Files that an earlier build wrote and this one does not are removed; files
you put in the output folder yourself (a CNAME, say) are kept, unless
--clean. Problems are printed as path:line:col: message, and the exit code
is 1.`)
	var sf siteFlags
	sf.register(fs)
	out := fs.String("out", "", "the output `folder` (default: public/ inside --src)")
	precompress := fs.Bool("precompress", false, "also write .gz and .br files beside every text file, for hosts that serve them")
	clean := fs.Bool("clean", false, "remove everything in the output folder first, your own files too")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile to `file` when the build ends (for go tool pprof)")
	pos, code, ok := parse(fs, env, args)
	if !ok {
		return code
	}
	// A build's heap grows from nothing to its working size in its first
	// second; collecting on the way is wasted work (see package gcfloor).
	defer gcfloor.Start(gcFloor)()
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
	dir := *out
	if dir == "" {
		dir = filepath.Join(sf.src, "public")
	}
	if err := safeOutput(sf.src, dir); err != nil {
		fmt.Fprintf(env.Stderr, "rolesite build: %v\n", err)
		return ExitUsage
	}
	opts := sf.options(env)
	opts.Precompress = *precompress
	opts.CheckLinks = true
	// Pages go to disk as they are rendered, into a fresh folder beside the
	// output that replaces it only if the whole build succeeds.
	stream, err := output.NewStream(dir, output.Options{Clean: *clean})
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite build: %v\n", err)
		return ExitProblem
	}
	opts.Emit = stream.Write
	res := build.Build(env.Ctx, os.DirFS(sf.src), rolesite.Theme(), opts)
	if res.Stopped != nil || env.Ctx.Err() != nil {
		stream.Abort()
		return stopped(env, "build", res.Stopped, "the output folder was not changed")
	}
	if !res.OK() {
		stream.Abort()
		report(env.Stderr, res)
		return ExitProblem
	}
	start := time.Now()
	rep, err := stream.Commit()
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", dir, err)
		fmt.Fprintln(env.Stderr, "rolesite build: nothing was changed in the output folder")
		return ExitProblem
	}
	if env.Ctx.Err() != nil {
		// A signal during Commit: the swap, one rename, was let finish.
		fmt.Fprintf(env.Stderr, "rolesite build: %v while the new output was swapped in; the swap finished: %s holds the complete new site\n", context.Cause(env.Ctx), dir)
	}
	res.Stats.Elapsed += time.Since(start)
	fmt.Fprintf(env.Stdout, "%s; wrote %d files to %s in %s\n", summary(res), res.Stats.Files, dir, round(res.Stats.Elapsed))
	if len(rep.Kept) > 0 {
		fmt.Fprintf(env.Stdout, "kept %d files in %s that rolesite did not write (%s); --clean removes them\n", len(rep.Kept), dir, strings.Join(first(rep.Kept, 3), ", "))
	}
	return ExitOK
}

func first(list []string, n int) []string {
	if len(list) > n {
		return append(list[:n:n], "...")
	}
	return list
}

// safeOutput refuses an output folder that would replace the site's own files.
func safeOutput(src, out string) error {
	absSrc, err1 := filepath.Abs(src)
	absOut, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("cannot resolve --src or --out")
	}
	rel, err := filepath.Rel(absOut, absSrc)
	if err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("--out %s would replace the site folder %s: choose a folder of its own, such as %s", out, src, filepath.Join(src, "public"))
	}
	for _, own := range []string{"content", "templates", "static"} {
		inner := filepath.Join(absSrc, own)
		if rel, err := filepath.Rel(inner, absOut); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
			return fmt.Errorf("--out %s is inside the site's %s/ folder: choose a folder of its own, such as %s", out, own, filepath.Join(src, "public"))
		}
	}
	return nil
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
