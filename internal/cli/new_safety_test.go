package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewWritesOnlyInsideTheSite: SECTION names one folder under content/;
// anything that would put the page elsewhere — a path, "..", a hidden
// name, a section folder that links out of the site — is refused and
// writes nothing anywhere.
func TestNewWritesOnlyInsideTheSite(t *testing.T) {
	top := t.TempDir()
	site := filepath.Join(top, "site")
	for name, data := range goodSite {
		writeFileAt(t, filepath.Join(site, filepath.FromSlash(name)), data)
	}
	mkdir(t, filepath.Join(top, "elsewhere"))
	mustLink(t, filepath.Join(top, "elsewhere"), filepath.Join(site, "content", "linked"))
	before := tree(t, top)
	for _, section := range []string{"../..", "..", ".", "", "roles/../../..", "roles/..", "../content/roles", `..\..`, "/tmp", ".hidden", "linked", "nope"} {
		code, out, stderr := run(t, "new", "--src", site, section, "Evil Page")
		if code != ExitUsage || out != "" || !strings.Contains(stderr, "section") {
			t.Errorf("new %q: exit code %d, stdout %q, stderr %q; want 2 and a word about sections", section, code, out, stderr)
		}
	}
	if after := tree(t, top); !equalMaps(before, after) {
		t.Errorf("a refused new wrote something")
	}
	if code, out, stderr := run(t, "new", "--src", site, "roles", "Good Page"); code != ExitOK || !strings.HasSuffix(strings.TrimSpace(out), filepath.Join("content", "roles", "good-page.md")) {
		t.Fatalf("new roles: exit code %d, %q, %q", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "roles", "good-page.md")); err != nil {
		t.Error(err)
	}
}
