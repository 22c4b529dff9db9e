package diagram

import (
	"os"
	"testing"
)

// noBrowser skips a test that needs Chromium on a developer machine without
// one, and fails it when CI=true: CI installs Chromium (and axe-core), so a
// missing one there is a broken set-up, not a reason to test less.
func noBrowser(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why + ", and CI=true: .ci/run installs what this test needs")
	}
	t.Skip(why)
}
