// Command rolesite builds and serves an atlas of roles, tools and stages
// from markdown. Run "rolesite --help" for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/rolesite/rolesite/internal/cli"
)

func main() {
	ctx, stop := signalContext()
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// signalContext returns a context that the first SIGINT or SIGTERM
// cancels, with cli.Interrupted as its cause: the command stops and picks
// its exit code. A second signal exits at once.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		cancel(cli.Interrupted{Signal: <-sigs})
		again := cli.Interrupted{Signal: <-sigs}
		fmt.Fprintf(os.Stderr, "rolesite: %v again: stopped at once\n", again)
		os.Exit(again.Code())
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}
