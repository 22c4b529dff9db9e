package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/rolesite/rolesite/internal/linkcheck"
	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/sitefs"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

func runCheck(env Env, args []string) int {
	fs := newFlags(env, "check", "check [--src DIR] [--base-url URL] [--drafts] | check --output DIR [--base-url URL]",
		`Check validates the site in --src exactly as build does — front matter,
relations, body links and fragments, templates — and writes nothing.
Problems are printed as path:line:col: message, and the exit code is 1.`)
	var sf siteFlags
	sf.register(fs)
	outDir := fs.String("output", "", "check the links of an already built `folder` instead (with --base-url if it is served under a sub-path)")
	pos, code, ok := parse(fs, env, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "rolesite check: unexpected argument %q\n", pos[0])
		return ExitUsage
	}
	if *outDir != "" {
		return checkOutput(env, *outDir, sf.baseURL)
	}
	if !sf.baseOK(env, "check") {
		return ExitUsage
	}
	opts := sf.options(env)
	opts.CheckLinks = true
	src, err := openSite(sf.src)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite check: %v\n", err)
		return ExitUsage
	}
	defer src.Close()
	res := build.Build(env.Ctx, src, rolesite.Theme(), opts)
	if res.Stopped != nil {
		return stopped(env, "check", res.Stopped, "the check did not finish")
	}
	warn(env.Stderr, res)
	if !res.OK() {
		report(env.Stderr, res)
		return ExitProblem
	}
	fmt.Fprintf(env.Stdout, "%s in %s\n", summary(res), round(res.Stats.Elapsed))
	return ExitOK
}

// checkOutput checks the links of a built folder.
func checkOutput(env Env, dir, baseURL string) int {
	abs, basePath, err := site.ParseBase(baseURL)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite check: --base-url: %v\n", err)
		return ExitUsage
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		fmt.Fprintf(env.Stderr, "rolesite check: --output %s is not a folder\n", dir)
		return ExitUsage
	}
	// The folder is read as a site is: confined to itself (a symbolic
	// link out of it is not followed), regular files only (a named pipe
	// would block the check for ever).
	out, err := sitefs.Open(dir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite check: --output %s: %v\n", dir, err)
		return ExitUsage
	}
	defer out.Close()
	start := time.Now()
	diags := linkcheck.Check(env.Ctx, out, basePath, abs)
	if env.Ctx.Err() != nil {
		return stopped(env, "check", nil, "the check did not finish")
	}
	const shown = 100
	for i, d := range diags {
		if i == shown {
			fmt.Fprintf(env.Stderr, "... and %d more\n", len(diags)-shown)
			break
		}
		d.Path = filepath.ToSlash(filepath.Join(dir, d.Path))
		fmt.Fprintln(env.Stderr, d.String())
	}
	if len(diags) > 0 {
		fmt.Fprintf(env.Stderr, "%s in %s (%s)\n", problems(len(diags)), dir, round(time.Since(start)))
		if baseURL == "" && len(diags) > shown {
			fmt.Fprintln(env.Stderr, "if the site is built for a sub-path, pass the same --base-url it was built with")
		}
		return ExitProblem
	}
	fmt.Fprintf(env.Stdout, "every link in %s resolves (%s)\n", dir, round(time.Since(start)))
	return ExitOK
}

// problems is "1 problem" or "n problems".
func problems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}
