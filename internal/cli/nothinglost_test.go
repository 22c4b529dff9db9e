package cli

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rolesite/rolesite/internal/benchgen"
)

// A failed build must leave the previous output byte-identical. Bad content
// and a template error are in TestFailedBuildKeepsOutput, a full disk and
// I/O errors part-way in internal/output; here are the two that need a real
// process: an output parent the build may not write to, and a build killed
// while it writes.

// TestReadOnlyParentKeepsOutput builds once, makes the output's parent
// folder read-only, and builds again with other content: the build must
// fail with exit code 1 and change nothing. Root may write anywhere, so as
// root the second build runs as the user nobody (see asNobody).
func TestReadOnlyParentKeepsOutput(t *testing.T) {
	src := writeSite(t, goodSite)
	parent := filepath.Join(t.TempDir(), "parent")
	out := filepath.Join(parent, "site")
	if code, _, stderr := run(t, "build", "--src", src, "--out", out); code != ExitOK {
		t.Fatal(stderr)
	}
	before := digest(t, out)
	if err := os.WriteFile(filepath.Join(src, "content", "roles", "analyst.md"), []byte("---\ntitle: Changed\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(parent, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(parent, 0o755)

	var code int
	var stderr string
	if os.Geteuid() == 0 {
		code, stderr = exitAndStderr(t, asNobody(t, rolesiteBinary(t), "build", "--src", src, "--out", out))
	} else {
		code, _, stderr = run(t, "build", "--src", src, "--out", out)
	}
	if code != ExitProblem || !strings.Contains(stderr, "permission denied") {
		t.Fatalf("exit code %d, stderr:\n%s\nwant exit code 1 and a permission error", code, stderr)
	}
	if after := digest(t, out); !equalMaps(before, after) {
		t.Error("the failed build changed the output")
	}
}

// TestKilledBuildKeepsOutput builds a generated site of 3,000 pages with the
// rolesite binary, then starts builds of a changed site and kills each with
// SIGKILL at a different moment: as soon as its fresh folder appears beside
// the output, once it holds a few pages, once it holds about half, and once
// its manifest is written (just before the swap). After each kill the output
// must be byte-identical to the first build's, or, had the swap already
// happened, to a complete build of the changed site, never a mix. The next
// good build must leave no fresh folder behind.
func TestKilledBuildKeepsOutput(t *testing.T) {
	rig := &killRig{bin: rolesiteBinary(t), src: t.TempDir(), parent: t.TempDir()}
	rig.out = filepath.Join(rig.parent, "public")
	err := benchgen.Generate(3000, benchgen.ToDir(rig.src))
	if err != nil {
		t.Fatal(err)
	}
	rig.mustBuild(t)
	before := digest(t, rig.out)
	pages := len(before)

	for _, moment := range []struct {
		name string
		now  func(tmp string) bool // whether to kill, given the fresh folder
	}{
		{"as its folder appears", func(string) bool { return true }},
		{"after a few pages", func(tmp string) bool { return countFiles(tmp, 20) >= 20 }},
		{"half-way", func(tmp string) bool { return countFiles(tmp, pages/2) >= pages/2 }},
		{"with its manifest written", func(tmp string) bool {
			_, err := os.Stat(filepath.Join(tmp, ".rolesite-manifest"))
			return err == nil
		}},
	} {
		t.Run(moment.name, func(t *testing.T) {
			cmd := rig.buildAndKill(t, moment.now)
			status, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
			after := digest(t, rig.out)
			switch {
			case status.Signaled() && equalMaps(before, after):
				t.Logf("killed %s: output unchanged, %d fresh folders beside it", moment.name, len(freshFolders(t, rig.parent)))
			case status.Signaled() || cmd.ProcessState.Success():
				// The kill came after the swap, or the build won the race.
				if !equalMaps(rig.changedSite(t), after) {
					t.Fatalf("after the kill, the output is neither the old site nor the complete new one")
				}
				t.Logf("the build was past the swap: output is the complete new site; building the old one again")
				rig.mustBuild(t)
				if !equalMaps(before, digest(t, rig.out)) {
					t.Fatal("the rebuild of the old site differs from the first build")
				}
			default:
				t.Fatalf("the build failed on its own: %v\n%s", cmd.ProcessState, cmd.Stderr)
			}
		})
	}

	rig.mustBuild(t)
	if !equalMaps(before, digest(t, rig.out)) {
		t.Error("the last good build differs from the first")
	}
	if left := freshFolders(t, rig.parent); len(left) > 0 {
		t.Errorf("the good build after the kills left %v beside the output", left)
	}
}

// A killRig is what TestKilledBuildKeepsOutput builds: the rolesite binary,
// the generated site and the output folder in its parent.
type killRig struct {
	bin, src, parent, out string
	changed               map[string]string // the complete changed site, made only if a kill comes too late
}

// command returns "rolesite build" of the site into the output, with args.
func (k *killRig) command(args ...string) *exec.Cmd {
	cmd := exec.Command(k.bin, append([]string{"build", "--src", k.src, "--out", k.out}, args...)...)
	var e bytes.Buffer
	cmd.Stderr = &e
	return cmd
}

// mustBuild builds the site into the output, or fails the test.
func (k *killRig) mustBuild(t *testing.T, args ...string) {
	t.Helper()
	cmd := k.command(args...)
	if err := cmd.Run(); err != nil {
		t.Fatalf("rolesite build %v: %v\n%s", args, err, cmd.Stderr)
	}
}

// buildAndKill starts a build of the changed site (every page differs) and
// kills it with SIGKILL as soon as now holds for a fresh folder it made. It
// returns the command once it has ended: killed, or finished had it won the
// race.
func (k *killRig) buildAndKill(t *testing.T, now func(tmp string) bool) *exec.Cmd {
	t.Helper()
	known := map[string]bool{}
	for _, name := range freshFolders(t, k.parent) {
		known[name] = true // a folder an earlier kill left
	}
	cmd := k.command("--base-url", "/changed/")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	killed, finished := false, false
	deadline := time.Now().Add(2 * time.Minute)
	for !killed && !finished {
		select {
		case <-exited:
			finished = true
			continue
		default:
		}
		for _, name := range freshFolders(t, k.parent) {
			if !known[name] && now(filepath.Join(k.parent, name)) {
				_ = cmd.Process.Kill()
				killed = true
				break
			}
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("the build neither reached the moment nor ended in 2 minutes")
		}
		time.Sleep(time.Millisecond) // polling the folder; nothing to wait on
	}
	if killed {
		<-exited
	}
	return cmd
}

// changedSite returns the digest of a complete build of the changed site,
// as it would be in the output; it builds it the first time it is asked.
func (k *killRig) changedSite(t *testing.T) map[string]string {
	t.Helper()
	if k.changed == nil {
		other := filepath.Join(t.TempDir(), "public")
		c := exec.Command(k.bin, "build", "--src", k.src, "--out", other, "--base-url", "/changed/")
		if msg, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, msg)
		}
		k.changed = rebase(digest(t, other), other, k.out)
	}
	return k.changed
}

// freshFolders lists the folders ".public.tmp-*" in parent.
func freshFolders(t *testing.T, parent string) []string {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.tmp-") {
			names = append(names, e.Name())
		}
	}
	return names
}

// countFiles counts the files under dir, stopping at limit.
func countFiles(dir string, limit int) int {
	n := 0
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
			if n >= limit {
				return fs.SkipAll
			}
		}
		return nil
	})
	return n
}

// digest maps each file under dir (by full path) to the SHA-256 of its
// content and its mode, which is cheaper to hold than the content of a
// large site and as strict.
func digest(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			m[p+"/"] = info.Mode().String()
			return nil
		}
		data, err := os.ReadFile(p)
		sum := sha256.Sum256(data)
		m[p] = string(sum[:]) + info.Mode().String()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// rebase moves the keys of a digest from one folder to another.
func rebase(m map[string]string, from, to string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[to+strings.TrimPrefix(k, from)] = v
	}
	return out
}

// rolesiteBinary builds the rolesite command into a temporary folder.
func rolesiteBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the rolesite binary: left out of -short runs")
	}
	bin := filepath.Join(t.TempDir(), "rolesite")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/rolesite/rolesite/cmd/rolesite").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// asNobody returns a command that runs as the user nobody (uid 65534), for
// a permission test run as root, whom permission bits do not stop. Every
// folder on the way to the binary and to each absolute argument is made
// searchable and readable by all.
func asNobody(t *testing.T, bin string, args ...string) *exec.Cmd {
	t.Helper()
	for _, p := range append([]string{bin}, args...) {
		if !filepath.IsAbs(p) {
			continue
		}
		for ; p != os.TempDir() && p != filepath.Dir(p); p = filepath.Dir(p) {
			info, err := os.Stat(p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, info.Mode().Perm()|0o055|info.Mode()&os.ModeSticky); err != nil {
				t.Fatal(err)
			}
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return cmd
}

// exitAndStderr runs cmd to its end and returns its exit code and what it
// wrote on standard error.
func exitAndStderr(t *testing.T, cmd *exec.Cmd) (int, string) {
	t.Helper()
	var e bytes.Buffer
	cmd.Stderr = &e
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), e.String()
}
