package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// tableCellRenderer writes a table cell as goldmark's table extension
// does, but for its column's alignment: a class (align-left, align-center,
// align-right) where goldmark writes a style attribute, which the site's
// Content-Security-Policy forbids, so that browsers would drop it.
type tableCellRenderer struct{}

func (tableCellRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(east.KindTableCell, renderTableCell)
}

func renderTableCell(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	tag, filter := "td", extension.TableTdCellAttributeFilter
	if n.Parent().Kind() == east.KindTableHeader {
		tag, filter = "th", extension.TableThCellAttributeFilter
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	if n.Alignment != east.AlignNone {
		class := "align-" + n.Alignment.String()
		switch v, _ := n.AttributeString("class"); v := v.(type) {
		case []byte:
			class = string(v) + " " + class
		case string:
			class = v + " " + class
		}
		n.SetAttributeString("class", []byte(class))
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, filter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
