package cli

import (
	"maps"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/content"
)

// declared is what a section's _index.md declares of its pages' fields,
// for the front matter of a new page: the fields of its schema and the
// scales of its relations.
type declared struct {
	fields []string                  // declared fields, in the order written
	specs  map[string]map[string]any // each field's declaration
	scales map[string][]string       // relation -> its scale
}

// readDeclared reads the fields and relations declarations of an index.
func readDeclared(p *content.Page) declared {
	d := declared{specs: map[string]map[string]any{}, scales: map[string][]string{}}
	if m, ok := p.Params["fields"].(map[string]any); ok {
		for _, name := range slices.Sorted(maps.Keys(m)) {
			if spec, ok := m[name].(map[string]any); ok {
				d.fields = append(d.fields, name)
				d.specs[name] = spec
			}
		}
	}
	if m, ok := p.Params["relations"].(map[string]any); ok {
		for field, v := range m {
			if spec, ok := v.(map[string]any); ok {
				if scale, bad := content.Strings(spec["scale"]); bad == "" {
					d.scales[field] = scale
				}
			}
		}
	}
	return d
}

// placeholder says how a new page writes field k, empty, and what to say
// beside it: "text", "list" or "mapping" (a relation with a scale: slug to
// level), and a comment naming what the schema allows.
func (sv survey) placeholder(k string) (shape, comment string) {
	if scale, ok := sv.declared.scales[k]; ok {
		return "mapping", "slug: level, one of " + strings.Join(scale, ", ")
	}
	if spec, ok := sv.declared.specs[k]; ok {
		t, _ := spec["type"].(string)
		values, _ := content.Strings(spec["values"])
		var notes []string
		if req, _ := spec["required"].(bool); req {
			notes = append(notes, "required")
		}
		switch t {
		case "list":
			shape = "list"
		case "string", "":
			shape = "text"
		default:
			shape = "text"
			notes = append(notes, "a "+t)
		}
		if len(values) > 0 {
			notes = append(notes, "one of "+strings.Join(values, ", "))
		}
		return shape, strings.Join(notes, "; ")
	}
	if _, isText := sv.kinds[k].(string); isText {
		return "text", ""
	}
	return "list", ""
}
