package cli

import (
	"fmt"
	"os"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

func runCheck(env Env, args []string) int {
	fs := newFlags(env, "check", "check [--src DIR] [--base-url URL] [--drafts]",
		`Check validates the site in --src exactly as build does — front matter,
relations, body links and fragments, templates — and writes nothing.
Problems are printed as path:line:col: message, and the exit code is 1.`)
	var sf siteFlags
	sf.register(fs)
	pos, code, ok := parse(fs, env, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "rolesite check: unexpected argument %q\n", pos[0])
		return ExitUsage
	}
	res := build.Build(os.DirFS(sf.src), rolesite.Theme(), sf.options(env))
	if !res.OK() {
		report(env.Stderr, res)
		return ExitProblem
	}
	fmt.Fprintf(env.Stdout, "%s in %s\n", summary(res), round(res.Stats.Elapsed))
	return ExitOK
}
