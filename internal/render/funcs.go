package render

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/rolesite/rolesite/internal/content"
)

// funcs are the few functions templates get; views carry everything else.
func funcs() template.FuncMap {
	return template.FuncMap{
		"lower": strings.ToLower,
		"join": func(sep string, items any) string {
			switch v := items.(type) {
			case []string:
				return strings.Join(v, sep)
			case []any:
				parts := make([]string, len(v))
				for i, x := range v {
					parts[i] = fmt.Sprint(x)
				}
				return strings.Join(parts, sep)
			}
			return fmt.Sprint(items)
		},
		// list returns a front matter value as a list of strings (nil if it is not one).
		"list": func(v any) []string {
			items, ok := content.List(v)
			if !ok {
				return nil
			}
			out := make([]string, 0, len(items))
			for _, x := range items {
				out = append(out, fmt.Sprint(x))
			}
			return out
		},
		"add": func(a, b int) int { return a + b },
		// longdate writes "2006-01-02" as "2 January 2006".
		"longdate": func(day string) string {
			t, err := time.Parse("2006-01-02", day)
			if err != nil {
				return day
			}
			return t.Format("2 January 2006")
		},
		// meter draws level l of n for the eye: "●●○○" for 2 of 4.
		"meter": func(l, n int) string {
			return strings.Repeat("●", max(l, 0)) + strings.Repeat("○", max(n-l, 0))
		},
		// link writes a Link as <a href="URL">Title</a> (see linker).
		"link": newLinker().link,
		// shared writes a template as {{template}} would, executing it
		// once for every page it writes the same for; each writes a
		// template for every element of a list, once for equal elements
		// (see sharer). Each set binds its own; these only let templates
		// parse.
		"shared": func(string, any) (template.HTML, error) { return "", errors.New("shared: no template set") },
		"each":   func(string, any) (template.HTML, error) { return "", errors.New("each: no template set") },
	}
}
