package benchgen

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

func gen(t *testing.T, n int) fstest.MapFS { return genWith(t, n, Generate) }

// genWith writes the site of n pages that generate makes in memory.
func genWith(t *testing.T, n int, generate func(int, Emit) error) fstest.MapFS {
	t.Helper()
	fs := fstest.MapFS{}
	if err := generate(n, func(name string, data []byte) error {
		fs[name] = &fstest.MapFile{Data: data}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestGenerateShape(t *testing.T) {
	fs := gen(t, 1000)
	count := map[string]int{}
	words, pages := 0, 0
	for name, f := range fs {
		parts := strings.Split(name, "/")
		if len(parts) == 3 && parts[2] != "_index.md" {
			count[parts[1]]++
			pages++
			_, body, _ := strings.Cut(string(f.Data)[4:], "\n---\n")
			words += len(strings.FieldsFunc(body, func(r rune) bool { return !unicode.IsLetter(r) }))
			for _, want := range []string{"## ", "**", "`", "\n- ", "| ---|", "```python", ".md"} {
				if want == "| ---|" {
					want = "|---|"
				}
				if !strings.Contains(body, want) {
					t.Fatalf("%s lacks %q", name, want)
				}
			}
			if strings.Count(body, ".md") < 2 {
				t.Fatalf("%s has fewer than two .md links", name)
			}
		}
	}
	if count["stages"] != 20 || count["tools"] != 300 || count["roles"] != 680 {
		t.Errorf("counts = %v", count)
	}
	if avg := words / pages; avg < 400 || avg > 650 {
		t.Errorf("average words per page = %d, want about 500", avg)
	}
	role := string(fs["content/roles/role-00007.md"].Data)
	for _, field := range []string{"tools: [", "stages: [", "collaborates_with: [", "skills: ["} {
		line := role[strings.Index(role, field):]
		line = line[:strings.Index(line, "\n")]
		want := map[string]int{"tools: [": 5, "stages: [": 3, "collaborates_with: [": 3, "skills: [": 4}[field]
		if got := strings.Count(line, ",") + 1; got != want {
			t.Errorf("%s has %d entries, want %d", line, got, want)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := gen(t, 300), gen(t, 300)
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Fatalf("%s differs between runs", name)
		}
	}
}
