package output

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// faultAt fails the nth call of one operation ("mkdir" or "write") with err.
type faultAt struct {
	op  string
	n   int
	err error
}

func (f *faultAt) fail(op string) bool {
	if op != f.op {
		return false
	}
	f.n--
	return f.n == 0
}

func (f *faultAt) Mkdir(dir string) error {
	if f.fail("mkdir") {
		return f.err
	}
	return mkdir(dir)
}

func (f *faultAt) WriteFile(name string, data []byte) error {
	if f.fail("write") {
		return f.err
	}
	return os.WriteFile(name, data, 0o644)
}

// TestFaultAnywhereKeepsPrevious publishes a site over a previous one that
// holds a file of the user's (a CNAME) and a manifest, and fails every
// folder creation and every file write in turn, with a full disk, an I/O
// error and an exceeded quota: each time the build must fail, the previous
// folder must be exactly as it was, and nothing may be left beside it.
func TestFaultAnywhereKeepsPrevious(t *testing.T) {
	next := map[string]string{"index.html": "new", "a/index.html": "new", "b/c/index.html": "new", "css/site.css": "new", "d/index.html": "new"}
	for _, fault := range []error{syscall.ENOSPC, syscall.EIO, syscall.EDQUOT} {
		for _, op := range []string{"mkdir", "write"} {
			for n := 1; ; n++ {
				out := filepath.Join(t.TempDir(), "public")
				if _, err := Publish(out, sample(t, map[string]string{"index.html": "old", "a/index.html": "old", "gone/index.html": "old"}), Options{}); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(out, "CNAME"), []byte("example.org"), 0o644); err != nil {
					t.Fatal(err)
				}
				before := tree(t, out)
				f := &faultAt{op: op, n: n, err: fault}
				s, err := newStream(out, Options{}, f, true)
				if err != nil {
					t.Fatal(err)
				}
				for _, name := range sample(t, next).Names() {
					if err := s.Write(name, []byte(next[name])); err != nil {
						break
					}
				}
				_, err = s.Commit()
				if f.n > 0 { // the fault was never reached: every call is covered
					if err != nil {
						t.Fatalf("%s %d: no fault, but %v", op, n, err)
					}
					break
				}
				if !errors.Is(err, fault) {
					t.Fatalf("%v at %s %d: Commit returned %v", fault, op, n, err)
				}
				if after := tree(t, out); !equalTrees(before, after) {
					t.Errorf("%v at %s %d: the previous output changed:\n%v\nnow\n%v", fault, op, n, before, after)
				}
				if left := leftovers(t, out); len(left) > 0 {
					t.Errorf("%v at %s %d: left %v beside the output", fault, op, n, left)
				}
			}
		}
	}
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
