package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/rolesite/rolesite/internal/diag"
)

// decode turns the raw front matter into fields. Decoder errors are mapped
// back to positions in the file.
func decode(fm *frontMatter, p *Page) (map[string]any, diag.List) {
	if len(bytes.TrimSpace(fm.raw)) == 0 || (fm.format == "json" && isEmptyJSONObject(fm.raw)) {
		return map[string]any{}, nil
	}
	var (
		out map[string]any
		err error
	)
	switch fm.format {
	case "yaml":
		// The keys and values are pieces of the block's text, which the
		// page keeps (see Page.fm); a block handed over alone is copied.
		var raw string
		if end := fm.rawStart + len(fm.raw); end <= len(p.fm) {
			raw = p.fm[fm.rawStart:end]
		} else {
			raw = string(fm.raw)
		}
		if m, ok := flatYAMLIn(raw); ok {
			return m, nil
		}
		return decodeYAML(fm, p)
	case "toml":
		if off := tomlTooDeep(fm.raw, MaxDepth); off >= 0 {
			return nil, diag.List{tooDeep(p, fm.rawStart+off, "TOML")}
		}
		if err = toml.Unmarshal(fm.raw, &out); err == nil {
			tablesAsLists(out)
		}
	case "json":
		if d := checkJSON(fm, p); d != nil {
			return nil, d
		}
		d := json.NewDecoder(bytes.NewReader(fm.raw))
		d.UseNumber()
		err = d.Decode(&out)
		if rest := len(fm.raw) - len(bytes.TrimLeft(fm.raw[d.InputOffset():], " \t\r\n")); err == nil && rest < len(fm.raw) {
			return nil, diag.List{p.at(fm.rawStart+rest, "JSON front matter holds more after its object, which would be lost: put every field in the one object, and nothing after its closing }")}
		}
		var ue *json.UnmarshalTypeError
		if errors.As(err, &ue) && ue.Field == "" {
			return nil, diag.List{p.at(fm.rawStart+clampOff(ue.Offset-1, len(fm.raw)), `JSON front matter must be an object of fields ({"title": ..., "summary": ...})`)}
		}
	}
	if err != nil {
		off, msg := decodeErrorPos(fm, err)
		return nil, diag.List{p.at(off, fmt.Sprintf("%s front matter does not parse: %s", strings.ToUpper(fm.format), msg))}
	}
	if out == nil {
		out = map[string]any{}
	}
	return out, nil
}

func isEmptyJSONObject(b []byte) bool {
	s := strings.TrimSpace(string(b))
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")) == ""
}

// decodeErrorPos finds the file offset a TOML or JSON error refers to and
// a message without the decoder's own position prefix, with what to do.
func decodeErrorPos(fm *frontMatter, err error) (int, string) {
	off, msg := fm.rawStart, strings.TrimSpace(err.Error())
	var pe toml.ParseError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &pe):
		off, msg = fm.rawStart+min(pe.Position.Start, len(fm.raw)), pe.Message
		// An invalid escape is placed at its string's quote: point at
		// the escape itself, which the message quotes ('\q').
		if _, esc, ok := strings.Cut(msg, "invalid escape in string '"); ok {
			esc, _, _ = strings.Cut(esc, "'")
			rel := off - fm.rawStart
			line, _, _ := bytes.Cut(fm.raw[rel:], []byte("\n"))
			if i := bytes.Index(line, []byte(esc)); esc != "" && i >= 0 {
				off += i
			}
		}
	case errors.As(err, &se):
		off = fm.rawStart + clampOff(se.Offset-1, len(fm.raw))
	}
	for _, h := range decodeHints {
		if strings.Contains(msg, h.message) {
			return off, strings.TrimSuffix(msg, ".") + h.todo
		}
	}
	return off, msg
}

// decodeHints say what to do about the commonest TOML and JSON errors.
var decodeHints = []struct{ message, todo string }{
	{"after object key:value pair", " (is a comma missing?)"},
	{"invalid character '}' looking for beginning of object key", " (JSON allows no comma after the last field)"},
	{"has already been defined", ": a key or table may appear once; remove one, or merge the two"},
	{"in string escape code", `: write \\ for a backslash; JSON knows \" \\ \/ \b \f \n \r \t and \uXXXX`},
	{"invalid escape", `: write \\ for a backslash, or use single quotes, in which \ is itself`},
	{"in string literal", `: close the string on its line; JSON writes a line break as \n`},
	{"strings cannot contain newlines", ": close the string on its line, or use triple quotes for text over several lines"},
	{"out of range", ": write a smaller number, or quote it to keep it as text"},
}

// stringKeys turns every mapping with keys other than strings (YAML allows
// `2024: x`) into one keyed by their text, at any depth, so that fields are
// always looked up by name.
func stringKeys(v any) any {
	switch x := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, val := range x {
			name := "null"
			if k != nil {
				name = fmt.Sprint(k)
			}
			m[name] = stringKeys(val)
		}
		return m
	case map[string]any:
		for k, val := range x {
			x[k] = stringKeys(val)
		}
		return x
	case []any:
		for i, val := range x {
			x[i] = stringKeys(val)
		}
		return x
	}
	return v
}

func clampOff(off int64, n int) int {
	return int(max(0, min(off, int64(n))))
}

// DecodeFrontMatter decodes a front matter block given without its
// delimiters (format "yaml", "toml" or "json"; JSON with its braces), as
// Parse decodes the block of a file: the same decoders, checks and limits,
// with positions counted in block. It is for tools that hold front matter
// apart from a file, such as the YAML conformance script
// (scripts/yaml-suite.go). The fields are nil when there are problems.
func DecodeFrontMatter(name, format string, block []byte) (map[string]any, diag.List) {
	src := normalise(block)
	p := &Page{Path: name, src: src, fm: string(src), lines: lineStarts(src)}
	if diags := p.decode(&frontMatter{format: format, raw: src}); len(diags) > 0 {
		return nil, diags
	}
	return p.Params, nil
}

// tablesAsLists makes every array of tables in a decoded TOML document
// ([[matrices]], a []map[string]any from the decoder) the []any of
// mappings that the same list gives written inline or in YAML or JSON,
// so that every check and template sees one shape.
func tablesAsLists(m map[string]any) {
	for k, v := range m {
		m[k] = tableValue(v)
	}
}

func tableValue(v any) any {
	switch x := v.(type) {
	case []map[string]any:
		list := make([]any, len(x))
		for i, t := range x {
			tablesAsLists(t)
			list[i] = t
		}
		return list
	case map[string]any:
		tablesAsLists(x)
	case []any:
		for i := range x {
			x[i] = tableValue(x[i])
		}
	}
	return v
}
