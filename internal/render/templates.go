package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/sitefs"
)

// The page templates, each a file templates/<name>.html. (A page's kind in
// the site is site.Kind: one site.KindPage may render with several of these.)
const (
	TemplateHome        = "home"
	TemplateList        = "list"
	TemplatePage        = "page"
	TemplateNotFound    = "404"
	TemplateSearch      = "search"
	TemplateMatrix      = "matrix"
	TemplateCompare     = "compare"
	TemplateComparisons = "comparisons"
)

// Templates is a parsed template set. It is safe for concurrent use.
type Templates struct {
	sets map[string]*template.Template // "<section>/<kind>" or "<kind>" -> set, as pages execute them
	// orig are the sets as written when sets were parsed from minified
	// sources (nil otherwise): errors are reported from these, at the
	// lines and columns the author sees.
	orig map[string]*template.Template
}

// LoadTemplates parses the templates under templates/ in fsys: the layout,
// the partials, templates/<name>.html for each of names (every site needs
// them; the build says which kinds of page it makes) and the sections' own
// list and page templates. With a non-nil minify, pages execute templates whose markup
// minify has made small (it is given each file's name and source), so that
// what they write needs no minifying of its own; see Minified. Problems
// are always reported against the files as written; should a minified
// source fail to parse, the templates as written are used.
func LoadTemplates(fsys fs.FS, names, sections []string, minify func(name string, src []byte) ([]byte, error)) (*Templates, diag.List) {
	sets, diags := loadSets(fsys, names, sections, nil)
	if len(diags) > 0 {
		return nil, diags
	}
	t := &Templates{sets: sets}
	if minify != nil {
		if small, d := loadSets(fsys, names, sections, minify); len(d) == 0 {
			t.sets, t.orig = small, sets
		}
	}
	return t, nil
}

// Copies returns n copies of t that share nothing a page execution
// locks: a template looks up each function it calls under its set's lock,
// and workers executing one set keep taking that lock from each other.
// Call it before any execution of t (html/template cannot copy a template
// once it has run).
func (t *Templates) Copies(n int) []*Templates {
	out := make([]*Templates, n)
	for i := range out {
		if i == 0 {
			out[i] = t
			continue
		}
		c := &Templates{sets: make(map[string]*template.Template, len(t.sets)), orig: t.orig}
		link := newLinker().link
		for k, set := range t.sets {
			clone := template.Must(set.Clone())
			own := newSharer(clone).funcs()
			own["link"] = link
			c.sets[k] = clone.Funcs(own)
		}
		out[i] = c
	}
	return out
}

// Minified reports whether pages execute minified templates.
func (t *Templates) Minified() bool { return t.orig != nil }

// loadSets parses one template set per page kind and section override,
// each file's source passed through transform when it is not nil.
func loadSets(fsys fs.FS, names, sections []string, transform func(name string, src []byte) ([]byte, error)) (map[string]*template.Template, diag.List) {
	var diags diag.List
	common := template.New("").Funcs(funcs())
	parse := func(t *template.Template, name string) bool {
		data, err := fs.ReadFile(fsys, name)
		var out *sitefs.OutsideError
		switch {
		case errors.As(err, &out):
			diags = append(diags, diag.Diagnostic{Path: out.Name, Line: 1, Col: 1, Message: out.Problem()})
			return false
		case err != nil:
			diags = append(diags, diag.Diagnostic{Path: name, Message: "cannot read template: " + err.Error()})
			return false
		}
		if transform != nil {
			if data, err = transform(name, data); err != nil {
				diags = append(diags, diag.Diagnostic{Path: name, Message: err.Error()})
				return false
			}
		}
		if _, err := t.New(name).Parse(string(data)); err != nil {
			diags = append(diags, templateDiag(err, name, data))
			return false
		}
		return true
	}
	if !exists(fsys, "templates/base.html") {
		return nil, diag.List{{Path: "templates/base.html", Message: "missing: the layout template is needed"}}
	}
	parse(common, "templates/base.html")
	partials, _ := fs.Glob(fsys, "templates/partials/*.html")
	for _, p := range partials {
		parse(common, p)
	}
	if len(diags) > 0 {
		return nil, diags
	}
	sets := map[string]*template.Template{}
	reported := map[string]bool{}
	add := func(key, file string) {
		set := template.Must(common.Clone())
		if !parse(set, file) {
			return
		}
		refs := checkRefs(set, file)
		for _, d := range refs {
			if !reported[d.String()] { // a partial's call fails in every set alike
				reported[d.String()] = true
				diags = append(diags, d)
			}
		}
		if len(refs) == 0 {
			sets[key] = set.Funcs(newSharer(set).funcs())
		}
	}
	for _, kind := range names {
		file := "templates/" + kind + ".html"
		if !exists(fsys, file) {
			diags = append(diags, diag.Diagnostic{Path: file, Message: "missing: every site needs this template"})
			continue
		}
		add(kind, file)
	}
	for _, sec := range slices.Sorted(slices.Values(sections)) {
		for _, kind := range []string{TemplateList, TemplatePage} {
			if file := "templates/" + sec + "/" + kind + ".html"; exists(fsys, file) {
				add(sec+"/"+kind, file)
			}
		}
	}
	if len(diags) > 0 {
		return nil, diags
	}
	return sets, nil
}

// exists reports whether the template name is there, even if it cannot be
// read: reading it then reports why.
func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return !errors.Is(err, fs.ErrNotExist)
}

// pick returns the set for a kind of page in a section.
func pick(sets map[string]*template.Template, kind, section string) *template.Template {
	if set := sets[section+"/"+kind]; set != nil {
		return set
	}
	return sets[kind]
}

// Execute runs the template of the given kind for a section (falling back to
// the default) with view, appending to buf.
func (t *Templates) Execute(buf *bytes.Buffer, kind, section string, view any) error {
	start := buf.Len()
	err := pick(t.sets, kind, section).ExecuteTemplate(buf, "templates/base.html", view)
	if err == nil {
		return nil
	}
	buf.Truncate(start)
	if t.orig != nil {
		// Run the templates as written to say where the problem is in them.
		if err2 := pick(t.orig, kind, section).ExecuteTemplate(io.Discard, "templates/base.html", view); err2 != nil {
			err = err2
		}
	}
	return templateDiag(innermost(err), "templates/"+kind+".html", nil)
}

// innermost is the error of the innermost template that failed: a
// template that shared executed fails within the page's, which reports
// the failure at the call.
func innermost(err error) error {
	for {
		var inner *sharedError
		if !errors.As(err, &inner) {
			return err
		}
		err = inner.err
	}
}

var templatePos = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templateDiag turns a text/template or html/template error into a
// diagnostic at the file and line it names.
func templateDiag(err error, file string, data []byte) diag.Diagnostic {
	msg := strings.TrimSpace(err.Error())
	msg = strings.TrimPrefix(msg, "html/template:")
	msg = strings.TrimPrefix(msg, "html/")
	if m := templatePos.FindStringSubmatch(strings.TrimSpace(msg)); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return diag.Diagnostic{Path: m[1], Line: line, Col: col, Message: "template: " + m[4] + parseHint(m[4]), Source: lineOf(data, line)}
	}
	// html/template's escaper errors look like `name:12:3: message` or
	// `html/template:name:12: message`.
	if i := strings.Index(msg, "templates/"); i >= 0 {
		rest := msg[i:]
		parts := strings.SplitN(rest, ":", 4)
		if len(parts) >= 3 {
			line, err1 := strconv.Atoi(parts[1])
			if err1 == nil {
				col, err2 := strconv.Atoi(strings.TrimSpace(parts[2]))
				text := strings.TrimSpace(strings.Join(parts[2:], ":"))
				if err2 == nil && len(parts) == 4 {
					text = strings.TrimSpace(parts[3])
				} else {
					col = 0
				}
				return diag.Diagnostic{Path: path.Clean(parts[0]), Line: line, Col: col, Message: "template: " + text}
			}
		}
	}
	return diag.Diagnostic{Path: file, Message: fmt.Sprintf("template: %s", msg)}
}

func lineOf(data []byte, n int) string {
	if data == nil || n < 1 {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	if n > len(lines) {
		return ""
	}
	return lines[n-1]
}

var undefinedFunc = regexp.MustCompile(`function "([^"]+)" not defined`)

// parseHints say what to do about text/template's parse errors, by a
// piece of the message.
var parseHints = []struct{ has, hint string }{
	{"bad character U+007D '}'", "close the action with }}"},
	{"unclosed action", "close the action with }}"},
	{"unexpected EOF", "an {{if}}, {{range}}, {{with}}, {{block}} or {{define}} is not closed: end it with {{end}}"},
	{"unexpected {{end}}", "remove this {{end}}, or open the {{if}}, {{range}} or {{with}} it ends"},
	{"unexpected \"}\"", "close the action with }} (two braces)"},
}

// parseHint is what to do about a parse error's message, after "; ", or "".
func parseHint(msg string) string {
	if m := undefinedFunc.FindStringSubmatch(msg); m != nil {
		names := slices.Sorted(maps.Keys(funcs()))
		if near := diag.Nearest(m[1], names); near != "" {
			return fmt.Sprintf("; did you mean %s?", near)
		}
		return "; rolesite adds " + strings.Join(names, ", ") + " to Go's own (and, or, not, len, index, printf, eq, ne, lt, le, gt, ge, html, urlquery, slice)"
	}
	for _, h := range parseHints {
		if strings.Contains(msg, h.has) {
			return "; " + h.hint
		}
	}
	return ""
}
