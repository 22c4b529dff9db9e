package content

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/rolesite/rolesite/internal/diag"
)

// fieldExample shows how a field every page may have is written, for the
// problem of a value of the wrong type.
func fieldExample(field string) string {
	switch field {
	case "title":
		return "title: The Page's Title"
	case "summary":
		return "summary: One sentence on what the page is about."
	case "draft":
		return "draft: true, or draft: false"
	case "aliases":
		return "aliases: [/old/path/]"
	case "updated":
		return "updated: 2026-01-31"
	}
	return field + ": 3" // weight, order
}

// typeFields checks and copies the fields every page may have.
func (p *Page) typeFields() diag.List {
	var diags diag.List
	bad := func(field, want string, v any) {
		diags = append(diags, p.Diag(p.KeyPos(field),
			fmt.Sprintf("%s must be %s, not %s: write %s", field, want, Describe(v), fieldExample(field))))
	}
	if v, ok := p.Params["title"]; ok {
		if s, ok := v.(string); ok {
			p.Title = strings.TrimSpace(s)
			if len(p.Title) > MaxTitleBytes {
				diags = append(diags, p.tooLong("title", "a title", s, MaxTitleBytes, "shorten it, and say more in the summary or the body"))
			}
		} else {
			bad("title", "a string", v)
		}
	}
	if v, given := p.Params["title"]; p.Title == "" {
		if _, isString := v.(string); given && isString {
			diags = append(diags, p.Diag(p.KeyPos("title"), "title is empty: give the page a title"))
		} else if given {
			// the type problem is already reported
		} else if p.Format == "" {
			diags = append(diags, p.Diag(Pos{1, 1}, `missing title: start the file with front matter such as "---\ntitle: ...\n---"`))
		} else {
			diags = append(diags, p.Diag(Pos{1, 1}, "missing title: add a title field to the front matter"))
		}
		p.Title = p.Slug
	}
	if v, ok := p.Params["summary"]; ok {
		if s, ok := v.(string); ok {
			p.Summary = strings.TrimSpace(s)
			if len(p.Summary) > MaxSummaryBytes {
				diags = append(diags, p.tooLong("summary", "a summary", s, MaxSummaryBytes, "shorten it, and move the rest into the body"))
			}
		} else {
			bad("summary", "a string", v)
		}
	}
	if v, ok := p.Params["draft"]; ok {
		if b, ok := v.(bool); ok {
			p.Draft = b
		} else {
			bad("draft", "true or false", v)
		}
	}
	if _, w := p.Params["weight"]; w {
		if _, o := p.Params["order"]; o {
			diags = append(diags, p.Diag(p.KeyPos("order"), "weight and order both give the page's place: keep one of them"))
		}
	}
	for _, f := range []string{"weight", "order"} {
		v, ok := p.Params[f]
		if !ok {
			continue
		}
		n, ok := Int(v)
		if !ok {
			bad(f, "a whole number", v)
			continue
		}
		if !p.Weighed || f == "order" {
			p.Weight, p.Weighed = n, true
		}
	}
	if v, ok := p.Params["aliases"]; ok {
		list, err := Strings(v)
		if err != "" {
			bad("aliases", "a list of paths", v)
		}
		p.Aliases = list
	}
	if v, ok := p.Params["updated"]; ok {
		t, ok := Date(v)
		if !ok {
			bad("updated", "a date such as 2026-01-31", v)
		}
		p.Updated = t
	}
	return diags
}

// Int converts a decoded number to an int, whichever decoder produced it.
func Int(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case uint64:
		return int(n), n <= math.MaxInt32
	case float64:
		return int(n), n == math.Trunc(n) && math.Abs(n) < 1e9
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}

// Strings converts a decoded list of strings. A single string is not a list:
// it returns a non-empty problem so that `tools: spark` is caught rather than
// read as a list of one.
func Strings(v any) ([]string, string) {
	if strs, ok := v.([]string); ok {
		out := make([]string, len(strs))
		for i, s := range strs {
			out[i] = strings.TrimSpace(s)
		}
		return out, ""
	}
	list, ok := v.([]any)
	if !ok {
		return nil, "not a list"
	}
	out := make([]string, 0, len(list))
	for _, item := range list {
		s, ok := item.(string)
		if !ok {
			return nil, "an item is " + Describe(item)
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out, ""
}

// Date converts a decoded date or a string in one of the usual layouts.
func Date(v any) (time.Time, bool) {
	switch d := v.(type) {
	case time.Time:
		if d.Location() != time.UTC && d.Location().String() != "" && strings.Contains(d.Location().String(), "local") {
			// TOML local dates carry no zone: keep the wall clock.
			return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), 0, time.UTC), true
		}
		return d.UTC(), true
	case string:
		for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
			if t, err := time.Parse(layout, strings.TrimSpace(d)); err == nil {
				return t.UTC(), true
			}
		}
	}
	return time.Time{}, false
}

// Describe names the kind of a decoded value for error messages.
func Describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "empty"
	case string:
		if len(x) > 40 {
			x = x[:37] + "..."
		}
		return fmt.Sprintf("the string %q", x)
	case bool:
		return fmt.Sprintf("the boolean %v", x)
	case int, int64, uint64, float64, json.Number:
		return fmt.Sprintf("the number %v", x)
	case []string:
		return "a list"
	case []any:
		for _, item := range x {
			if _, ok := item.(string); !ok {
				return "a list holding " + Describe(item)
			}
		}
		return "a list"
	case map[string]any:
		return "a mapping"
	case time.Time:
		return "a date"
	}
	// Only the three decoders' kinds reach here; another is named by its
	// kind, never by a Go type.
	switch reflect.ValueOf(v).Kind() {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a mapping"
	}
	return "a value of another kind"
}

// List returns a decoded list as a []any, whatever its items: a list of
// strings is a []string in Params (see stringLists).
func List(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case []string:
		list := make([]any, len(x))
		for i, s := range x {
			list[i] = s
		}
		return list, true
	}
	return nil, false
}

// stringLists makes each field whose value is a list of strings alone
// (tools: [spark, airflow]; an empty list too) a []string, whatever the
// format: one slice of strings for the collector to trace for as long as
// a build holds the page, where a []any holds each string in a box of
// its own. Lists holding anything else, and lists deeper in a value,
// stay []any. Then it puts the fields' strings and lists of strings in
// boxes of the page's (see boxes).
func stringLists(params map[string]any) {
	strs, lists := 0, 0
	for k, v := range params {
		switch v := v.(type) {
		case string:
			strs++
		case []any:
			list, ok := allStrings(v)
			if !ok {
				continue
			}
			params[k] = list
			strs, lists = strs+len(list), lists+1
		case []string:
			strs, lists = strs+len(v), lists+1
		}
	}
	box := newBoxes(strs, lists)
	for k, v := range params {
		switch v := v.(type) {
		case string:
			params[k] = box.str(v)
		case []string:
			params[k] = box.list(v)
		}
	}
}

// allStrings returns list as a []string when it holds strings alone.
func allStrings(list []any) ([]string, bool) {
	strs := make([]string, len(list))
	for i, item := range list {
		s, ok := item.(string)
		if !ok {
			return nil, false
		}
		strs[i] = s
	}
	return strs, true
}
