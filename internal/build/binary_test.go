package build_test

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// rolesiteBinary builds the rolesite command into a temporary folder and
// returns its path, for tests that need a process of their own.
func rolesiteBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the rolesite binary: left out of -short runs")
	}
	bin := filepath.Join(t.TempDir(), "rolesite")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/rolesite/rolesite/cmd/rolesite")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
