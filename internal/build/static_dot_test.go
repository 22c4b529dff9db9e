package build_test

import (
	"context"
	"testing"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// TestStaticHostDotNames: of static/'s dot-names, those hosts read
// (.well-known/, .nojekyll, .htaccess) are copied; version control,
// system and editor files are not.
func TestStaticHostDotNames(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":                    "---\ntitle: Home\n---\n",
		"static/.well-known/security.txt":      "Contact: mailto:a@example.org\n",
		"static/.nojekyll":                     "",
		"static/.htaccess":                     "Options -Indexes\n",
		"static/.DS_Store":                     "x",
		"static/.git/config":                   "[core]\n",
		"static/.well-known/.security.txt.swp": "x",
		"static/img/.hidden.png":               "x",
	})
	res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	for name, want := range map[string]bool{
		".well-known/security.txt": true, ".nojekyll": true, ".htaccess": true,
		".DS_Store": false, ".git/config": false, ".well-known/.security.txt.swp": false, "img/.hidden.png": false,
	} {
		if _, got := res.Files.Get(name); got != want {
			t.Errorf("%s in the output: %v, want %v", name, got, want)
		}
	}
}
