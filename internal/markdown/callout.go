package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/rolesite/rolesite/internal/diag"
)

// calloutKind is a kind of GitHub's alerts and the title it shows.
type calloutKind struct{ name, title string }

// calloutKinds are the kinds of GitHub's alerts, in GitHub's order.
func calloutKinds() []calloutKind {
	return []calloutKind{{"note", "Note"}, {"tip", "Tip"}, {"important", "Important"}, {"warning", "Warning"}, {"caution", "Caution"}}
}

// KindCallout is the AST kind of a Callout.
var KindCallout = ast.NewNodeKind("Callout")

// A Callout is a block quote whose first line is "[!KIND]": GitHub's alert
// syntax. Its children are the quote's, without that line.
type Callout struct {
	ast.BaseBlock
	Name  string // "note", "tip", ...
	Title string // "Note", "Tip", ...
}

func (c *Callout) Kind() ast.NodeKind { return KindCallout }

func (c *Callout) Dump(src []byte, level int) {
	ast.DumpHelper(c, src, level, map[string]string{"Name": c.Name}, nil)
}

// callouts turns block quotes that open with "[!KIND]" alone on their first
// line into Callouts, and reports a kind it does not know. It runs as a
// goldmark ASTTransformer, before inspect walks the tree.
type callouts struct{}

// problemsKey is where a conversion's problems wait in the parser context
// until Convert takes them.
var problemsKey = parser.NewContextKey()

func (callouts) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	src := r.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		p, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		name, at, ok := calloutMarker(first.Value(src))
		if !ok {
			continue
		}
		title := calloutTitle(name)
		if title == "" {
			addProblem(pc, first.Start+at, "unknown callout kind [!"+name+"]"+calloutHint(name)+
				"; the kinds are [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] and [!CAUTION]")
			continue
		}
		dropFirstLine(p, first.Stop)
		c := &Callout{Name: strings.ToLower(name), Title: title}
		for ch := q.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			c.AppendChild(c, ch)
			ch = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, c)
	}
}

// calloutMarker reads "[!KIND]" alone on a line (spaces around it allowed)
// and returns KIND and the offset of its '['.
func calloutMarker(line []byte) (string, int, bool) {
	t := bytes.TrimRight(line, " \t\r\n")
	at := len(t) - len(bytes.TrimLeft(t, " \t"))
	t = t[at:]
	if len(t) < 4 || !bytes.HasPrefix(t, []byte("[!")) || t[len(t)-1] != ']' {
		return "", 0, false
	}
	name := t[2 : len(t)-1]
	for _, b := range name {
		if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z') {
			return "", 0, false
		}
	}
	return string(name), at, true
}

// calloutTitle returns the title of a known kind (any case), or "".
func calloutTitle(name string) string {
	for _, k := range calloutKinds() {
		if strings.EqualFold(k.name, name) {
			return k.title
		}
	}
	return ""
}

func calloutHint(name string) string {
	names := make([]string, len(calloutKinds()))
	for i, k := range calloutKinds() {
		names[i] = strings.ToUpper(k.name)
	}
	if near := diag.Nearest(strings.ToUpper(name), names); near != "" {
		return " (did you mean [!" + near + "]?)"
	}
	return ""
}

// dropFirstLine removes the paragraph's inlines that end on its first line
// (the marker), and the paragraph itself when nothing else is in it.
func dropFirstLine(p *ast.Paragraph, stop int) {
	for ch := p.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		t, ok := ch.(*ast.Text)
		if !ok || t.Segment.Start >= stop {
			break
		}
		p.RemoveChild(p, ch)
		ch = next
	}
	lines := p.Lines()
	if lines.Len() > 0 {
		rest := text.NewSegments()
		rest.AppendAll(lines.Sliced(1, lines.Len()))
		p.SetLines(rest)
	}
	if p.FirstChild() == nil {
		p.Parent().RemoveChild(p.Parent(), p)
	}
}

func addProblem(pc parser.Context, offset int, msg string) {
	ps, _ := pc.Get(problemsKey).([]Problem)
	pc.Set(problemsKey, append(ps, Problem{Offset: offset, Message: msg}))
}

// calloutRenderer writes a Callout as an aside with its kind as a visible
// title. role="note" keeps it out of the page's landmarks: it is part of the
// text around it, not complementary content.
type calloutRenderer struct{}

func (calloutRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindCallout, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		c := n.(*Callout)
		if entering {
			_, _ = w.WriteString(`<aside class="callout callout-` + c.Name + `" role="note">` + "\n")
			_, _ = w.WriteString(`<p class="callout-title">` + c.Title + "</p>\n")
		} else {
			_, _ = w.WriteString("</aside>\n")
		}
		return ast.WalkContinue, nil
	})
}
