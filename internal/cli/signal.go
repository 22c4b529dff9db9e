package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/rolesite/rolesite/internal/build"
)

// Interrupted is the cause with which cmd/rolesite cancels Env.Ctx when
// the process receives a signal (SIGINT or SIGTERM). A command that stops
// for it exits with Code.
type Interrupted struct{ Signal os.Signal }

func (e Interrupted) Error() string {
	if e.Signal == os.Interrupt {
		return "interrupted"
	}
	return e.Signal.String() // "terminated"
}

// Code is the exit code of a process stopped by the signal: 128 plus its
// number, as a shell reports a process the signal killed (130 for SIGINT,
// 143 for SIGTERM).
func (e Interrupted) Code() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return ExitProblem
}

// stopCode is the exit code of a command whose context is done with
// cause: a signal's code, else 1 (a caller cancelled the context).
func stopCode(cause error) int {
	if in, ok := errors.AsType[Interrupted](cause); ok {
		return in.Code()
	}
	return ExitProblem
}

// stopped reports on stderr that the command stopped before its end, and
// what it left as it was, and returns the exit code.
func stopped(env Env, cmd string, cause error, left string) int {
	if cause == nil {
		cause = context.Cause(env.Ctx)
	}
	msg := cause.Error()
	_, signal := errors.AsType[Interrupted](cause)
	_, output := errors.AsType[*build.OutputError](cause)
	if !signal && !output {
		msg = "stopped: " + msg
	}
	fmt.Fprintf(env.Stderr, "rolesite %s: %s; %s\n", cmd, msg, left)
	return stopCode(cause)
}
