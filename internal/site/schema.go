package site

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
)

// A section's _index.md may declare the fields of its pages, its schema:
//
//	fields:
//	  category: {type: string, required: true, values: [language, platform]}
//	  since: {type: date}
//	  skills_text: {type: list}
//	relations:
//	  tools: {label: Tools, inverse: Used by, min: 2, max: 20}
//
// A type is string, number, date, boolean or list (of strings); values
// lists what a string, or each item of a list, may be. A relation's min
// and max bound how many links a page lists. A section that declares
// fields has a closed schema: a page field that is neither declared, a
// relation nor reserved is an error (a misspelt field would otherwise be
// shown as a fact, silently). Every problem points at the page's field,
// or at the declaration when the schema itself is wrong. An optional field
// may be left empty ("").

// A FieldDecl declares one front matter field of a section's pages.
type FieldDecl struct {
	Name     string
	Type     string // "string", "number", "date", "boolean", "list", or "" (any)
	Required bool
	Values   []string // what a string, or each item of a list, may be; nil for anything
}

// fieldTypes are the types a field may declare, with an example value.
var fieldTypes = map[string]string{
	"string": `"text"`, "number": "3", "date": "2024-05-01", "boolean": "true", "list": "[a, b]",
}

// schema reads the fields declaration of a section's _index.md.
func (r *resolver) schema(sec *Section) {
	if sec.Index == nil {
		return
	}
	src := sec.Index.Src
	raw, ok := src.Params["fields"]
	if !ok {
		return
	}
	m, ok := raw.(map[string]any)
	if !ok {
		r.report(src, src.KeyPos("fields"), "fields must be a mapping from field name to its declaration, such as {category: {type: string, required: true}}, not %s", content.Describe(raw))
		return
	}
	sec.Schema = true
	names := orderAsWritten(src, "fields", sortedKeys(m))
	for i, pos := range src.KeyItemPos("fields", names) {
		name := names[i]
		if reserved[name] {
			r.report(src, pos, "fields: %s is a reserved field with a meaning of its own; declare only your own fields", name)
			continue
		}
		spec, ok := m[name].(map[string]any)
		if !ok {
			r.report(src, pos, "fields: %s must be a mapping such as {type: string, required: true}, not %s", name, content.Describe(m[name]))
			sec.markBroken(name)
			continue
		}
		if f := r.fieldDecl(src, name, spec); f != nil {
			sec.Fields = append(sec.Fields, f)
		} else {
			sec.markBroken(name)
		}
	}
}

// fieldDecl reads one field's declaration, or reports why it cannot.
func (r *resolver) fieldDecl(src *content.Page, name string, spec map[string]any) *FieldDecl {
	f := &FieldDecl{Name: name}
	at := func(key string) content.Pos { return src.ItemPos("fields", []string{name, key})[1] }
	ok := true
	for _, k := range sortedKeys(spec) {
		v := spec[k]
		switch k {
		case "type":
			t, _ := v.(string)
			if _, known := fieldTypes[t]; !known {
				r.report(src, at("type"), "fields: %s: type must be one of %s, not %s", name, typeNames(), content.Describe(v))
				ok = false
			}
			f.Type = t
		case "required":
			b, isBool := v.(bool)
			if !isBool {
				r.report(src, at("required"), "fields: %s: required must be true or false, not %s", name, content.Describe(v))
				ok = false
			}
			f.Required = b
		case "values":
			list, bad := content.Strings(v)
			if bad != "" || len(list) == 0 {
				what := content.Describe(v)
				if bad == "" {
					what = "an empty list"
				}
				r.report(src, at("values"), "fields: %s: values must be a list of the values allowed, such as [a, b], not %s", name, what)
				ok = false
			}
			f.Values = list
		default:
			r.report(src, at(k), "fields: %s: unknown key %q: use type, required and values", name, k)
			ok = false
		}
	}
	if f.Values != nil && f.Type != "" && f.Type != "string" && f.Type != "list" {
		r.report(src, at("values"), "fields: %s: values apply to a string or a list, not a %s", name, f.Type)
		ok = false
	}
	if !ok {
		return nil
	}
	return f
}

func typeNames() string {
	names := slices.Sorted(func(yield func(string) bool) {
		for t := range fieldTypes {
			if !yield(t) {
				return
			}
		}
	})
	return strings.Join(names, ", ")
}

// checkSchema checks one page against its section's schema: declared
// fields, and the number of links of each relation with a min or max.
func (r *resolver) checkSchema(p *Page) {
	sec, src := p.Section, p.Src
	if src.Unread {
		return // its fields are not known: its own problem says why
	}
	for _, f := range sec.Fields {
		v, ok := src.Params[f.Name]
		if !ok {
			if f.Required {
				r.report(src, content.Pos{Line: 1, Col: 1}, "missing %s: content/%s/_index.md requires it; add %s: %s to the front matter", f.Name, sec.Name, f.Name, fieldExample(f))
			}
			continue
		}
		r.checkField(src, f, v)
	}
	for _, d := range sec.Relations {
		if d.Min == 0 && d.Max == 0 {
			continue
		}
		n := 0
		v, present := src.Params[d.Field]
		if present {
			slugs, _, _, _ := relationValue(src, d.Field, v)
			n = len(slugs)
		}
		switch {
		case n < d.Min && !present:
			r.report(src, content.Pos{Line: 1, Col: 1}, "missing %s: content/%s/_index.md asks for at least %d; add %s: [%s]", d.Field, sec.Name, d.Min, d.Field, exampleSlug(d.Target, nil))
		case n < d.Min:
			r.report(src, src.KeyPos(d.Field), "%s lists %d %s; content/%s/_index.md asks for at least %d: add more", d.Field, n, plural(n, "link"), sec.Name, d.Min)
		case d.Max > 0 && n > d.Max:
			r.report(src, src.KeyPos(d.Field), "%s lists %d links; content/%s/_index.md allows at most %d: keep the most important", d.Field, n, sec.Name, d.Max)
		}
	}
	if sec.Schema {
		r.closedSchema(p)
	}
}

// closedSchema reports the fields of p that its section's schema does not
// declare.
func (r *resolver) closedSchema(p *Page) {
	sec, src := p.Section, p.Src
	known := []string{}
	for _, f := range sec.Fields {
		known = append(known, f.Name)
	}
	for _, d := range sec.Relations {
		known = append(known, d.Field)
	}
	declares := "declares " + strings.Join(known, ", ")
	if len(known) == 0 {
		declares = "declares no fields (fields: {})"
	}
	for _, name := range src.Order(sortedKeys(src.Params)) {
		if reserved[name] || slices.Contains(known, name) || sec.broken[name] {
			continue
		}
		r.report(src, src.KeyPos(name), "%s is not a field of %s: content/%s/_index.md %s%s; declare it under fields: there, or remove it",
			name, sec.Name, sec.Name, declares, didYouMean(name, known))
	}
}

// checkField checks one declared field's value. An optional field left
// empty ("", as rolesite new writes it) counts as not given.
func (r *resolver) checkField(src *content.Page, f *FieldDecl, v any) {
	if s, isString := v.(string); isString && strings.TrimSpace(s) == "" {
		if f.Required {
			r.report(src, src.KeyPos(f.Name), "%s is empty: content/%s/_index.md requires it; write %s: %s", f.Name, src.Section, f.Name, fieldExample(f))
		}
		return
	}
	if f.Type != "" && !hasType(f.Type, v) {
		r.report(src, src.KeyPos(f.Name), "%s must be %s, such as %s: %s, not %s", f.Name, typeWords[f.Type], f.Name, fieldExample(f), content.Describe(v))
		return
	}
	if f.Values == nil {
		return
	}
	values := []string{}
	if s, ok := v.(string); ok {
		values = append(values, strings.TrimSpace(s))
	} else if list, bad := content.Strings(v); bad == "" {
		values = list
	}
	for _, s := range values {
		if !slices.Contains(f.Values, s) {
			hint := didYouMean(s, f.Values)
			if hint == "" {
				hint = " (use one of " + strings.Join(f.Values, ", ") + ")"
			}
			r.report(src, src.ValuePos(f.Name, s), "%s: %q is not one of the values content/%s/_index.md allows%s", f.Name, s, src.Section, hint)
		}
	}
}

// hasType reports whether a decoded value is of a declared type.
func hasType(t string, v any) bool {
	switch t {
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		switch v.(type) {
		case int, int64, uint64, float64, json.Number:
			return true
		}
		return false
	case "date":
		_, ok := content.Date(v)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "list":
		_, bad := content.Strings(v)
		return bad == ""
	}
	return true
}

// typeWords names each field type in a message: "title must be a string".
var typeWords = map[string]string{
	"string": "a string", "number": "a number", "date": "a date", "boolean": "true or false", "list": "a list of strings",
}

// fieldExample is a value the declaration of f accepts, for messages.
func fieldExample(f *FieldDecl) string {
	switch {
	case f.Values != nil && f.Type == "list":
		return "[" + f.Values[0] + "]"
	case f.Values != nil:
		return f.Values[0]
	case f.Type != "":
		return fieldTypes[f.Type]
	}
	return `"..."`
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// bound reads a relation's min or max: a whole number, 0 or more.
func bound(v any) (int, string) {
	switch n := v.(type) {
	case int:
		if n >= 0 {
			return n, ""
		}
	case int64:
		if n >= 0 && n < 1<<31 {
			return int(n), ""
		}
	case uint64:
		if n < 1<<31 {
			return int(n), ""
		}
	case float64:
		if n >= 0 && n < 1<<31 && n == float64(int(n)) {
			return int(n), ""
		}
	case json.Number:
		var i int
		if _, err := fmt.Sscan(string(n), &i); err == nil && i >= 0 {
			return i, ""
		}
	}
	return 0, "must be a whole number, 0 or more, not " + content.Describe(v)
}
