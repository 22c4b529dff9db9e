package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/rolesite/rolesite/internal/lsp"
)

func runLSP(env Env, args []string) int {
	fs := newFlags(env, "lsp", "lsp [--src DIR] [--drafts]",
		`Lsp is a language server for the site in --src, speaking the Language
Server Protocol on standard input and output: an editor starts it and shows
check's problems as you type, completes slugs and links, shows what a slug
or link names, goes to it, finds every page naming a page, and renames a
page everywhere. The README shows how to set up VS Code, Neovim and Helix.`)
	src := fs.String("src", ".", "the site `folder`, holding content/")
	drafts := fs.Bool("drafts", false, "keep pages marked draft: true, as build --drafts")
	pos, code, ok := parse(fs, env, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "rolesite lsp: unexpected argument %q: the editor talks to the server on standard input\n", pos[0])
		return ExitUsage
	}
	site, err := openSite(*src)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite lsp: %v\n", err)
		return ExitUsage
	}
	defer site.Close()
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		version = info.Main.Version
	}
	opts := lsp.Options{Root: site.Dir(), Site: site, Drafts: *drafts, Watch: true, Log: env.Stderr}
	if err := lsp.Serve(env.Ctx, env.Stdin, env.Stdout, version, opts); err != nil {
		fmt.Fprintf(env.Stderr, "rolesite lsp: %v\n", err)
		return ExitProblem
	}
	return ExitOK
}
