package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/rolesite/rolesite/internal/diag"
)

// checkJSON walks JSON front matter token by token, in one pass, before it
// is decoded, and reports what encoding/json would let through silently or
// only deep inside: a key given twice in one object (at any depth;
// encoding/json keeps the last), nesting deeper than MaxDepth, and a
// number too large for a float64 (1e400). It stops at the first syntax
// error and reports nothing for it: decoding then reports that error as it
// always has.
func checkJSON(fm *frontMatter, p *Page) diag.List {
	d := json.NewDecoder(bytes.NewReader(fm.raw))
	d.UseNumber()
	type object struct {
		keys      map[string]int // each key's offset in fm.raw
		expectKey bool
	}
	var (
		diags diag.List
		stack []*object // nil for an array
	)
	for {
		start := tokenStart(fm.raw, int(d.InputOffset()))
		tok, err := d.Token()
		if err != nil {
			return diags
		}
		var top *object
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if key, ok := tok.(string); ok && top != nil && top.expectKey {
			if first, dup := top.keys[key]; dup {
				diags = append(diags, p.at(fm.rawStart+start, fmt.Sprintf(
					"JSON front matter: duplicate key %q (first at line %d): a key may appear once in an object; remove one",
					key, p.posOf(fm.rawStart+first).Line)))
			} else {
				top.keys[key] = start
			}
			top.expectKey = false
			continue
		}
		if delim, ok := tok.(json.Delim); ok && (delim == '}' || delim == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return diags // the one value JSON front matter holds
			}
			continue
		}
		if top != nil {
			top.expectKey = true // a value: a key comes next
		}
		switch t := tok.(type) {
		case json.Delim:
			if len(stack)+1 > MaxDepth {
				return append(diags, tooDeep(p, fm.rawStart+start, "JSON"))
			}
			var o *object
			if t == '{' {
				o = &object{keys: map[string]int{}, expectKey: true}
			}
			stack = append(stack, o)
		case json.Number:
			if _, err := strconv.ParseFloat(string(t), 64); errors.Is(err, strconv.ErrRange) {
				diags = append(diags, p.at(fm.rawStart+start, fmt.Sprintf(
					"JSON front matter: the number %.40s is out of range (a 64-bit float holds about 1.8e308 at most): write a smaller number, or quote it to keep it as text",
					t)))
			}
		}
		if len(stack) == 0 {
			return diags // a scalar where an object belongs: decoding reports it
		}
	}
}

// tokenStart skips what may come between two JSON tokens.
func tokenStart(raw []byte, off int) int {
	for off < len(raw) {
		switch raw[off] {
		case ' ', '\t', '\n', '\r', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}
