package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

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
		if m, ok := flatYAML(fm.raw); ok {
			return m, nil
		}
		var d diag.List
		if out, d, err = decodeYAML(fm, p); d != nil {
			return nil, d
		}
	case "toml":
		if off := tomlTooDeep(fm.raw, MaxDepth); off >= 0 {
			return nil, diag.List{tooDeep(p, fm.rawStart+off, "TOML")}
		}
		err = toml.Unmarshal(fm.raw, &out)
	case "json":
		if d := checkJSON(fm, p); d != nil {
			return nil, d
		}
		d := json.NewDecoder(bytes.NewReader(fm.raw))
		d.UseNumber()
		err = d.Decode(&out)
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

// decodeYAML parses YAML front matter into a tree, checks the tree against
// the limits, and only then decodes it into values.
func decodeYAML(fm *frontMatter, p *Page) (map[string]any, diag.List, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(fm.raw, &doc); err != nil {
		return nil, nil, err
	}
	if d := yamlLimits(fm, p, &doc); d != nil {
		return nil, diag.List{*d}, nil
	}
	var v any
	if doc.Kind != 0 {
		err := doc.Decode(&v)
		var te *yaml.TypeError
		if errors.As(err, &te) {
			return nil, yamlTypeErrors(fm, p, te), nil
		}
		if err != nil {
			return nil, nil, err
		}
	}
	m, ok := stringKeys(v).(map[string]any)
	if !ok && v != nil {
		return nil, diag.List{p.at(fm.rawStart, "YAML front matter must be a mapping of fields (title: ..., summary: ...)")}, nil
	}
	return m, nil, nil
}

func isEmptyJSONObject(b []byte) bool {
	s := strings.TrimSpace(string(b))
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")) == ""
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decodeErrorPos finds the file offset an error refers to and a message
// without the decoder's own position prefix.
func decodeErrorPos(fm *frontMatter, err error) (int, string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		off := fm.rawStart + min(pe.Position.Start, len(fm.raw))
		return off, pe.Message
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		msg := se.Error()
		switch {
		case strings.HasSuffix(msg, "after object key:value pair"):
			msg += " (is a comma missing?)"
		case strings.HasPrefix(msg, "invalid character '}' looking for beginning of object key"):
			msg += " (JSON allows no comma after the last field)"
		}
		return fm.rawStart + clampOff(se.Offset-1, len(fm.raw)), msg
	}
	msg := strings.TrimSpace(err.Error())
	if m := yamlLine.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
		n, _ := strconv.Atoi(m[1])
		if yamlParserErrors[m[2]] {
			// yaml.v3 numbers the lines of its parser (not scanner) errors
			// from 0 (gopkg.in/yaml.v3 decode.go, parser.fail).
			n++
		}
		off := rawLine(fm, n)
		if tab := bytes.IndexByte(fm.raw[lineStart(fm, off)-fm.rawStart:off-fm.rawStart], '\t'); tab >= 0 {
			return lineStart(fm, off) + tab, m[2] + " (YAML indents with spaces, not tabs)"
		}
		return off, m[2]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return fm.rawStart, msg
}

// rawLine returns the file offset of the first non-blank byte of the 1-based
// line n of the front matter.
func rawLine(fm *frontMatter, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(fm.raw[off:], '\n')
		if j < 0 {
			break
		}
		off += j + 1
	}
	for off < len(fm.raw) && (fm.raw[off] == ' ' || fm.raw[off] == '\t') {
		off++
	}
	return fm.rawStart + off
}

// yamlParserErrors are the messages of yaml.v3's parser errors, as opposed to
// its scanner errors, whose line numbers count from 1.
var yamlParserErrors = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(fm *frontMatter, off int) int {
	return fm.rawStart + bytes.LastIndexByte(fm.raw[:off-fm.rawStart], '\n') + 1
}

var (
	yamlTypeLine = regexp.MustCompile(`^line (\d+): (.*)$`)
	yamlAtLine   = regexp.MustCompile(`at line (\d+)`)
)

// yamlTypeErrors reports each of the problems yaml.v3 found while decoding a
// document that parsed (a key given twice, say) at its line, with the lines
// it names counted in the file rather than in the front matter.
func yamlTypeErrors(fm *frontMatter, p *Page, te *yaml.TypeError) diag.List {
	firstLine := p.posOf(fm.rawStart).Line
	var diags diag.List
	for _, e := range te.Errors {
		off := fm.rawStart
		if m := yamlTypeLine.FindStringSubmatch(e); m != nil {
			n, _ := strconv.Atoi(m[1])
			off = rawLine(fm, n)
			e = m[2]
		}
		e = yamlAtLine.ReplaceAllStringFunc(e, func(s string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(s, "at line "))
			return fmt.Sprintf("at line %d", firstLine+n-1)
		})
		diags = append(diags, p.at(off, "YAML front matter does not parse: "+e))
	}
	return diags
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
