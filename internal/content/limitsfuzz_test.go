package content

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v4"
	"golang.org/x/tools/txtar"
)

// depthOf is how deeply a decoded value nests: a scalar 0, a mapping or a
// list one more than its deepest item.
func depthOf(v any) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, item := range x {
			d = max(d, depthOf(item))
		}
	case map[any]any:
		for _, item := range x {
			d = max(d, depthOf(item))
		}
	case []any:
		for _, item := range x {
			d = max(d, depthOf(item))
		}
	case []map[string]any:
		for _, item := range x {
			d = max(d, depthOf(item))
		}
	default:
		return 0
	}
	return d + 1
}

// depthRefused reports whether the depth check of format refuses raw.
func depthRefused(format string, raw []byte) bool {
	fm := &frontMatter{format: format, raw: raw}
	p := &Page{Path: "x.md", src: raw, lines: lineStarts(raw)}
	if format == "toml" {
		return tomlTooDeep(raw, MaxDepth) >= 0
	}
	_, diags := decode(fm, p)
	return strings.Contains(diags.Error(), "levels deep here")
}

// FuzzDepthLimit holds the depth checks to the decoders: a front matter
// that a decoder takes and that nests no deeper than MaxDepth is never
// refused (brackets in strings and comments count for nothing), and for
// YAML and JSON, whose checks read the decoder's own tokens, one that
// nests deeper is always refused. The TOML scan may count fewer levels
// than there are (an array of tables inside one), never more.
func FuzzDepthLimit(f *testing.F) {
	for _, s := range []string{
		"x = " + nest("[", "", "]", 31), "x = " + nest("{a = ", "1", "}", 31), "x" + strings.Repeat(".a", 31) + " = 1",
		"[x" + strings.Repeat(".a", 30) + "]\ny = 1", "[[x" + strings.Repeat(".a", 29) + "]]\n[[x.a]]",
		"s = \"[[[\\\"[[\" # [[[\nm = '''[[[''''' \nl = \"\"\"\n[[\"\"\"\"\"\n['a.[b'.\"c]\"]\nq = [ # [[\n 1, [2], {a = [3]} ]",
		"x: " + nest("[", "", "]", 31), "x: " + nest("{a: ", "1", "}", 31), "x:\n" + strings.Repeat("- ", 31) + "1",
		"a: &a [[1]]\nb: [*a, [*a]]\nc:\n  <<: *a\nd:\n  <<: [*a]", "s: '[[[' # [[[\nb: |\n  [[[[\n? [a]\n: 1",
		`{"x": ` + nest("[", "", "]", 31) + "}", `{"s": "[[[\"[[", "x": {"a": [1, {"b": []}]}}`,
	} {
		format := "toml"
		switch {
		case strings.HasPrefix(s, "{"):
			format = "json"
		case strings.Contains(s, ": ") || strings.HasPrefix(s, "x:"):
			format = "yaml"
		}
		f.Add(format, s)
	}
	f.Fuzz(func(t *testing.T, format, text string) {
		if len(text) > 8<<10 {
			return
		}
		raw := []byte(text)
		var v any
		var err error
		switch format {
		case "toml":
			var m map[string]any
			err = toml.Unmarshal(raw, &m)
			v = m
		case "yaml":
			err = yaml.Load(raw, &v)
			v = stringKeys(v)
		case "json":
			err = json.Unmarshal(raw, &v)
		default:
			return
		}
		if err != nil {
			return
		}
		deep, refused := depthOf(v), depthRefused(format, raw)
		if deep <= MaxDepth && refused {
			t.Fatalf("%s nesting %d levels refused: %q", format, deep, text)
		}
		if deep > MaxDepth && !refused && format != "toml" {
			t.Fatalf("%s nesting %d levels taken: %q", format, deep, text)
		}
	})
}

// TestLimitsRefuseNothingReal parses every content file this repository
// holds (the atlas, and the sites of the tests of content and build) and
// checks that no limit refuses any of them.
func TestLimitsRefuseNothingReal(t *testing.T) {
	files := map[string][]byte{}
	for _, root := range []string{"../../content", "testdata", "../build/testdata"} {
		err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			switch {
			case strings.HasSuffix(name, ".md"):
				files[name] = data
			case strings.HasSuffix(name, ".txtar"):
				for _, f := range txtar.Parse(data).Files {
					if strings.HasSuffix(f.Name, ".md") {
						files[name+":"+f.Name] = f.Data
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 100 {
		t.Fatalf("found only %d files", len(files))
	}
	formats := map[string]int{}
	for name, data := range files {
		p, diags := Parse("content/x.md", data)
		if p != nil {
			formats[p.Format]++
		}
		for _, d := range diags {
			if strings.Contains(d.Message, "limit") || strings.Contains(d.Message, "duplicate key") {
				t.Errorf("%s: %s", name, d)
			}
		}
	}
	t.Logf("%d files, by front matter format: %v", len(files), formats)
}
