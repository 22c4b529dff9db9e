package build_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// runUnprivileged runs "rolesite build --src src --out out" as the user
// nobody (uid 65534) and returns its exit code and standard error. Root
// reads any file whatever its mode, so a permission case run as root would
// test nothing; instead the test builds the real binary and drops to an
// ordinary user for it, so that the kernel refuses the read exactly as it
// would for an author. The folders on the way to src and out are opened up
// to that user; the file or folder under test keeps its mode 000.
func runUnprivileged(t *testing.T, src, out string) (int, string) {
	t.Helper()
	bin := rolesiteBinary(t)
	reachable(t, bin)
	reachable(t, src)
	reachable(t, filepath.Dir(out))
	if err := os.Chmod(filepath.Dir(out), 0o777); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "build", "--src", src, "--out", out)
	cmd.Stderr = &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	if err := cmd.Start(); err != nil {
		t.Skip("cannot run a process as an ordinary user here:", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(caseLimit)
	defer timer.Stop()
	select {
	case err := <-done:
		if _, exited := err.(*exec.ExitError); err != nil && !exited {
			t.Fatal(err)
		}
	case <-timer.C:
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("still running after %v", caseLimit)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// reachable lets every user open name: name and each folder above it, up to
// the system's temporary folder, gain read and search permission for all.
func reachable(t *testing.T, name string) {
	t.Helper()
	for p := name; p != os.TempDir() && p != filepath.Dir(p); p = filepath.Dir(p) {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, info.Mode().Perm()|0o055|info.Mode()&os.ModeSticky); err != nil {
			t.Fatal(err)
		}
	}
}
