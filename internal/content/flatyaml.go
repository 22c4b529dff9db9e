package content

import "strings"

// flatYAML decodes the commonest front matter without a YAML parser:
// top-level fields whose values are plain words or flow lists of plain
// words,
//
//	title: Data scientist
//	tools: [jupyter, pandas, mlflow]
//
// and reports false for anything else (quotes, comments, numbers, booleans,
// nulls, nesting, block lists, anything YAML could read another way),
// which then goes to go.yaml.in/yaml/v4. When it reports true, its result is exactly
// what v4 decodes, a list of words being a []string as Page.decode makes
// every list of strings (FuzzFlatYAML holds it to that), without v4's
// tree of nodes.
//
// Every key and string it returns is a piece of one copy of raw: a page
// keeps its front matter for as long as the build runs, and one string
// in place of a dozen small ones is less for the collector to trace and
// leaves fewer holes among the converter's short-lived allocations.
func flatYAML(raw []byte) (map[string]any, bool) { return flatYAMLIn(string(raw)) }

// flatYAMLIn is flatYAML of raw, whose pieces its keys and strings are: a
// page passes a piece of the copy of its front matter it keeps (see
// Page.decode).
func flatYAMLIn(raw string) (map[string]any, bool) {
	out := map[string]any{}
	rest := raw
	// Room for every list item: a list has one more item than commas.
	var items []string
	if lists := strings.Count(rest, "["); lists > 0 {
		items = make([]string, 0, lists+strings.Count(rest, ","))
	}
	for len(rest) > 0 {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		if len(line) == 0 {
			continue
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 || colon+1 >= len(line) || line[colon+1] != ' ' {
			return nil, false
		}
		key := line[:colon]
		if !isFieldName(key) {
			return nil, false
		}
		if _, dup := out[key]; dup {
			return nil, false
		}
		value := strings.TrimRight(line[colon+2:], " ")
		if strings.HasPrefix(value, "[") {
			list, ok := flowWords(value, &items)
			if !ok {
				return nil, false
			}
			out[key] = list
			continue
		}
		if !isPlainWords(value, false) {
			return nil, false
		}
		out[key] = value
	}
	if len(out) == 0 {
		return nil, false // no fields: YAML's null, which decode handles
	}
	return out, true
}

// isFieldName accepts the field names front matter uses: lower-case ASCII
// letters, digits and underscores, starting with a letter, and short (YAML
// takes no key over 1,024 characters without a "? " marker).
func isFieldName(s string) bool {
	if s == "" || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// flowWords decodes "[a, b c, d]" whose items are plain words. It appends
// them to *items, which flatYAML made with room for every item of the
// block, and returns them as a slice of their own length: a page's lists
// share one array.
func flowWords(v string, items *[]string) ([]string, bool) {
	if len(v) < 2 || v[len(v)-1] != ']' {
		return nil, false
	}
	inner := v[1 : len(v)-1]
	if strings.TrimSpace(inner) == "" {
		return nil, false // [] is an empty list; leave it to YAML
	}
	start := len(*items)
	for more := true; more; {
		var p string
		p, inner, more = strings.Cut(inner, ",")
		p = strings.Trim(p, " ")
		if !isPlainWords(p, true) {
			return nil, false
		}
		*items = append(*items, p)
	}
	return (*items)[start:len(*items):len(*items)], true
}

// isPlainWords accepts a value YAML can only read as that very string: it
// starts with an ASCII letter, holds only letters, digits, spaces and a few
// punctuation marks that mean nothing to YAML there, has no double or
// trailing space, and is not a word YAML (1.1 or 1.2) reads as a boolean
// or null. In a flow list the comma is taken.
func isPlainWords(s string, inFlow bool) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ':
			if i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case c == '.' || c == '-' || c == '_' || c == '(' || c == ')' || c == '/':
		case c == ',' && !inFlow:
		default:
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return false
	}
	return true
}
