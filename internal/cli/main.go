package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitProblem = 1
	ExitUsage   = 2
)

// Env is what a command may touch besides its arguments.
type Env struct {
	Ctx    context.Context
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

type command struct {
	name    string
	summary string
	run     func(env Env, args []string) int
}

func commands() []command {
	return []command{
		{"build", "build the site into a folder", runBuild},
		{"check", "validate the site without writing anything", runCheck},
		{"serve", "serve the site, rebuilding and reloading on every save", runServe},
		{"new", "create a page: rolesite new SECTION \"Title\"", runNew},
		{"mv", "rename a page everywhere: rolesite mv SECTION/OLD SECTION/NEW", runMv},
		{"lsp", "a language server for editors, on standard input and output", runLSP},
		{"version", "print the version", runVersion},
	}
}

// Main runs the command line and returns the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := Env{Ctx: ctx, Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			return Main(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		usage(stdout)
		return ExitOK
	case "-version", "--version":
		return runVersion(env, nil)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(env, args[1:])
		}
	}
	fmt.Fprintf(stderr, "rolesite: unknown command %q\n", args[0])
	fmt.Fprintln(stderr, "Run 'rolesite --help' for usage.")
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "rolesite builds an atlas of roles, tools and lifecycle stages from markdown.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\trolesite <command> [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The commands are:")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Use 'rolesite <command> --help' for more about a command.")
}

// newFlags returns a flag set that prints Go-style usage and never exits.
func newFlags(env Env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "usage: rolesite %s\n\n%s\n", synopsis, about)
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprintln(out, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses flags, allowing them after positional arguments too, and
// returns the positional arguments. ok is false when the command should stop
// with code.
func parse(fs *flag.FlagSet, env Env, args []string) (pos []string, code int, ok bool) {
	usage := fs.Usage
	fs.Usage = func() {} // flag calls Usage itself on -help; print once, to stdout, below
	defer func() { fs.Usage = usage }()
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(env.Stdout)
				usage()
				return nil, ExitOK, false
			}
			usage()
			return nil, ExitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
