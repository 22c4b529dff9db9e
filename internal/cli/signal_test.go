package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestStopCode(t *testing.T) {
	for _, c := range []struct {
		cause error
		want  int
	}{
		{Interrupted{os.Interrupt}, 130},
		{Interrupted{syscall.SIGINT}, 130},
		{Interrupted{syscall.SIGTERM}, 143},
		{fmt.Errorf("building: %w", Interrupted{syscall.SIGTERM}), 143},
		{context.Canceled, ExitProblem},
		{errors.New("some cause"), ExitProblem},
	} {
		if got := stopCode(c.cause); got != c.want {
			t.Errorf("stopCode(%v) = %d, want %d", c.cause, got, c.want)
		}
	}
}

// runStopped runs a command whose context a signal has cancelled already,
// as one that arrives while the command starts.
func runStopped(t *testing.T, sig syscall.Signal, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(Interrupted{sig})
	var out, errb bytes.Buffer
	code := Main(ctx, args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// A build stopped by a signal exits with 128 + the signal's number, says
// so in one line, leaves the previous output (the user's files and the
// manifest too) as it was, and leaves no fresh folder beside it.
func TestInterruptedBuildKeepsOutput(t *testing.T) {
	src := writeSite(t, goodSite)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if code, _, errOut := run(t, "build", "--src", src, "--out", out); code != ExitOK {
		t.Fatalf("first build: %d\n%s", code, errOut)
	}
	if err := os.WriteFile(filepath.Join(out, "CNAME"), []byte("example.org\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := digest(t, out)
	if err := os.WriteFile(filepath.Join(src, "content", "tools", "sql.md"), []byte("---\ntitle: SQL, changed\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{
		{syscall.SIGINT, 130, "rolesite build: interrupted; the output folder was not changed\n"},
		{syscall.SIGTERM, 143, "rolesite build: terminated; the output folder was not changed\n"},
	} {
		code, stdout, stderr := runStopped(t, c.sig, "build", "--src", src, "--out", out)
		if code != c.code || stderr != c.says || stdout != "" {
			t.Errorf("%v: exit code %d, stdout %q, stderr %q; want %d and stderr %q", c.sig, code, stdout, stderr, c.code, c.says)
		}
		if !equalMaps(before, digest(t, out)) {
			t.Errorf("%v: the stopped build changed the output", c.sig)
		}
		if left := freshFolders(t, parent); len(left) > 0 {
			t.Errorf("%v: the stopped build left %v beside the output", c.sig, left)
		}
	}
}

// A check stopped by a signal exits with its code and writes nothing.
func TestInterruptedCheck(t *testing.T) {
	src := writeSite(t, goodSite)
	before := digest(t, src)
	code, stdout, stderr := runStopped(t, syscall.SIGINT, "check", "--src", src)
	if code != 130 || stdout != "" || stderr != "rolesite check: interrupted; the check did not finish\n" {
		t.Errorf("exit code %d, stdout %q, stderr %q; want 130 and one line on stderr", code, stdout, stderr)
	}
	if !equalMaps(before, digest(t, src)) {
		t.Error("the stopped check changed the site folder")
	}
}
