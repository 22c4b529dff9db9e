package content

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"
)

// FuzzParse splits and decodes arbitrary files and checks that:
//
//   - Parse never panics, and a file of up to 64 kB parses in under a second;
//   - every diagnostic names the file and a line and column inside it (a
//     column may be one past the end of its line);
//   - a page's Body is a suffix of the normalised file, BodyLine is the
//     line it starts on, and BodyPos maps into the file;
//   - KeyPos and ItemPos of every field, and of every item of every list of
//     strings, point inside the file;
//   - parsing the same bytes twice gives the same result.
//
// The seeds in testdata/fuzz/FuzzParse run with every go test.
func FuzzParse(f *testing.F) {
	for _, s := range parseSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A call that never returns would stall the fuzzer without a
		// report; crash the worker instead, so the input is saved.
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("still running after 10s on %q", data)) })
		start := time.Now()
		p, diags := Parse("content/roles/x.md", data)
		watchdog.Stop()
		if d := time.Since(start); d > time.Second && len(data) <= 64<<10 {
			t.Fatalf("parsing %d bytes took %v", len(data), d)
		}
		src := normalise(data)
		lines := lineStarts(src)
		inside := func(what string, line, col int) {
			t.Helper()
			if line < 1 || line > len(lines) {
				t.Fatalf("%s: line %d outside the file's %d lines", what, line, len(lines))
			}
			end := len(src)
			if line < len(lines) {
				end = lines[line] - 1
			}
			if col < 1 || col > end-lines[line-1]+1 {
				t.Fatalf("%s: column %d outside line %d of %d bytes", what, col, line, end-lines[line-1])
			}
		}
		for _, d := range diags {
			if d.Path != "content/roles/x.md" {
				t.Fatalf("diagnostic for %q", d.Path)
			}
			inside("diagnostic "+d.Message, d.Line, d.Col)
		}
		p2, diags2 := Parse("content/roles/x.md", data)
		if !slices.Equal(diags, diags2) || (p == nil) != (p2 == nil) {
			t.Fatalf("two parses differ:\n%v\n%v", diags, diags2)
		}
		if p == nil {
			if len(diags) == 0 {
				t.Fatal("no page and no diagnostic")
			}
			return
		}
		if !bytes.Equal(p.src, src) {
			t.Fatal("the page's source is not the normalised file")
		}
		if !bytes.HasSuffix(src, p.Body) || len(p.Body) > len(src) {
			t.Fatalf("body %q is not a suffix of the file", p.Body)
		}
		if got := p.posOf(len(src) - len(p.Body)).Line; got != p.BodyLine {
			t.Fatalf("BodyLine %d, but the body starts on line %d", p.BodyLine, got)
		}
		pos := p.BodyPos(len(p.Body))
		inside("end of body", pos.Line, pos.Col)
		for field, v := range p.Params {
			pos := p.KeyPos(field)
			inside("key "+field, pos.Line, pos.Col)
			if list, bad := Strings(v); bad == "" {
				for i, pos := range p.ItemPos(field, list) {
					inside("item "+list[i], pos.Line, pos.Col)
				}
			}
		}
		// A compacted page places and quotes its front matter as before.
		p2.Compact()
		for field, v := range p.Params {
			if a, b := p.Diag(p.KeyPos(field), "m"), p2.Diag(p2.KeyPos(field), "m"); a != b {
				t.Fatalf("key %s after Compact: %+v, before %+v", field, b, a)
			}
			if list, bad := Strings(v); bad == "" && !slices.Equal(p.ItemPos(field, list), p2.ItemPos(field, list)) {
				t.Fatalf("items of %s after Compact: %v, before %v", field, p2.ItemPos(field, list), p.ItemPos(field, list))
			}
		}
	})
}

// parseSeeds are FuzzParse's hand-written seeds, one or more a kind of
// front matter and of trouble with it.
var parseSeeds = []string{
	"---\ntitle: Data Scientist\nsummary: Finds patterns.\nweight: 3\ntools: [python, r]\n---\nBody\n",
	"+++\ntitle = \"T\"\ntools = [\"a\", \"b\"]\n[extra]\nx = 1\n+++\nBody\n",
	"{\n  \"title\": \"T\",\n  \"tools\": [\"a\"]\n}\n\nBody\n",
	"---yaml\ntitle: T\n---\n", "---toml\ntitle = 'T'\n---\n", "---json\n{\"title\": \"T\"}\n---\n",
	"\uFEFF---\r\ntitle: T\r\norder: x\r\n---\r\nBody\r\n",
	"---\rtitle: T\r---\rText\r",
	"---\ntitle: T\nsummary: [a\n---\n", "---\ntitle: T\ntitle: U\n---\n", "---\n\t- x\n---\n",
	"---\ntitle: T\n\nbody never closed\n", "+++\n", "{\n", "", " ", "\n\n\n",
	"---\n- a\n- b\n---\n", "---\n2024: x\n? [a]\n: b\n---\n", "---\na: &x [*x]\n---\n",
	"---\ntitle: T\n---\nab\x00c", "---\ntitle: \xff\n---\n",
	"---\ntitle: T\naliases: [/a/, 3]\nupdated: soon\ndraft: yes\n---\n",
	"---\ntitle: T\n...\nsummary: x\n--- more\n---\n", "---\ntitle: \"T\nsummary: 'x\\q\n---\n",
	"---\ntitle: T\nsummary: <<\nx: [!, <<]\n! : y\n---\n", "---\ntrue: a\nTrue: b\nx: 1e400\ny: !!int z\n---\n",
	"---json\n{\"title\": \"T\"} {\"x\": 1}\n---\n",
}
