package build_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// The two spellings of "café" and "données" that Unicode allows: composed
// (NFC, what keyboards type) and decomposed (NFD, what macOS stores).
const (
	cafeNFC    = "caf\u00e9"
	cafeNFD    = "cafe\u0301"
	donneesNFC = "donn\u00e9es"
	donneesNFD = "donne\u0301es"
)

// TestUnicodeNamesOneSpelling: a page, a section, a relation value and a
// body link that spell a name in different Unicode forms find each other,
// and the output is written under the composed form, whatever the file
// system stored.
func TestUnicodeNamesOneSpelling(t *testing.T) {
	for _, tc := range []struct{ file, section, link, relation string }{
		{cafeNFD, donneesNFD, cafeNFC, cafeNFC},
		{cafeNFC, donneesNFC, cafeNFD, cafeNFD},
		{cafeNFD, donneesNFC, cafeNFD, cafeNFC},
	} {
		src := fstest.MapFS{
			"content/_index.md":                             {Data: []byte("---\ntitle: Site\n---\n")},
			"content/" + tc.section + "/_index.md":          {Data: []byte("---\ntitle: Data\n---\n")},
			"content/" + tc.section + "/" + tc.file + ".md": {Data: []byte("---\ntitle: Cafe\n---\n## Menu\n")},
			"content/roles/a.md": {Data: []byte("---\ntitle: A\n" + donneesNFC + ": [" + tc.relation + "]\n---\n" +
				"See [the cafe](../" + tc.section + "/" + tc.link + ".md#menu).\n")},
		}
		res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
		if !res.OK() {
			t.Errorf("%+q: %v", tc, res.Diagnostics)
			continue
		}
		page := donneesNFC + "/" + cafeNFC + "/index.html"
		if _, ok := res.Files.Get(page); !ok {
			t.Errorf("%+q: no %+q in the output", tc, page)
		}
		a, _ := res.Files.Get("roles/a/index.html")
		// html/template percent-encodes a URL in href; the body link keeps it.
		composed := strings.Count(string(a), "/"+donneesNFC+"/"+cafeNFC+"/") + strings.Count(string(a), "/donn%c3%a9es/caf%c3%a9/")
		decomposed := strings.Count(string(a), "e\u0301") + strings.Count(strings.ToLower(string(a)), "e%cc%81")
		if composed < 2 || decomposed > 0 {
			t.Errorf("%+q: roles/a links the page %d times in the composed spelling (want the relation and the body link), %d in the decomposed", tc, composed, decomposed)
		}
	}
}

// TestUnicodeNamesCollide: two files whose names differ only in Unicode
// form make the same page: a problem naming both that says why.
func TestUnicodeNamesCollide(t *testing.T) {
	src := fstest.MapFS{
		"content/_index.md":                {Data: []byte("---\ntitle: Site\n---\n")},
		"content/roles/" + cafeNFC + ".md": {Data: []byte("---\ntitle: One\n---\n")},
		"content/roles/" + cafeNFD + ".md": {Data: []byte("---\ntitle: Two\n---\n")},
	}
	res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
	if res.OK() || len(res.Diagnostics) != 1 {
		t.Fatalf("want one problem, got %v", res.Diagnostics)
	}
	if msg := res.Diagnostics[0].String(); !strings.Contains(msg, "two Unicode forms") || !strings.Contains(msg, cafeNFC) || !strings.Contains(msg, cafeNFD) {
		t.Errorf("the problem does not name both and say why: %s", msg)
	}
}
