package content

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v4"

	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/cputime"
)

// benchPage is one content file of a generated site.
type benchPage struct {
	name string
	data []byte
}

// benchPages generates an n-page site and returns its content files with
// their front matter written in format: benchgen's own YAML, or the same
// fields as TOML (+++) or JSON ({ }).
func benchPages(b *testing.B, n int, format string) []benchPage {
	b.Helper()
	var pages []benchPage
	err := benchgen.Generate(n, func(name string, data []byte) error {
		if !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") {
			return nil
		}
		pages = append(pages, benchPage{name, reformat(b, data, format)})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return pages
}

// reformat rewrites a page's YAML front matter in format.
func reformat(b *testing.B, data []byte, format string) []byte {
	if format == "yaml" {
		return data
	}
	block, body, ok := bytes.Cut(bytes.TrimPrefix(data, []byte("---\n")), []byte("\n---\n"))
	if !ok {
		b.Fatalf("no front matter in %.40q", data)
	}
	var fields map[string]any
	if err := yaml.Unmarshal(block, &fields); err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	switch format {
	case "toml":
		out.WriteString("+++\n")
		if err := toml.NewEncoder(&out).Encode(fields); err != nil {
			b.Fatal(err)
		}
		out.WriteString("+++\n")
	case "json":
		js, err := json.MarshalIndent(fields, "", "  ")
		if err != nil {
			b.Fatal(err)
		}
		out.Write(js)
		out.WriteString("\n\n")
	}
	out.Write(body)
	return out.Bytes()
}

// BenchmarkParse parses every content file of the 10,000-page generated
// site, with its front matter in each format; an op is the whole site.
// Besides wall time it reports the process's CPU time an op (cpu-ms/op,
// user and system, garbage collection included), which other work on a
// shared machine disturbs far less.
func BenchmarkParse(b *testing.B) {
	for _, format := range []string{"yaml", "toml", "json"} {
		pages := benchPages(b, 10000, format)
		if p, _ := Parse(pages[0].name, pages[0].data); p == nil || p.Format != format {
			b.Fatalf("%s: the first page is not read as %s", pages[0].name, format)
		}
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Start()
			for b.Loop() {
				for _, pg := range pages {
					if _, d := Parse(pg.name, pg.data); len(d) > 0 {
						b.Fatal(d[0])
					}
				}
			}
			cpu.ReportPerOp(b)
		})
	}
}
