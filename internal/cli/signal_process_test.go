package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rolesite/rolesite/internal/benchgen"
)

// TestSignalStopsBuild runs the rolesite binary on a generated site of
// 5,000 pages (a build of a couple of seconds), builds it once, then
// starts builds and a check of a changed site and sends each a signal
// part-way: SIGINT as soon as the build's fresh folder appears, SIGTERM
// once it holds pages, SIGINT to a check once it has read the site. Each
// must exit within a few seconds with 128 + the signal's number and one
// line on stderr, leave the output byte for byte and mode for mode as the
// first build left it (the user's file and the manifest included), and
// leave no fresh folder beside it.
func TestSignalStopsBuild(t *testing.T) {
	bin := rolesiteBinary(t)
	src, siteBytes := generatedSite(t, 5000)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if msg, err := exec.Command(bin, "build", "--src", src, "--out", out).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, msg)
	}
	if err := os.WriteFile(filepath.Join(out, "CNAME"), []byte("atlas.example.org\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := digest(t, out)
	if _, ok := before[filepath.Join(out, ".rolesite-manifest")]; !ok {
		t.Fatal("the first build wrote no manifest")
	}

	writesPages := func(int) bool {
		fresh := freshFolders(t, parent)
		return len(fresh) > 0 && countFiles(filepath.Join(parent, fresh[0]), 100) >= 100
	}
	for _, c := range []struct {
		name string
		args []string
		sig  syscall.Signal
		code int
		says string
		now  func(pid int) bool // whether to send the signal
	}{
		{"build, SIGINT as its fresh folder appears", []string{"build", "--out", out}, syscall.SIGINT, 130,
			"rolesite build: interrupted; the output folder was not changed",
			func(int) bool { return len(freshFolders(t, parent)) > 0 }},
		{"build, SIGTERM once it writes pages", []string{"build", "--out", out}, syscall.SIGTERM, 143,
			"rolesite build: terminated; the output folder was not changed", writesPages},
		{"build, SIGTERM twice within a moment, as timeout(1) may send it", []string{"build", "--out", out}, syscall.SIGTERM, 143,
			"rolesite build: terminated; the output folder was not changed", writesPages},
		{"check, SIGINT once it has read the site", []string{"check"}, syscall.SIGINT, 130,
			"rolesite check: interrupted; the check did not finish",
			func(pid int) bool { return bytesRead(pid) >= siteBytes }},
	} {
		t.Run(c.name, func(t *testing.T) {
			// Every page differs from the first build's.
			cmd := exec.Command(bin, append(c.args, "--src", src, "--base-url", "/changed/")...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan struct{})
			go func() { _ = cmd.Wait(); close(exited) }()
			sent := sendWhen(t, cmd.Process, exited, c.sig, c.now)
			if strings.Contains(c.name, "twice") {
				// After the first is taken (two pending at once are one).
				time.Sleep(100 * time.Millisecond) // the gap a process group's signal comes after
				_ = cmd.Process.Signal(c.sig)
			}
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				_ = cmd.Process.Kill()
				<-exited
				t.Fatalf("still running 5 s after %v", c.sig)
			}
			took := time.Since(sent)
			if code := cmd.ProcessState.ExitCode(); code != c.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, c.code, &stderr)
			}
			if got := strings.TrimSpace(stderr.String()); got != c.says {
				t.Errorf("stderr %q, want %q", got, c.says)
			}
			if !equalMaps(before, digest(t, out)) {
				t.Error("the output differs from the first build's")
			}
			if left := freshFolders(t, parent); len(left) > 0 {
				t.Errorf("left %v beside the output", left)
			}
			t.Logf("stopped %s after %v", round(took), c.sig)
		})
	}
}

// generatedSite writes benchgen's site of n pages to a temporary folder
// and returns it and the size of its files.
func generatedSite(t *testing.T, n int) (string, int64) {
	t.Helper()
	dir := t.TempDir()
	var size int64
	write := benchgen.ToDir(dir)
	err := benchgen.Generate(n, func(name string, data []byte) error {
		size += int64(len(data))
		return write(name, data)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir, size
}

// sendWhen polls now until it holds, then sends sig to p and returns when.
// It fails the test if the process exits first or the moment does not come
// within a minute.
func sendWhen(t *testing.T, p *os.Process, exited <-chan struct{}, sig syscall.Signal, now func(pid int) bool) time.Time {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !now(p.Pid) {
		select {
		case <-exited:
			t.Fatalf("the process ended before the moment to send %v", sig)
		case <-time.After(time.Millisecond): // polling; nothing to wait on
		}
		if time.Now().After(deadline) {
			_ = p.Kill()
			t.Fatalf("the moment to send %v did not come in a minute", sig)
		}
	}
	if err := p.Signal(sig); err != nil {
		t.Fatal(err)
	}
	return time.Now()
}

// bytesRead is how many bytes the process pid has read so far, from
// /proc/PID/io (0 when it cannot be told).
func bytesRead(pid int) int64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/io")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "rchar: "); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n
		}
	}
	return 0
}
