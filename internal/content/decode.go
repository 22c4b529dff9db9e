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
		var v any
		if err = yaml.Unmarshal(fm.raw, &v); err == nil {
			m, ok := v.(map[string]any)
			if !ok && v != nil {
				return nil, diag.List{p.at(fm.rawStart, "YAML front matter must be a mapping of fields (title: ..., summary: ...)")}
			}
			out = m
		}
	case "toml":
		err = toml.Unmarshal(fm.raw, &out)
	case "json":
		d := json.NewDecoder(bytes.NewReader(fm.raw))
		d.UseNumber()
		err = d.Decode(&out)
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

var yamlLine = regexp.MustCompile(`^yaml: (?:unmarshal errors:\s*)?line (\d+): (.*)$`)

// decodeErrorPos finds the file offset an error refers to and a message
// without the decoder's own position prefix.
func decodeErrorPos(fm *frontMatter, err error) (int, string) {
	lineOff := func(line int) int { // 1-based line within raw -> file offset of its first non-blank byte
		off := 0
		for i := 1; i < line; i++ {
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
	var pe toml.ParseError
	if errors.As(err, &pe) {
		off := fm.rawStart + min(pe.Position.Start, len(fm.raw))
		return off, pe.Message
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fm.rawStart + clampOff(se.Offset-1, len(fm.raw)), se.Error()
	}
	var ue *json.UnmarshalTypeError
	if errors.As(err, &ue) {
		return fm.rawStart + clampOff(ue.Offset-1, len(fm.raw)), "front matter must be an object of fields"
	}
	msg := strings.TrimSpace(err.Error())
	if m := yamlLine.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
		n, _ := strconv.Atoi(m[1])
		return lineOff(n), m[2]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return fm.rawStart, msg
}

func clampOff(off int64, n int) int {
	return int(max(0, min(off, int64(n))))
}
