package content

import (
	"reflect"
	"testing"

	"go.yaml.in/yaml/v4"
)

// yamlV4 decodes raw with go.yaml.in/yaml/v4's own defaults (one
// document, unique keys), as decode does without the fast path.
func yamlV4(raw []byte) (map[string]any, bool) {
	var v any
	if err := yaml.Load(raw, &v); err != nil {
		return nil, false
	}
	m, ok := stringKeys(v).(map[string]any)
	if ok {
		stringLists(m) // as Page.decode does after any decoder
	}
	return m, ok
}

var flatYAMLCases = []struct {
	raw  string
	fast bool // whether the fast path takes it
}{
	{"title: Data scientist\nsummary: Builds models, runs experiments.\n", true},
	{"title: Role 00042\ntools: [tool-02775, tool-00888]\nskills: [Parquet bias, Sample retry]\n", true},
	{"title: A\n\nweight: 3\n", false},           // a number
	{"title: \"Quoted\"\n", false},               // quotes
	{"title: It's\n", false},                     // an apostrophe
	{"title: A # comment\n", false},              // a comment
	{"title: true\n", false},                     // a boolean
	{"title: Yes\n", false},                      // a YAML 1.1 boolean
	{"title: null\n", false},                     // null
	{"title:\n", false},                          // empty: null
	{"tools: []\n", false},                       // empty list
	{"tools:\n  - a\n  - b\n", false},            // block list
	{"a: b\na: c\n", false},                      // duplicate key
	{"title: a: b\n", false},                     // a colon
	{"title: A  B\n", false},                     // double space
	{"Title: A\n", false},                        // capital key
	{"title: A\n  continued\n", false},           // folded line
	{"tools: [a, [b]]\n", false},                 // nesting
	{"tools: [a,, b]\n", false},                  // an empty item
	{"title: 2024-01-01\n", false},               // a date
	{"title: .inf\n", false},                     // a float
	{"title: Ünïcode\n", false},                  // non-ASCII: left to YAML
	{"title: A (draft) v2/3 - notes_x.\n", true}, // punctuation YAML ignores
	{"tools: [ a ,b ]\n", true},                  // spaces around items
	{"title: A\ttab\n", false},                   // a tab
	{"title: End  \n", true},                     // trailing spaces
	// Flat lines with punctuation, which the fast path takes: seeds from
	// which the fuzzer reaches the path that decodes.
	{"title: Role 00042 (lead) - v1.2/3\nsummary: Designs pipelines, owns the SLA.\n", true},
	{"tools: [tool_a, b-c, d.e, f/g, h (i)]\nstages: [Deploy, Monitor]\n", true},
	{"title: a-\n\n\nsummary: x.y_z, (w)\n", true},
	{"title: A / B, C - D.\nsummary: E", true}, // no newline at the end
}

// A page's lists share one array: a list more costs one allocation (its
// slice header, boxed in the map), not two, and each list is a slice of
// its own length, so that appending to one cannot write over the next.
func TestFlatYAMLListsShareOneArray(t *testing.T) {
	one := []byte("title: A\ntools: [a, b, c]\n")
	four := []byte("title: A\ntools: [a, b, c]\nstages: [d, e]\nskills: [f g, h]\nwith: [i]\n")
	allocs := func(raw []byte) float64 {
		return testing.AllocsPerRun(50, func() {
			if _, ok := flatYAML(raw); !ok {
				t.Fatalf("flatYAML did not take %q", raw)
			}
		})
	}
	if a1, a4 := allocs(one), allocs(four); a4 != a1+3 {
		t.Errorf("four lists: %v allocations, one list: %v; want one more a list", a4, a1)
	}
	m, _ := flatYAML(four)
	tools := m["tools"].([]string)
	if cap(tools) != len(tools) {
		t.Errorf("tools has capacity %d for %d items", cap(tools), len(tools))
	}
	_ = append(tools, "x")
	if got := m["stages"].([]string); !reflect.DeepEqual(got, []string{"d", "e"}) {
		t.Errorf("appending to tools changed stages: %q", got)
	}
}

func TestFlatYAML(t *testing.T) {
	for _, c := range flatYAMLCases {
		got, ok := flatYAML([]byte(c.raw))
		if ok != c.fast {
			t.Errorf("flatYAML(%q) took it: %v, want %v", c.raw, ok, c.fast)
			continue
		}
		if !ok {
			continue
		}
		want, wok := yamlV4([]byte(c.raw))
		if !wok || !reflect.DeepEqual(got, want) {
			t.Errorf("flatYAML(%q) = %#v, v4 %#v (%v)", c.raw, got, want, wok)
		}
	}
}

// Whatever the fast path takes, v4 decodes to the same fields.
func FuzzFlatYAML(f *testing.F) {
	for _, c := range flatYAMLCases {
		f.Add([]byte(c.raw))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, ok := flatYAML(raw)
		if !ok {
			return
		}
		want, wok := yamlV4(raw)
		if !wok {
			t.Fatalf("flatYAML took %q, which v4 rejects", raw)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("flatYAML(%q) = %#v, v4 %#v", raw, got, want)
		}
	})
}

// BenchmarkFlatYAML weighs the fast path against v4 on the front matter of
// the 10,000-page generated site: each op decodes every block the fast
// path takes, by flatYAML or by decodeYAML (v4 and its checks), which is
// what Parse would do without it.
func BenchmarkFlatYAML(b *testing.B) {
	var blocks []*frontMatter
	pages := benchPages(b, 10000, "yaml")
	for _, pg := range pages {
		fm, ok := splitYAML(pg.data)
		if ok {
			if _, fast := flatYAML(fm.raw); fast {
				blocks = append(blocks, fm)
			}
		}
	}
	b.Logf("the fast path takes %d of %d pages", len(blocks), len(pages))
	b.Run("flat", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, fm := range blocks {
				flatYAML(fm.raw)
			}
		}
	})
	b.Run("v4", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, fm := range blocks {
				src := fm.raw[:len(fm.raw):len(fm.raw)]
				p := &Page{Path: "x.md", src: src, lines: lineStarts(src)}
				if _, d := decodeYAML(&frontMatter{format: "yaml", raw: src}, p); d != nil {
					b.Fatal(d)
				}
			}
		}
	})
}
