// Package cli is rolesite's command line: one file per subcommand, each a
// function from arguments and streams to an exit code, so commands are
// tested without a process.
//
//	rolesite build [--src DIR] [--out DIR] [--base-url URL] [--drafts] [--clean] [--force] ...
//	rolesite check [--src DIR] [--base-url URL] [--drafts]
//	rolesite serve [--src DIR] [--bind 127.0.0.1] [--port 1313] [--expose] [--allowed-host NAME] [--drafts] [--base-url URL]
//	rolesite new SECTION "Title" [--src DIR]
//	rolesite mv [--src DIR] [-n] SECTION/OLD SECTION/NEW
//	rolesite lsp [--src DIR] [--drafts]
//	rolesite version
//
// Every command reads the site through package sitefs, so nothing outside
// the site folder is read. Before a build writes, paths.go resolves --src,
// --out and the working folder through symbolic links and refuses an
// output folder that is, holds, or lies in the site's own folders; the
// output package then refuses to clean or overwrite files that are not
// rolesite's (see output/owner.go) unless --force.
//
// Exit codes: 0 success; 1 problems in the content, templates or output (each
// printed on stderr as path:line:col: message); 2 a usage error; 128 plus
// the signal's number (130 SIGINT, 143 SIGTERM) when a signal stopped the
// command.
//
// Env.Ctx is cancelled when a signal arrives, with Interrupted (the
// signal) as its cause: cmd/rolesite owns os/signal, cli only maps the
// cause to an exit code, so commands are tested with a context cancelled
// by hand. Build and check stop promptly; a build stopped before the swap
// aborts its fresh folder, so the output folder is left exactly as it was;
// once the swap (one rename) has begun it is let finish. serve stops
// between rebuilds. A second signal exits at once.
//
// Memory: build runs under a heap budget (budget.go, package gcfloor);
// serve, which holds the whole site between rebuilds, collects garbage
// while idle when the next rebuilds would otherwise have to (idlegc.go).
package cli
