package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCleanOnlyWhatRolesiteOwns: --clean on a folder of the user's files
// (dotfiles too) is refused and deletes nothing; on an empty folder, a new
// one, or an earlier build's output it cleans; --force lets it clean any.
func TestCleanOnlyWhatRolesiteOwns(t *testing.T) {
	src := writeSite(t, goodSite)
	mine := map[string]string{"notes.txt": "mine", ".env": "KEY=1", ".git/HEAD": "ref", "deep/a/b.txt": "b"}
	for _, tc := range []struct {
		name string
		prep func(t *testing.T, out string) // lays the folder out before the build
		args []string
		code int
	}{
		{"a folder of the user's", layOut(mine), []string{"--clean"}, ExitUsage},
		{"only a dotfile", layOut(map[string]string{".keep": ""}), []string{"--clean"}, ExitUsage},
		{"empty", func(t *testing.T, out string) { mkdir(t, out) }, []string{"--clean"}, ExitOK},
		{"new", func(*testing.T, string) {}, []string{"--clean"}, ExitOK},
		{"an earlier build's, with the user's files in it", func(t *testing.T, out string) {
			if code, _, stderr := run(t, "build", "--src", src, "--out", out); code != ExitOK {
				t.Fatal(stderr)
			}
			layOut(mine)(t, out)
		}, []string{"--clean"}, ExitOK},
		{"the user's, with --force", layOut(mine), []string{"--clean", "--force"}, ExitOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			tc.prep(t, out)
			before := tree(t, filepath.Dir(out))
			code, _, stderr := run(t, append([]string{"build", "--src", src, "--out", out}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit code %d, want %d:\n%s", code, tc.code, stderr)
			}
			if code == ExitOK {
				if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
					t.Error("no site written")
				}
				if got := tree(t, out); got["notes.txt"] != "" || got[".env"] != "" {
					t.Errorf("--clean kept the user's files: %v", got)
				}
				return
			}
			if !strings.Contains(stderr, "--force") || !strings.Contains(stderr, "rolesite did not write") {
				t.Errorf("the refusal does not say why or how to go on:\n%s", stderr)
			}
			if after := tree(t, filepath.Dir(out)); !equalMaps(before, after) {
				t.Errorf("a refused --clean changed the folder:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// TestBuildNeverOverwritesTheUsersFiles: without --clean, a file of the
// user's at a path the build writes stops the build before anything
// changes, whether the folder is the user's own or an earlier build's
// (whose manifest does not list the file); the user's other files are
// carried over; --force replaces.
func TestBuildNeverOverwritesTheUsersFiles(t *testing.T) {
	src := writeSite(t, goodSite)
	for _, clash := range []string{"index.html", "roles/analyst/index.html", "sitemap.xml", "robots.txt", "roles/new/index.html"} {
		for _, earlier := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s earlier build %v", clash, earlier), func(t *testing.T) {
				if earlier != (clash == "roles/new/index.html") {
					t.Skip("no clash: only the second site has the page roles/new, and a file the earlier build wrote is rolesite's")
				}
				site := src
				out := filepath.Join(t.TempDir(), "out")
				if earlier {
					// The earlier build did not have the page roles/new; the
					// user put a file where it will go.
					if code, _, stderr := run(t, "build", "--src", src, "--out", out); code != ExitOK {
						t.Fatal(stderr)
					}
					site = writeSite(t, goodSite)
					writeFileAt(t, filepath.Join(site, "content", "roles", "new.md"), "---\ntitle: New\n---\n")
				}
				writeFileAt(t, filepath.Join(out, filepath.FromSlash(clash)), "the user's own")
				writeFileAt(t, filepath.Join(out, "CNAME"), "atlas.example.org")
				before := tree(t, out)
				code, _, stderr := run(t, "build", "--src", site, "--out", out)
				if code != ExitUsage || !strings.Contains(stderr, clash) || !strings.Contains(stderr, "--force") {
					t.Fatalf("exit code %d, want 2 naming %s and --force:\n%s", code, clash, stderr)
				}
				if after := tree(t, out); !equalMaps(before, after) {
					t.Fatal("the refused build changed the output")
				}
				if code, _, stderr := run(t, "build", "--src", site, "--out", out, "--force"); code != ExitOK {
					t.Fatalf("--force: exit code %d:\n%s", code, stderr)
				}
				got := tree(t, out)
				if got[clash] == "the user's own" || got["CNAME"] != "atlas.example.org" {
					t.Errorf("--force: %s = %q, CNAME = %q", clash, got[clash], got["CNAME"])
				}
			})
		}
	}
}

// TestFolderModesKept: the modes the user gave the output folder and the
// folders in it survive the next build, with and without --clean.
func TestFolderModesKept(t *testing.T) {
	src := writeSite(t, goodSite)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := run(t, "build", "--src", src, "--out", out); code != ExitOK {
		t.Fatal(stderr)
	}
	modes := map[string]os.FileMode{".": 0o750, "roles": 0o710, "roles/analyst": 0o775}
	for rel, m := range modes {
		if err := os.Chmod(filepath.Join(out, rel), m); err != nil {
			t.Fatal(err)
		}
	}
	for _, extra := range []string{"", "--clean"} {
		args := []string{"build", "--src", src, "--out", out}
		if extra != "" {
			args = append(args, extra)
		}
		if code, _, stderr := run(t, args...); code != ExitOK {
			t.Fatal(stderr)
		}
		for rel, want := range modes {
			if extra == "--clean" && rel != "." {
				continue // --clean starts afresh below the folder itself
			}
			info, err := os.Stat(filepath.Join(out, rel))
			if err != nil || info.Mode().Perm() != want {
				t.Errorf("%s: after build %s: mode %v, %v; want %v", rel, extra, info.Mode().Perm(), err, want)
			}
		}
	}
}

// TestReadOnlyFolderInOldOutput: as an ordinary user, a folder of the
// previous output that the user made read-only no longer leaves the old
// copy behind; one the user cannot remove at all (root's, inside their
// output) is reported truthfully: the new output is in place, the old one
// is where it says. Root passes every permission check, so the builds run
// as the user nobody.
func TestReadOnlyFolderInOldOutput(t *testing.T) {
	bin := rolesiteBinary(t)
	if os.Geteuid() != 0 {
		t.Skip("needs root, to run the builds as another user and to make a folder that user cannot remove")
	}
	src := writeSite(t, goodSite)
	parent := filepath.Join(t.TempDir(), "p")
	mkdir(t, parent)
	if err := os.Chown(parent, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(parent, "public")
	build := func() string {
		t.Helper()
		code, stderr := exitAndStderr(t, asNobody(t, bin, "build", "--src", src, "--out", out))
		if code != ExitOK {
			t.Fatalf("exit code %d:\n%s", code, stderr)
		}
		return stderr
	}
	build()
	if err := os.Chmod(filepath.Join(out, "roles"), 0o555); err != nil {
		t.Fatal(err)
	}
	writeFileAt(t, filepath.Join(src, "content", "roles", "analyst.md"), "---\ntitle: Changed\n---\n")
	if stderr := build(); stderr != "" {
		t.Errorf("a read-only folder in the old output: %s", stderr)
	}
	if left := freshFolders(t, parent); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "roles", "analyst", "index.html")); !bytes.Contains(data, []byte("Changed")) {
		t.Error("the new output is not in place")
	}
	// A folder of root's inside the output: nobody can never remove it.
	stuck := filepath.Join(out, "stuck")
	mkdir(t, stuck)
	writeFileAt(t, filepath.Join(stuck, "f"), "root's")
	writeFileAt(t, filepath.Join(src, "content", "roles", "analyst.md"), "---\ntitle: Again\n---\n")
	stderr := build()
	left := freshFolders(t, parent)
	if len(left) != 1 || !strings.Contains(stderr, "the new output is in") || !strings.Contains(stderr, left[0]) || strings.Contains(stderr, "nothing was changed") {
		t.Errorf("left %v; stderr:\n%s\nwant one line naming what is left and saying the new output is in place", left, stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "roles", "analyst", "index.html")); !bytes.Contains(data, []byte("Again")) {
		t.Error("the new output is not in place")
	}
}

func layOut(files map[string]string) func(t *testing.T, out string) {
	return func(t *testing.T, out string) {
		for name, data := range files {
			writeFileAt(t, filepath.Join(out, filepath.FromSlash(name)), data)
		}
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}
