package build_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/render"
)

// The lifecycle overview names a few members of each step and links the
// step's page for the rest; the step's page lists every one.
func TestLifecycleNamesAFewMembers(t *testing.T) {
	many := render.MaxLifecycleMembers + 5
	files := map[string]string{
		"content/_index.md":          "---\ntitle: Atlas\nlifecycle: {section: stages, members: roles}\n---\n",
		"content/stages/_index.md":   "---\ntitle: Stages\n---\n",
		"content/stages/busy.md":     "---\ntitle: Busy\nweight: 1\n---\n",
		"content/stages/quiet.md":    "---\ntitle: Quiet\nweight: 2\n---\n",
		"content/roles/_index.md":    "---\ntitle: Roles\n---\n",
		"content/roles/lone-role.md": "---\ntitle: Lone role\nstages: [quiet]\n---\n",
	}
	for i := range many {
		files[fmt.Sprintf("content/roles/r%02d.md", i)] = fmt.Sprintf("---\ntitle: Role %02d\nstages: [busy]\n---\n", i)
	}
	res := build.Build(context.Background(), siteFS(files), rolesite.Theme(), build.Options{CheckLinks: true})
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	home, _ := res.Files.Get("index.html")
	text := string(home)
	named := regexp.MustCompile(`href="/roles/r\d\d/"`).FindAllString(text, -1)
	// Each named role appears in the wide drawing, the narrow one and the list.
	if want := 3 * render.MaxLifecycleMembers; len(named) != want {
		t.Errorf("home names busy's roles %d times, want %d (%d roles, three times each)", len(named), want, render.MaxLifecycleMembers)
	}
	more := fmt.Sprintf("and %d more", many-render.MaxLifecycleMembers)
	chip := regexp.MustCompile(`<a class="lc-role" href="/stages/busy/"><rect[^>]*/><text[^>]*>` + more + `</text>`)
	if n := len(chip.FindAllString(text, -1)); n != 2 {
		t.Errorf("home has %d chips %q linking busy's page, want 2 (wide and narrow drawings)", n, more)
	}
	if !regexp.MustCompile(`and <a href="/stages/busy/">5 more</a>`).MatchString(text) {
		t.Errorf("the list does not link busy's page for the rest")
	}
	if !strings.Contains(text, `href="/roles/lone-role/"`) || strings.Contains(text, "/stages/quiet/\">0 more") {
		t.Errorf("quiet's only role should be named, with no 'more'")
	}
	busy, _ := res.Files.Get("stages/busy/index.html")
	for i := range many {
		if !strings.Contains(string(busy), fmt.Sprintf(`href="/roles/r%02d/"`, i)) {
			t.Errorf("busy's page does not list role r%02d", i)
		}
	}
}
