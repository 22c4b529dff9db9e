package render

import (
	"html/template"
	"text/template/parse"
)

// viewReads reports which top-level fields of the view a named template of
// set reads when executed with the view as its data: .Site for
// {{.Site.Title}} or {{range .Site.Sections}}, following the templates it
// executes with the view ({{template "x" .}}, {{shared "x" .}}). all is
// true when the view may be read as a whole, or by means the walk does
// not follow: the view itself printed, handed to a function or a
// variable, or a template it executes missing. Template functions depend
// on their arguments alone, so what the template writes depends on the
// fields read and nothing else.
func viewReads(set *template.Template, name string) (fields map[string]bool, all bool) {
	r := &reader{set: set, fields: map[string]bool{}, seen: map[string]bool{}}
	r.template(name)
	return r.fields, r.all
}

type reader struct {
	set    *template.Template
	fields map[string]bool
	all    bool
	seen   map[string]bool // templates walked with the view as their data
}

// template walks the named template, executed with the view as its data.
func (r *reader) template(name string) {
	if r.seen[name] {
		return
	}
	r.seen[name] = true
	t := r.set.Lookup(name)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		r.all = true
		return
	}
	r.node(t.Tree.Root, true)
}

// node walks n; root tells whether dot is the view there.
func (r *reader) node(n parse.Node, root bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			r.node(c, root)
		}
	case *parse.ActionNode:
		r.pipe(n.Pipe, root)
	case *parse.IfNode:
		r.branch(&n.BranchNode, root, root)
	case *parse.WithNode:
		r.branch(&n.BranchNode, root, false)
	case *parse.RangeNode:
		r.branch(&n.BranchNode, root, false)
	case *parse.TemplateNode:
		if root && isDot(n.Pipe) {
			r.template(n.Name)
			return
		}
		r.pipe(n.Pipe, root)
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	default:
		r.all = true // a node this walk does not know
	}
}

// branch walks an if, with or range: its pipeline and else list where
// dot is as outside, its list where dot is inRoot.
func (r *reader) branch(b *parse.BranchNode, root, inRoot bool) {
	r.pipe(b.Pipe, root)
	r.node(b.List, inRoot && root)
	r.node(b.ElseList, root)
}

// pipe walks a pipeline's commands.
func (r *reader) pipe(p *parse.PipeNode, root bool) {
	if p == nil {
		return
	}
	// {{shared "x" .}} executes x with the view, as {{template "x" .}}.
	if c := p.Cmds; root && len(c) == 1 && len(c[0].Args) == 3 && isIdent(c[0].Args[0], "shared") {
		if s, ok := c[0].Args[1].(*parse.StringNode); ok && isDotNode(c[0].Args[2]) {
			r.template(s.Text)
			return
		}
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			r.arg(a, root)
		}
	}
}

// arg walks one operand of a command.
func (r *reader) arg(n parse.Node, root bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		if root {
			r.fields[n.Ident[0]] = true
		}
	case *parse.DotNode:
		if root {
			r.all = true
		}
	case *parse.VariableNode:
		// $ is the view: $.Site reads Site, $ alone all of it. Other
		// variables hold what their declarations read.
		if n.Ident[0] == "$" {
			if len(n.Ident) == 1 {
				r.all = true
			} else {
				r.fields[n.Ident[1]] = true
			}
		}
	case *parse.ChainNode:
		r.arg(n.Node, root)
	case *parse.PipeNode:
		r.pipe(n, root)
	case *parse.IdentifierNode, *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
	default:
		r.all = true
	}
}

func isDot(p *parse.PipeNode) bool {
	return p != nil && len(p.Decl) == 0 && len(p.Cmds) == 1 && len(p.Cmds[0].Args) == 1 && isDotNode(p.Cmds[0].Args[0])
}

func isDotNode(n parse.Node) bool { _, ok := n.(*parse.DotNode); return ok }

func isIdent(n parse.Node, name string) bool {
	id, ok := n.(*parse.IdentifierNode)
	return ok && id.Ident == name
}
