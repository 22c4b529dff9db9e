package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
	"go.yaml.in/yaml/v4/plugin/loaderlimits"

	"github.com/rolesite/rolesite/internal/diag"
)

// decodeYAML reads YAML front matter with go.yaml.in/yaml/v4 in three
// steps: it parses the block into a tree (one document, nothing after it),
// checks the tree (the limits, then yamlKept: every key and value the
// author wrote must reach the fields), and only then decodes the tree into
// values. Every problem is placed with the positions v4 gives.
func decodeYAML(fm *frontMatter, p *Page) (map[string]any, diag.List) {
	l, err := yaml.NewLoader(bytes.NewReader(fm.raw), yaml.WithPlugin(loaderlimits.New(loaderlimits.DepthFunc(parseDepth))))
	if err != nil {
		return nil, diag.List{p.at(fm.rawStart, "YAML front matter cannot be read: "+err.Error())}
	}
	var doc yaml.Node
	switch err := l.Load(&doc); {
	case errors.Is(err, io.EOF):
		return map[string]any{}, nil // comments only: no fields
	case err != nil:
		return nil, diag.List{yamlLoadProblem(fm, p, err)}
	}
	if d := secondDocument(fm, p, l); d != nil {
		return nil, diag.List{*d}
	}
	if d := yamlLimits(fm, p, &doc); d != nil {
		return nil, diag.List{*d}
	}
	if d := yamlKept(fm, p, &doc); d != nil {
		return nil, d
	}
	var v any
	if err := doc.Load(&v); err != nil {
		return nil, yamlLoadProblems(fm, p, err)
	}
	m, ok := stringKeys(v).(map[string]any)
	if !ok && v != nil {
		root := doc.Content[0]
		return nil, diag.List{p.at(yamlOffset(fm, root.Line, root.Column), fmt.Sprintf(
			"YAML front matter must be a mapping of fields, not %s: write one field a line (title: ..., summary: ...)", Describe(v)))}
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// errTooDeep stops v4's parser where the block or the flow nesting alone
// passes MaxDepth, so that a runaway document costs next to nothing; the
// front matter is then deeper than MaxDepth whatever else it holds.
// yamlLimits counts the levels exactly on what parses.
var errTooDeep = errors.New("nests too deep")

func parseDepth(depth int, _ *yaml.DepthContext) error {
	if depth > MaxDepth {
		return errTooDeep
	}
	return nil
}

// secondDocument reports a second YAML document in the block: the fields
// after a "..." line (or a "--- " that opens another document) would
// otherwise be dropped without a word.
func secondDocument(fm *frontMatter, p *Page, l *yaml.Loader) *diag.Diagnostic {
	var next yaml.Node
	err := l.Load(&next)
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		d := yamlLoadProblem(fm, p, err)
		return &d
	}
	at := yamlOffset(fm, next.Line, next.Column)
	if len(next.Content) > 0 {
		at = yamlOffset(fm, next.Content[0].Line, next.Content[0].Column)
	}
	marker := at // the line of "..." or "---" at or before the document
	for off := lineStart(fm, at); ; off = lineStart(fm, off-1) {
		line := fm.raw[off-fm.rawStart:]
		if bytes.HasPrefix(line, []byte("...")) || bytes.HasPrefix(line, []byte("---")) {
			marker = off
			break
		}
		if off == fm.rawStart {
			break
		}
	}
	d := p.at(marker, fmt.Sprintf(
		"YAML front matter holds a second document from line %d: a line starting with ... or --- ends the first, and front matter is one document, so what follows would be lost; remove this line",
		p.posOf(at).Line))
	return &d
}

// yamlLoadProblem turns a parse error of v4 into a problem at the construct
// it is about: an unclosed quote or bracket at where it opens, a bad escape
// at its backslash, a tab at the tab.
func yamlLoadProblem(fm *frontMatter, p *Page, err error) diag.Diagnostic {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		return p.at(fm.rawStart, "YAML front matter does not parse: "+strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if errors.Is(err, errTooDeep) || le.Message == errTooDeep.Error() {
		at := le.Mark // a block mapping's: just past the start of its key
		if c := le.ContextMark; c.Line == at.Line && c.Column < at.Column {
			at = c
		}
		return tooDeep(p, yamlOffset(fm, at.Line, at.Column), "YAML")
	}
	off := fm.rawStart
	if le.Mark.Line > 0 {
		off = yamlOffset(fm, le.Mark.Line, le.Mark.Column)
	}
	context := le.ContextMsg
	if c := le.ContextMark; c.Line > 0 && (strings.Contains(le.Message, "end of stream") || strings.Contains(le.Message, "did not find expected ','")) {
		if open := yamlOffset(fm, c.Line, c.Column); strings.Contains(le.Message, "end of stream") || !flowCloses(fm.raw[open-fm.rawStart:]) {
			off = open // what is never closed: where it opens
		} else {
			context = "closed"
		}
	}
	msg := yamlAtLine.ReplaceAllStringFunc(le.Message, func(s string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(s, "at line "))
		return fmt.Sprintf("at line %d", p.posOf(yamlOffset(fm, n, 1)).Line)
	})
	if strings.Contains(msg, "as a map key") {
		msg = "a key that is a list or a mapping, which no field can be named by: write a plain or quoted key"
	}
	for _, h := range yamlHints {
		if strings.Contains(le.Message, h.message) && strings.Contains(context, h.context) {
			msg += ": " + h.todo
			break
		}
	}
	if strings.Contains(le.Message, "escape") || strings.Contains(le.Message, "hexadecimal") {
		// The escape that does not parse: a backslash in a double-quoted
		// string, a percent sign in a tag (!x%0G).
		start := lineStart(fm, off)
		if i := bytes.LastIndexAny(fm.raw[start-fm.rawStart:min(off-fm.rawStart+1, len(fm.raw))], `\%`); i >= 0 {
			off = start + i
		}
	}
	if off-fm.rawStart < len(fm.raw) && fm.raw[off-fm.rawStart] == '\t' {
		msg = "a tab where YAML wants spaces (" + le.Message + "): indent with spaces, not tabs"
	}
	if open := openQuoteBefore(fm.raw, off-fm.rawStart); open >= 0 {
		at := p.posOf(off)
		return p.at(fm.rawStart+open, fmt.Sprintf("YAML front matter does not parse: the quote opened here is not closed on its line, so YAML reads on to the next quote and fails at line %d (%s): close it on this line", at.Line, le.Message))
	}
	return p.at(off, "YAML front matter does not parse: "+msg)
}

// openQuoteBefore finds, on a line before the one holding off, a value
// that opens a quote ("x or 'x) its line does not close: a quoted value
// may run over lines in YAML, and one whose closing quote was forgotten
// runs on to the next quote, where the parse fails, far from the cause.
// -1 when there is none.
func openQuoteBefore(raw []byte, off int) int {
	end := bytes.LastIndexByte(raw[:min(off, len(raw))], '\n')
	for start := 0; start < end; {
		n := bytes.IndexByte(raw[start:end], '\n')
		if n < 0 {
			n = end - start
		}
		line := raw[start : start+n]
		if _, v, ok := bytes.Cut(line, []byte(": ")); ok {
			trimmed := bytes.TrimLeft(v, " ")
			if q := quoteOpen(trimmed); q {
				return start + (len(line) - len(trimmed))
			}
		}
		start += n + 1
	}
	return -1
}

// quoteOpen tells whether v opens a quoted value it does not close.
func quoteOpen(v []byte) bool {
	if len(v) == 0 || v[0] != '"' && v[0] != '\'' {
		return false
	}
	for i := 1; i < len(v); i++ {
		switch {
		case v[0] == '"' && v[i] == '\\':
			i++
		case v[i] == v[0] && v[0] == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case v[i] == v[0]:
			return false
		}
	}
	return true
}

// yamlHints say what to do about v4's commonest parse errors: the message
// it gives, the context it names, and the advice.
var yamlHints = []struct{ message, context, todo string }{
	{"end of stream", "quoted scalar", "the quote opened here is never closed; close it on the same value, or write the value without quotes"},
	{"expected ','", "closed", `this item does not parse: put a comma between items, and quote an item that holds ": " ("a: b")`},
	{"expected ',' or ']'", "", "the list opened here with [ is never closed; end it with ], with a comma between items"},
	{"expected ',' or '}'", "", "the mapping opened here with { is never closed; end it with }, with a comma between fields"},
	{"URI escaped octet", "", `a tag (after "!") writes a character as % and two hexadecimal digits (%20); quote the value if it is not meant as a tag`},
	{"escape", "", `write \\ for a backslash, or use single quotes, in which \ is itself`},
	{"hexadecimal", "", `write \\ for a backslash, or use single quotes, in which \ is itself`},
	{"mapping values are not allowed", "", `quote a value that holds ": " ("a: b"), or indent a nested mapping on a line of its own`},
	{"did not find expected key", "", "indent this line as the fields around it, or quote the value it continues"},
	{"after document-end marker", "", "a line starting with ... ends the front matter's document; remove it"},
	{"could not find expected ':'", "", `put ": " after the key, or quote a value that runs over several lines`},
	{"unknown anchor", "", "define the anchor (&name) before the alias (*name) that uses it"},
	{"map merge requires", "", `<< merges the fields of a mapping (<<: *base, or <<: {a: 1}); quote the key ("<<") for a field of that name`},
	{"contains itself", "", "an alias (*name) cannot stand inside the value of its own anchor (&name)"},
}

// yamlLoadProblems reports each error of v4's decoding of a checked tree at
// its position: aliases and merges it refuses, keys no Go map can hold.
func yamlLoadProblems(fm *frontMatter, p *Page, err error) diag.List {
	var les *yaml.LoadErrors
	if !errors.As(err, &les) {
		return diag.List{yamlLoadProblem(fm, p, err)}
	}
	var diags diag.List
	for _, e := range les.Errors {
		diags = append(diags, yamlLoadProblem(fm, p, e))
	}
	return diags
}

// yamlAtLine finds a line number of the front matter in a v4 message.
var yamlAtLine = regexp.MustCompile(`at line (\d+)`)

// lineStart returns the offset of the start of the line holding off.
func lineStart(fm *frontMatter, off int) int {
	return fm.rawStart + bytes.LastIndexByte(fm.raw[:off-fm.rawStart], '\n') + 1
}

// flowCloses reports whether the flow collection that src opens with [ or
// { is closed in src: its brackets, outside quotes, come back to none.
func flowCloses(src []byte) bool {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return true
			}
		case '"', '\'':
			for i++; i < len(src) && src[i] != c; i++ {
				if c == '"' && src[i] == '\\' {
					i++
				}
			}
		}
	}
	return false
}
