package build_test

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	rolesite "github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestComparisonsLinear builds compared sections of growing size, each page
// with two career moves (a qualified relation within the section) and
// tools from a shared pool, and checks that the pre-rendered comparison
// pages grow with the number of pages, not of pairs: at most perPage a page
// (its two moves and a bounded number of closest neighbours). Every move
// has its page, the section's comparison page profiles every page, and
// every link of the output resolves (the build's link checker).
func TestComparisonsLinear(t *testing.T) {
	const perPage = 4
	isPair := regexp.MustCompile(`^roles/[^/]+/vs/[^/]+/index\.html$`)
	for _, n := range []int{30, 150} {
		files := map[string]string{
			"content/_index.md":       "---\ntitle: Atlas\n---\n",
			"content/roles/_index.md": "---\ntitle: Roles\ncompare: true\nrelations:\n  moves_to: {section: roles}\n  tools: {scale: [some, much]}\n---\n",
		}
		for i := range 20 {
			files[fmt.Sprintf("content/tools/t%d.md", i)] = fmt.Sprintf("---\ntitle: Tool %d\n---\n", i)
		}
		for i := range n {
			files[fmt.Sprintf("content/roles/r%d.md", i)] = fmt.Sprintf("---\ntitle: Role %d\nmoves_to: {r%d: a, r%d: b}\ntools: {t%d: much, t%d: some, t%d: much}\n---\n",
				i, (i+1)%n, (i+7)%n, i%20, (i+3)%20, (i+11)%20)
		}
		res := build.Build(context.Background(), siteFS(files), rolesite.Theme(), build.Options{CheckLinks: true})
		if len(res.Diagnostics) > 0 {
			t.Fatalf("n=%d: %v", n, res.Diagnostics)
		}
		pairs := 0
		for _, name := range res.Files.Names() {
			if isPair.MatchString(name) {
				pairs++
			}
		}
		if pairs > perPage*n || pairs < 2*n {
			t.Errorf("n=%d: %d comparison pages, want between %d (the moves) and %d", n, pairs, 2*n, perPage*n)
		}
		for i := range n {
			for _, j := range []int{(i + 1) % n, (i + 7) % n} {
				name := fmt.Sprintf("roles/r%d/vs/r%d/index.html", i, j)
				if data, ok := res.Files.Get(name); !ok {
					t.Errorf("n=%d: the move from r%d to r%d has no comparison page", n, i, j)
				} else if !bytes.Contains(data, []byte("Moving from Role")) {
					t.Errorf("n=%d: %s shows no gap", n, name)
				}
			}
		}
		page, ok := res.Files.Get("compare/roles/index.html")
		if got := strings.Count(string(page), `class="profile"`); !ok || got != n {
			t.Errorf("n=%d: the section's comparison page has %d profiles, want %d", n, got, n)
		}
		t.Logf("n=%d: %d comparison pages (all pairs: %d)", n, pairs, n*(n-1))
	}
}
