package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/cputime"
	"github.com/rolesite/rolesite/internal/lex"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/site"
)

// Benchmarks run on generated sites written to a temporary folder (put
// TMPDIR on /dev/shm to keep the disk out of the figures). The 50,000-page
// size runs only with ROLESITE_BENCH_50K=1.
//
//	go test ./internal/build -run '^$' -bench . -benchmem

var corpora sync.Map // size -> folder

// TestMain removes the generated sites once the benchmarks are done: each
// is tens of megabytes, on /dev/shm as often as not.
func TestMain(m *testing.M) {
	code := m.Run()
	corpora.Range(func(_, dir any) bool {
		_ = os.RemoveAll(dir.(string))
		return true
	})
	os.Exit(code)
}

func corpus(b *testing.B, n int) fs.FS {
	b.Helper()
	if dir, ok := corpora.Load(n); ok {
		return os.DirFS(dir.(string))
	}
	dir, err := os.MkdirTemp("", "rolesite-bench-"+strconv.Itoa(n)+"-")
	if err != nil {
		b.Fatal(err)
	}
	err = benchgen.Generate(n, benchgen.ToDir(dir))
	if err != nil {
		b.Fatal(err)
	}
	corpora.Store(n, dir)
	return os.DirFS(dir)
}

func sizes() []int {
	s := []int{1000, 10000}
	if os.Getenv("ROLESITE_BENCH_50K") == "1" {
		s = append(s, 50000)
	}
	return s
}

func name(n int) string { return strconv.Itoa(n/1000) + "k" }

// BenchmarkBuild is a clean build, without writing.
func BenchmarkBuild(b *testing.B) {
	for _, n := range sizes() {
		b.Run(name(n), func(b *testing.B) {
			src := corpus(b, n)
			for b.Loop() {
				res := Build(context.Background(), src, rolesite.Theme(), Options{})
				if !res.OK() {
					b.Fatal(res.Diagnostics[:1])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/page")
		})
	}
}

// BenchmarkPublish is the build `rolesite build` runs, in process: minified,
// fingerprinted, link-checked, every file handed out as it is made (and
// dropped here, so that the disk stays out of the figure).
func BenchmarkPublish(b *testing.B) {
	for _, n := range sizes() {
		b.Run(name(n), func(b *testing.B) {
			src := corpus(b, n)
			opts := Options{Minify: true, Fingerprint: true, CheckLinks: true, Emit: func(string, []byte) error { return nil }}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				res := Build(context.Background(), src, rolesite.Theme(), opts)
				if !res.OK() {
					b.Fatal(res.Diagnostics[:1])
				}
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/page")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*n), "allocs/page")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N*n)/1024, "kB-alloc/page")
		})
	}
}

// BenchmarkStages times each stage of a 10k build on its own.
func BenchmarkStages(b *testing.B) {
	const n = 10000
	src := corpus(b, n)
	theme := overlay{top: src, bottom: rolesite.Theme()}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			New(rolesite.Theme(), Options{}).load(context.Background(), src, nil)
		}
	})
	loader := New(rolesite.Theme(), Options{})
	inputs, _, _ := loader.load(context.Background(), src, nil)
	// A render cache of its own for each render, so that none remembers
	// pages, reading the bodies the load stage made.
	fresh := func() *renderCache {
		c := newRenderCache(Options{}, newSink(Options{}))
		c.bodies.docs = loader.renders.bodies.docs
		return c
	}
	b.Run("resolve", func(b *testing.B) {
		for b.Loop() {
			site.Resolve(inputs, site.Options{})
		}
	})
	s, _ := site.Resolve(inputs, site.Options{})
	// After a title edit, as serve resolves: the other pages' files are
	// the ones the last site had.
	b.Run("resolve-after", func(b *testing.B) {
		edited := slices.Clone(inputs)
		for i, in := range edited {
			if in.Page.Path == "content/roles/role-00042.md" {
				cp := *in.Page
				cp.Title += " v2"
				edited[i].Page = &cp
			}
		}
		for b.Loop() {
			site.ResolveAfter(s, edited, site.Options{})
		}
	})
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			renderSite(context.Background(), s, theme, fresh(), output.NewFiles(), renderHow{})
		}
	})
	files, _ := renderSite(context.Background(), s, theme, fresh(), output.NewFiles(), renderHow{})
	b.Run("write", func(b *testing.B) {
		dir := b.TempDir()
		for b.Loop() {
			if err := output.Write(filepath.Join(dir, "public"), files); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRebuild edits a 10k site and rebuilds with the same Builder,
// told which file changed and with one page open (role-00042's), as serve
// does; preview-ms is the median time until that page was shown. The
// edits: a page's body text (the usual edit while writing); its title
// (which changes every page that shows it: lists, panels, matrices); its
// list of tools (its panels, and the tools' incoming panels, related
// pages and matrix cells); and a role added or removed, by turns.
func BenchmarkRebuild(b *testing.B) {
	const page, added = "content/roles/role-00042.md", "content/roles/role-new.md"
	replace := func(old, new string) func([]byte, int) (string, []byte) {
		return func(orig []byte, i int) (string, []byte) {
			return page, bytes.Replace(orig, []byte(old), []byte(fmt.Sprintf(new, i%2)), 1)
		}
	}
	for _, edit := range []struct {
		name string
		edit func(orig []byte, i int) (string, []byte) // the file to write, nil to remove it
	}{
		{"body", replace("\n## Overview", "\nAn edited sentence %d.\n\n## Overview")},
		{"title", replace("title: Role 00042", "title: Role 00042 v%d")},
		{"tools", replace("tools: [tool-02775,", "tools: [tool-0000%d,")},
		{"add-remove", func(orig []byte, i int) (string, []byte) {
			if i%2 == 1 {
				return added, bytes.Replace(orig, []byte("title: Role 00042"), []byte("title: A new role"), 1)
			}
			return added, nil
		}},
	} {
		b.Run(edit.name, func(b *testing.B) {
			mem := memCopy(b, corpus(b, 10000))
			shown := &firstPreview{open: "roles/role-00042/index.html"}
			builder := New(rolesite.Theme(), Options{Preview: shown})
			var previews []time.Duration
			if r := builder.Build(context.Background(), mem); !r.OK() {
				b.Fatal(r.Diagnostics[:1])
			}
			orig := mem[page].Data
			i := 0
			for b.Loop() {
				i++
				name, data := edit.edit(orig, i)
				if data == nil {
					delete(mem, name)
				} else {
					mem[name] = &fstest.MapFile{Data: data}
				}
				shown.at = time.Time{}
				start := time.Now()
				if r := builder.Rebuild(context.Background(), mem, []string{name}); !r.OK() {
					b.Fatal(r.Diagnostics[:1])
				}
				if shown.at.IsZero() {
					b.Fatal("the open page was not previewed")
				}
				previews = append(previews, shown.at.Sub(start))
			}
			slices.Sort(previews)
			b.ReportMetric(float64(previews[len(previews)/2].Microseconds())/1000, "preview-ms")
		})
	}
}

// firstPreview is a reader with one page open: it records when a build
// first shows it, what the dev server's reader waits for.
type firstPreview struct {
	open string
	mu   sync.Mutex
	at   time.Time
}

func (p *firstPreview) Open() []string { return []string{p.open} }

func (p *firstPreview) Preview(string, []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.at.IsZero() {
		p.at = time.Now()
	}
}

// BenchmarkFloor is the floor the issue measures against: read every .md
// file, convert it on two goroutines, write each HTML file. goldmark is
// goldmark and GFM alone; goldmark+chroma also colours each fenced code
// block with chroma as rolesite does (CSS classes, an empty style, the
// lexer coalesced: see internal/markdown's codeRenderer), the work every
// generator that highlights at build time does too. goldmark+lex gives
// the same tokens through internal/lex, as rolesite does.
func BenchmarkFloor(b *testing.B) {
	src := corpus(b, 10000)
	var names []string
	_ = fs.WalkDir(src, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" {
			names = append(names, p)
		}
		return nil
	})
	code := floorCode{
		format: chromahtml.New(chromahtml.WithClasses(true)),
		style:  chroma.MustNewStyle("floor", chroma.StyleEntries{}),
	}
	withLex := code
	withLex.lexers = &lex.Set{}
	highlight := renderer.WithNodeRenderers(util.Prioritized(code, 100))
	highlightLex := renderer.WithNodeRenderers(util.Prioritized(withLex, 100))
	for _, floor := range []struct {
		name string
		md   goldmark.Markdown
	}{
		{"goldmark", goldmark.New(goldmark.WithExtensions(extension.GFM))},
		{"goldmark+chroma", goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(highlight))},
		{"goldmark+lex", goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(highlightLex))},
	} {
		b.Run(floor.name, func(b *testing.B) {
			cpu := cputime.Start()
			for b.Loop() {
				convertAll(b.TempDir(), src, names, floor.md)
			}
			cpu.ReportPerOp(b)
		})
	}
}

// convertAll converts the files names of src with md on two goroutines,
// writing each HTML file into out.
func convertAll(out string, src fs.FS, names []string, md goldmark.Markdown) {
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := w; i < len(names); i += 2 {
				data, _ := fs.ReadFile(src, names[i])
				buf.Reset()
				_ = md.Convert(data, &buf)
				p := filepath.Join(out, strconv.Itoa(i)+".html")
				_ = os.WriteFile(p, buf.Bytes(), 0o644)
			}
		})
	}
	wg.Wait()
}

// floorCode writes a fenced code block coloured by chroma, for the floor,
// with its tokens from lexers when that is set.
type floorCode struct {
	format *chromahtml.Formatter
	style  *chroma.Style
	lexers *lex.Set
}

func (c floorCode) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindFencedCodeBlock, c.render)
}

func (c floorCode) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	block := n.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := range block.Lines().Len() {
		seg := block.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lexer := lexers.Get(string(block.Language(src)))
	if lexer == nil {
		lexer = lexers.Fallback
	}
	var it chroma.Iterator
	var err error
	if c.lexers != nil {
		var tokens []chroma.Token
		tokens, err = c.lexers.Tokens(lexer, code.String())
		it = chroma.Literator(tokens...)
	} else {
		it, err = chroma.Coalesce(lexer).Tokenise(nil, code.String())
	}
	if err == nil {
		err = c.format.Format(w, c.style, it)
	}
	return ast.WalkContinue, err
}

func memCopy(b *testing.B, src fs.FS) fstest.MapFS {
	m := fstest.MapFS{}
	_ = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(src, p)
			m[p] = &fstest.MapFile{Data: data}
		}
		return nil
	})
	return m
}
