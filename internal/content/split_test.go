package content

import (
	"bytes"
	"testing"
)

var splitSeeds = []string{
	"---\ntitle: A\n---\nbody\n",
	"\n\n---\ntitle: A\n---\n",
	"---\ntitle: A\n---",
	"---\ntitle: A\n  ---  \nbody",
	"---\n---\n",
	"---",
	"---\n",
	"---\ntitle: A\n",
	"--- \t\ntitle: A\n---\nx",
	"---yaml\ntitle: A\n---\n",
	"+++\ntitle = 'A'\n+++\n",
	"{\n\"title\": \"A\"\n}\n\nbody",
	"body only",
	"---\na: b\n---\u00a0\nrest",
	"\u00a0\n---\na: b\n---\n",
}

// Whatever splitYAML takes, frontmatter.Parse splits the same way.
func FuzzSplitYAML(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, ok := splitYAML(src)
		if !ok {
			return
		}
		want, err := splitAny(src)
		if err != nil || want == nil {
			t.Fatalf("splitYAML took %q; frontmatter finds no block (%v)", src, err)
		}
		if got.format != want.format || !bytes.Equal(got.raw, want.raw) || got.rawStart != want.rawStart || got.bodyStart != want.bodyStart {
			t.Fatalf("split %q:\n splitYAML %q raw %q rawStart %d body %d\nfrontmatter %q raw %q rawStart %d body %d",
				src, got.format, got.raw, got.rawStart, got.bodyStart, want.format, want.raw, want.rawStart, want.bodyStart)
		}
	})
}

func TestSplitYAMLTakesCommonPages(t *testing.T) {
	for _, s := range []string{"---\ntitle: A\n---\nbody\n", "\n---\ntitle: A\n---"} {
		if _, ok := splitYAML([]byte(s)); !ok {
			t.Errorf("splitYAML(%q) left it to frontmatter", s)
		}
	}
}
