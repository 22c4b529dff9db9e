package cli

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnSignal runs the rolesite binary's serve, opens a
// live-reload stream that stays open, and sends SIGTERM (then, in a second
// process, SIGINT): serve must end the stream, close its port and exit by
// itself with code 0 within 3 seconds, less than the 5 seconds serve gives
// the HTTP server to shut down: a stream left open would hold it that long.
func TestServeStopsOnSignal(t *testing.T) {
	bin := rolesiteBinary(t)
	src := writeSite(t, goodSite)
	for _, sig := range []os.Signal{syscall.SIGTERM, os.Interrupt} {
		t.Run(sig.String(), func(t *testing.T) {
			var stdout, stderr syncBuffer
			cmd := exec.Command(bin, "serve", "--src", src, "--port", "0")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan struct{})
			go func() { _ = cmd.Wait(); close(exited) }()
			t.Cleanup(func() {
				select {
				case <-exited:
				default:
					_ = cmd.Process.Kill()
					<-exited
				}
			})

			re := regexp.MustCompile(`at http://(127\.0\.0\.1:\d+)/`)
			var addr string
			eventually(t, "serve to start", func() bool {
				m := re.FindStringSubmatch(stdout.String())
				if m != nil {
					addr = m[1]
				}
				return m != nil
			})
			resp, err := http.Get("http://" + addr + "/__rolesite/events")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			stream := bufio.NewReader(resp.Body)
			if line, err := stream.ReadString('\n'); err != nil || !strings.HasPrefix(line, "retry:") {
				t.Fatalf("event stream: %q %v", line, err)
			}
			streamEnded := make(chan struct{})
			go func() { _, _ = io.Copy(io.Discard, stream); close(streamEnded) }()

			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-exited:
			case <-time.After(3 * time.Second): // less than shutdown's own 5 s limit
				t.Fatalf("serve still running 3 s after %v; stderr:\n%s", sig, stderr.String())
			}
			st := cmd.ProcessState
			if !st.Exited() || st.ExitCode() != ExitOK {
				t.Errorf("after %v: %v, want exit code 0 (stderr:\n%s)", sig, st, stderr.String())
			}
			t.Logf("%v: exited %v after the signal", sig, time.Since(sent).Round(time.Millisecond))
			select {
			case <-streamEnded:
			case <-time.After(5 * time.Second):
				t.Error("the event stream is still open after serve exited")
			}
			if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
				conn.Close()
				t.Errorf("port %s still accepts connections after serve exited", addr)
			}
			if !strings.Contains(stdout.String(), "Stopped.") {
				t.Errorf("stdout does not say it stopped:\n%s", stdout.String())
			}
		})
	}
}

// TestServeLeavesNothingRunning runs serve in this process with an open
// live-reload stream, cancels its context as a signal does, and requires
// Main to return 0 promptly, the stream to end, and no goroutine of the
// server, the watcher or serve itself to be left.
func TestServeLeavesNothingRunning(t *testing.T) {
	src := writeSite(t, goodSite)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"serve", "--src", src, "--port", "0"}, strings.NewReader(""), &stdout, &stderr)
	}()
	re := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)
	var url string
	eventually(t, "serve to start", func() bool {
		m := re.FindStringSubmatch(stdout.String())
		if m != nil {
			url = m[1]
		}
		return m != nil
	})
	transport := &http.Transport{}
	defer transport.CloseIdleConnections()
	resp, err := (&http.Client{Transport: transport}).Get(url + "__rolesite/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	streamEnded := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, resp.Body); close(streamEnded) }()

	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("serve returned %d on a cancelled context, want 0; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(3 * time.Second):
		t.Fatal("serve did not return within 3 s of its context ending")
	}
	select {
	case <-streamEnded:
	case <-time.After(3 * time.Second):
		t.Error("the event stream is still open after serve returned")
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		left := leftover()
		if left == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("goroutines left 5 s after serve returned:\n%s", left)
		}
	}
}

// leftover returns the stacks of running goroutines that belong to serve,
// the dev server or the watcher, or "" if there are none.
func leftover() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		if strings.Contains(g, "TestServeLeavesNothingRunning") || strings.Contains(g, "leftover(") {
			continue
		}
		for _, mark := range []string{"rolesite/internal/serve.", "rolesite/internal/watch.", "fsnotify", "rolesite/internal/cli.(*devSession)", "rolesite/internal/cli.runServe"} {
			if strings.Contains(g, mark) {
				left = append(left, g)
				break
			}
		}
	}
	return strings.Join(left, "\n\n")
}
