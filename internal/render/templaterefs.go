package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/sitefiles"
)

// checkRefs finds, before any page runs, every template that the layout
// reaches ({{template "x"}}, {{block}}, shared "x", each "x", from
// templates/base.html on) but that no file of the set defines, and reports
// it where it is called, with the defined name it most likely meant and the
// file that defines that one: an override of a partial that renamed its
// {{define}}, or a page template that defines no "main". Without it
// html/template says `"header" is undefined` once per page kind, at no
// line. file is the set's page template, named when it defines nothing.
func checkRefs(set *template.Template, file string) diag.List {
	defined := map[string]*template.Template{}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			defined[t.Name()] = t
		}
	}
	var diags diag.List
	seen := map[string]bool{"templates/base.html": true}
	queue := []string{"templates/base.html"}
	for len(queue) > 0 {
		t := defined[queue[0]]
		queue = queue[1:]
		if t == nil {
			continue
		}
		for _, ref := range templateRefs(t.Tree.Root) {
			if defined[ref.name] != nil {
				if !seen[ref.name] {
					seen[ref.name] = true
					queue = append(queue, ref.name)
				}
				continue
			}
			diags = append(diags, undefinedRef(t.Tree, ref, defined, file))
		}
	}
	return diags
}

// A templateRef is a call of a template by name.
type templateRef struct {
	name string
	node parse.Node
}

// templateRefs lists the templates a tree calls by a name written in it.
func templateRefs(n parse.Node) []templateRef {
	var out []templateRef
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.TemplateNode:
			out = append(out, templateRef{n.Name, n})
		case *parse.ActionNode:
			out = append(out, pipeRefs(n.Pipe)...)
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(n)
	return out
}

// pipeRefs finds shared "x" and each "x" in a pipeline.
func pipeRefs(p *parse.PipeNode) []templateRef {
	var out []templateRef
	if p == nil {
		return nil
	}
	for _, cmd := range p.Cmds {
		if len(cmd.Args) < 2 {
			continue
		}
		fn, ok := cmd.Args[0].(*parse.IdentifierNode)
		name, isString := cmd.Args[1].(*parse.StringNode)
		if ok && isString && (fn.Ident == "shared" || fn.Ident == "each") {
			out = append(out, templateRef{name.Text, cmd})
		}
	}
	return out
}

// undefinedRef is the problem of a call of a template no file defines.
func undefinedRef(tree *parse.Tree, ref templateRef, defined map[string]*template.Template, file string) diag.Diagnostic {
	loc, _ := tree.ErrorContext(ref.node)
	d := diag.Diagnostic{Path: tree.ParseName, Message: fmt.Sprintf("template: %q is not defined by any template file", ref.name)}
	// loc is "name:line:col".
	if parts := strings.Split(loc, ":"); len(parts) >= 3 {
		d.Path = strings.Join(parts[:len(parts)-2], ":")
		d.Line, _ = strconv.Atoi(parts[len(parts)-2])
		d.Col, _ = strconv.Atoi(parts[len(parts)-1])
	}
	var names []string
	for name, t := range defined {
		if name != t.Tree.ParseName { // a {{define}}, not a file itself
			names = append(names, name)
		}
	}
	slices.Sort(names)
	if near := diag.Nearest(ref.name, names); near != "" {
		d.Message += fmt.Sprintf(" (did you mean %q, which %s defines?)", near, defined[near].Tree.ParseName)
	} else if ref.name == "main" {
		d.Message += fmt.Sprintf(": %s must define it, {{define \"main\"}}...{{end}}, as the default does", file)
	} else {
		d.Message += fmt.Sprintf(": define it, {{define %q}}...{{end}}, in templates/partials/ or in %s", ref.name, file)
	}
	return d
}

// UnusedFiles warns of each file under templates/ that no page uses: not
// the layout, a partial, a page kind's template (names) or a section's own
// list or page template (sections). A misspelt override (pages.html) would
// otherwise leave the default in use without a word.
func UnusedFiles(fsys fs.FS, names, sections []string) diag.List {
	used := []string{"templates/base.html"}
	for _, n := range names {
		used = append(used, "templates/"+n+".html")
	}
	for _, sec := range sections {
		used = append(used, "templates/"+sec+"/list.html", "templates/"+sec+"/page.html")
	}
	var out diag.List
	_ = fs.WalkDir(fsys, "templates", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || slices.Contains(used, name) || path.Dir(name) == "templates/partials" && path.Ext(name) == ".html" ||
			sitefiles.Ignored(d.Name()) {
			return nil
		}
		hint := "a page template is templates/KIND.html (" + strings.Join(names, ", ") + ") or templates/SECTION/list.html or page.html; a partial goes in templates/partials/"
		if near := diag.Nearest(name, used); near != "" {
			hint = "did you mean " + near + "?"
		}
		out = append(out, diag.Diagnostic{Path: name, Message: "warning: no page uses this template file: " + hint})
		return nil
	})
	return out
}
