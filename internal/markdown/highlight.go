package markdown

import (
	"html"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// highlight is the goldmark extension that colours fenced code blocks at
// build time with chroma, as CSS classes (static/css/code.css holds the
// palettes): the Content-Security-Policy forbids inline styles, so none is
// ever written, whatever options the block's info string asks for.
//
// Every fenced block is wrapped so that a script can add to it without
// moving it:
//
//	<div class="code" data-lang="Go"><pre tabindex="0" class="chroma"><code>…</code></pre></div>
//
// data-lang is the language's name as chroma knows it, or the info
// string's first word when chroma does not know it (the block is then
// plain text), and absent when the block names no language: the code is
// never guessed at. Past a page's first maxHighlighted bytes of code the
// blocks stay plain (see codeBudget).
func highlight() goldmark.Extender {
	return highlighting.NewHighlighting(
		highlighting.WithGuessLanguage(false),
		// The palettes are CSS (code.css): an empty style spares each
		// block's formatter working out CSS for every token type.
		highlighting.WithCustomStyle(chroma.MustNewStyle("rolesite", chroma.StyleEntries{})),
		highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
		highlighting.WithCodeBlockOptions(func(highlighting.CodeBlockContext) []chromahtml.Option {
			// After the info string's options, so they win: line numbers in a
			// table would write style="width:100%".
			return []chromahtml.Option{chromahtml.WithClasses(true), chromahtml.WithLineNumbers(false),
				chromahtml.LineNumbersInTable(false), chromahtml.WithPreWrapper(focusablePre{})}
		}),
		highlighting.WithWrapperRenderer(wrapCode),
	)
}

// wrapCode writes the wrapper of a fenced code block; for a block chroma
// did not colour it writes the <pre><code> too.
func wrapCode(w util.BufWriter, c highlighting.CodeBlockContext, entering bool) {
	if !entering {
		if !c.Highlighted() {
			_, _ = w.WriteString("</code></pre>")
		}
		_, _ = w.WriteString("</div>\n")
		return
	}
	_, _ = w.WriteString(`<div class="code"`)
	if lang, ok := c.Language(); ok && len(lang) > 0 {
		name := string(lang)
		if l := lexers.Get(name); l != nil {
			name = l.Config().Name
		}
		_, _ = w.WriteString(` data-lang="` + html.EscapeString(name) + `"`)
	}
	_, _ = w.WriteString(">")
	if !c.Highlighted() {
		_, _ = w.WriteString(`<pre tabindex="0"><code>`)
	}
}

// maxHighlighted is how much code a page may have highlighted: chroma
// costs about a third of a millisecond a small block, so a page of many
// thousands of blocks would take a build minutes.
const maxHighlighted = 64 << 10

// codeBudget leaves plain the fenced blocks past a page's first
// maxHighlighted bytes of code (a block that would cross the line too),
// by giving them goldmark-highlighting's "nohl" attribute. It runs as a
// goldmark ASTTransformer.
type codeBudget struct{}

func (codeBudget) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	used := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		b, ok := n.(*ast.FencedCodeBlock)
		if !ok || !entering || b.Info == nil {
			return ast.WalkContinue, nil
		}
		size := 0
		for i := range b.Lines().Len() {
			seg := b.Lines().At(i)
			size += seg.Stop - seg.Start
		}
		if used+size > maxHighlighted {
			b.SetAttributeString("nohl", true)
		} else {
			used += size
		}
		return ast.WalkSkipChildren, nil
	})
}

// focusablePre writes chroma's <pre> with tabindex="0", so a reader on a
// keyboard can scroll a block wider than the page.
type focusablePre struct{}

func (focusablePre) Start(_ bool, attr string) string { return `<pre tabindex="0"` + attr + "><code>" }
func (focusablePre) End(bool) string                  { return "</code></pre>" }
