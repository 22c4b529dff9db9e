// Package cli is rolesite's command line: one file per subcommand, each a
// function from arguments and streams to an exit code, so commands are
// tested without a process.
//
//	rolesite build [--src DIR] [--out DIR] [--base-url URL] [--drafts]
//	rolesite check [--src DIR] [--base-url URL] [--drafts]
//	rolesite serve [--src DIR] [--bind 127.0.0.1] [--port 1313] [--drafts] [--base-url URL]
//	rolesite new SECTION "Title" [--src DIR]
//	rolesite version
//
// Exit codes: 0 success; 1 problems in the content, templates or output (each
// printed on stderr as path:line:col: message); 2 a usage error.
package cli
