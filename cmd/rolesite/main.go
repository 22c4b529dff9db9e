// Command rolesite builds and serves an atlas of roles, tools and stages
// from markdown. Run "rolesite --help" for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/rolesite/rolesite/internal/cli"
)

func main() {
	ctx, stop := signalContext()
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// sameStop is how soon after the first a signal is the same request.
const sameStop = time.Second

// signalContext returns a context that the first SIGINT or SIGTERM
// cancels, with cli.Interrupted as its cause: the command stops, cleans up
// and picks its exit code. A second signal exits at once, unless it comes
// within sameStop of the first: timeout(1), and a service manager, signal
// the process and then its group, one stop request arriving twice.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		cancel(cli.Interrupted{Signal: <-sigs})
		first := time.Now()
		for sig := range sigs {
			if time.Since(first) < sameStop {
				continue
			}
			again := cli.Interrupted{Signal: sig}
			fmt.Fprintf(os.Stderr, "rolesite: %v again: stopped at once\n", again)
			os.Exit(again.Code())
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}
