package markdown

import (
	"html"
	"slices"
	"strings"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/rolesite/rolesite/internal/lex"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// codeRenderer writes fenced code blocks, coloured at build time by chroma
// as CSS classes (static/css/code.css holds the palettes; the
// Content-Security-Policy forbids inline styles, so none is ever
// written). Every block is wrapped so that a script can add to it without
// moving it:
//
//	<div class="code" data-lang="Go"><pre tabindex="0" class="chroma"><code>…</code></pre></div>
//
// data-lang is the language's name as chroma knows it, or the info
// string's first word when chroma does not know it (the block is then
// plain), and absent when the block names no language: the code is never
// guessed at. Past a page's first maxHighlighted bytes of code the blocks
// stay plain (see codeBudget).
//
// chroma gives each regular expression match 250 ms of wall time and
// takes one that runs out for no match, so on a starved machine the same
// block could come out coloured differently. A block whose lexing took
// longer than that, or gave an Error token that the next lexing does not
// give again, is lexed again (see lex), and left plain after five tries;
// a block over
// maxBlockHighlighted, whose lexing could near the limit on its own, is
// always left plain.
type codeRenderer struct {
	lexers *lex.Set // chroma's lexers, compiled to skip what cannot match
}

func newCodeRenderer() codeRenderer { return codeRenderer{lexers: &lex.Set{}} }

func (c codeRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindFencedCodeBlock, c.render)
}

func (c codeRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := range b.Lines().Len() {
		seg := b.Lines().At(i)
		code.Write(seg.Value(src))
	}
	var lexer chroma.Lexer
	_, _ = w.WriteString(`<div class="code"`)
	if lang := b.Language(src); len(lang) > 0 {
		name := string(lang)
		if lexer = lexers.Get(name); lexer != nil {
			name = lexer.Config().Name
		}
		_, _ = w.WriteString(` data-lang="` + html.EscapeString(name) + `"`)
	}
	_, _ = w.WriteString(">")
	if _, plain := b.AttributeString("nohl"); lexer != nil && !plain {
		if tokens, ok := tokenise(c.lexers, lexer, code.String()); ok {
			writeCode(w, tokens)
			_, _ = w.WriteString("</div>\n")
			return ast.WalkContinue, nil
		}
	}
	_, _ = w.WriteString(`<pre tabindex="0"><code>`)
	_, _ = w.Write(util.EscapeHTML([]byte(code.String())))
	_, _ = w.WriteString("</code></pre></div>\n")
	return ast.WalkContinue, nil
}

// tokenise returns the tokens of code from a lexing that cannot have hit
// chroma's match timeout (see codeRenderer): one that took less than the
// limit and has no Error token, or one whose Error tokens the next lexing
// gives again (the code's own). regexp2 reads a clock a goroutine keeps,
// which lags on a starved machine, so a quick lexing may still have timed
// out: a timed-out rule shows as an Error token, hence the second test.
// The tokens are chroma's, from package lex, which finds them sooner and
// fails where chroma would never finish (see lex.ErrNoProgress).
func tokenise(set *lex.Set, lexer chroma.Lexer, code string) ([]chroma.Token, bool) {
	var last []chroma.Token
	for range 5 {
		start := time.Now()
		tokens, err := set.Tokens(lexer, code)
		if err != nil {
			return nil, false
		}
		if time.Since(start) >= 240*time.Millisecond {
			last = nil
			continue
		}
		errs := slices.ContainsFunc(tokens, func(t chroma.Token) bool { return t.Type == chroma.Error })
		if !errs || slices.Equal(tokens, last) {
			return tokens, true
		}
		last = tokens
	}
	return nil, false
}

// maxHighlighted is how much code a page may have highlighted: chroma
// costs about a third of a millisecond a small block, so a page of many
// thousands of blocks would take a build minutes. maxBlockHighlighted is
// the largest block highlighted (lexing 16 KiB takes some 60 ms).
const (
	maxHighlighted      = 64 << 10
	maxBlockHighlighted = 16 << 10
)

// codeBudget leaves plain the fenced blocks past a page's first
// maxHighlighted bytes of code (a block that would cross the line too),
// and any block over maxBlockHighlighted, by giving them the attribute
// "nohl". It runs as a goldmark
// ASTTransformer.
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
		if used+size > maxHighlighted || size > maxBlockHighlighted {
			b.SetAttributeString("nohl", true)
		} else {
			used += size
		}
		return ast.WalkSkipChildren, nil
	})
}
