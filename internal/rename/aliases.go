package rename

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/textpos"
)

// aliasEdit adds oldURL to the page's aliases: after the last alias (a
// new "- " line in a YAML block list, ", ..." in a flow list), into an
// empty [], or as a new field on the line after the front matter opens.
// It returns nil when the alias is there already.
func aliasEdit(src *content.Page, text []byte, oldURL, newURL string) (*Edit, error) {
	key := src.KeyPos("aliases")
	at := fmt.Sprintf("%s:%d:%d", src.Path, key.Line, key.Col)
	if slices.Contains(src.Aliases, newURL) {
		return nil, fmt.Errorf("%s: aliases: %s is the page's new URL: remove it from aliases first", at, newURL)
	}
	if slices.Contains(src.Aliases, oldURL) {
		return nil, nil
	}
	quoted := `"` + oldURL + `"`
	if _, ok := src.Params["aliases"]; !ok {
		return newField(src, text, quoted)
	}
	if len(src.Aliases) == 0 {
		off := textpos.FromPos(text, key)
		end := off + bytes.IndexByte(append(text[off:len(text):len(text)], '\n'), '\n')
		i := bytes.Index(text[off:end], []byte("[]"))
		if i < 0 {
			return nil, fmt.Errorf("%s: aliases: cannot add %s to this empty value: write aliases: [] or add it by hand", at, oldURL)
		}
		return &Edit{Start: off + i, End: off + i + 2, Text: "[" + quoted + "]"}, nil
	}
	last := src.Aliases[len(src.Aliases)-1]
	pos := src.ItemPos("aliases", src.Aliases)[len(src.Aliases)-1]
	off := textpos.FromPos(text, pos)
	if pos == key || !bytes.HasPrefix(text[off:], []byte(last)) {
		return nil, fmt.Errorf("%s: aliases: cannot find %q as written: add %s by hand", at, last, oldURL)
	}
	end := off + len(last)
	if end < len(text) && (text[end] == '"' || text[end] == '\'') {
		end++
	}
	lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
	prefix := string(text[lineStart:off])
	if src.Format == "yaml" && strings.HasPrefix(strings.TrimSpace(prefix), "-") {
		dash := strings.Index(prefix, "-")
		eol := end + bytes.IndexByte(append(text[end:len(text):len(text)], '\n'), '\n')
		nl := "\n"
		if eol > 0 && text[eol-1] == '\r' {
			eol--
			nl = "\r\n"
		}
		return &Edit{Start: eol, End: eol, Text: nl + prefix[:dash] + "- " + quoted}, nil
	}
	return &Edit{Start: end, End: end, Text: ", " + quoted}, nil
}

// newField inserts an aliases field on the line after the opening
// delimiter of the front matter.
func newField(src *content.Page, text []byte, quoted string) (*Edit, error) {
	off := 0
	if bytes.HasPrefix(text, []byte("\xEF\xBB\xBF")) {
		off = 3
	}
	for {
		eol := bytes.IndexByte(text[off:], '\n')
		if eol < 0 {
			return nil, fmt.Errorf("%s:1:1: the front matter does not close: fix it before renaming", src.Path)
		}
		ln := strings.TrimSpace(string(text[off : off+eol]))
		next := off + eol + 1
		if ln == "" {
			off = next
			continue
		}
		nl := "\n"
		if eol > 0 && text[off+eol-1] == '\r' {
			nl = "\r\n"
		}
		switch {
		case src.Format == "yaml" && strings.HasPrefix(ln, "---"):
			return &Edit{Start: next, End: next, Text: "aliases: [" + quoted + "]" + nl}, nil
		case src.Format == "toml" && (ln == "+++" || ln == "---toml"):
			return &Edit{Start: next, End: next, Text: "aliases = [" + quoted + "]" + nl}, nil
		case src.Format == "json" && ln == "{":
			return &Edit{Start: next, End: next, Text: `  "aliases": [` + quoted + "]," + nl}, nil
		}
		return nil, fmt.Errorf("%s:1:1: cannot add an aliases field to this front matter: add aliases: [%s] by hand", src.Path, quoted)
	}
}
