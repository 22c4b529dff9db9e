package render

import (
	"encoding/json"

	"github.com/rolesite/rolesite/internal/site"
)

// GraphPage is one page in graph.json.
type GraphPage struct {
	Section   string              `json:"section"`
	Slug      string              `json:"slug"`
	Title     string              `json:"title"`
	Summary   string              `json:"summary,omitempty"`
	URL       string              `json:"url"`
	Relations map[string][]string `json:"relations"` // field -> target keys "section/slug"
	Inverses  map[string][]string `json:"inverses"`  // "section.field" -> source keys
}

// Graph is the whole of graph.json.
type Graph struct {
	Title    string         `json:"title"`
	BaseURL  string         `json:"base_url,omitempty"`
	Sections []GraphSection `json:"sections"`
	Pages    []GraphPage    `json:"pages"`
}

// GraphSection describes one section and its declared relations.
type GraphSection struct {
	Name      string            `json:"name"`
	Title     string            `json:"title"`
	URL       string            `json:"url"`
	Relations map[string]string `json:"relations"` // field -> target section
}

// GraphJSON returns graph.json: every page with its relations and inverses,
// so that other tools can use the atlas without parsing HTML.
func GraphJSON(s *site.Site) []byte {
	g := Graph{Title: s.Title, BaseURL: s.BaseURL, Sections: []GraphSection{}, Pages: []GraphPage{}}
	// Each page's key, made once: a page is the target of many edges.
	keys := make(map[*site.Page]string, len(s.Pages))
	key := func(p *site.Page) string {
		k, ok := keys[p]
		if !ok {
			k = p.Section.Name + "/" + p.Slug()
			keys[p] = k
		}
		return k
	}
	for _, sec := range s.Sections {
		gs := GraphSection{Name: sec.Name, Title: sec.Title, URL: s.BasePath + sec.Name + "/", Relations: map[string]string{}}
		for _, d := range sec.Relations {
			gs.Relations[d.Field] = d.Target.Name
		}
		g.Sections = append(g.Sections, gs)
	}
	for _, p := range s.Pages {
		gp := GraphPage{Section: p.Section.Name, Slug: p.Slug(), Title: p.Title(), Summary: p.Summary(),
			URL: s.Permalink(p), Relations: map[string][]string{}, Inverses: map[string][]string{}}
		for _, grp := range p.Out {
			if len(grp.Pages) == 0 {
				continue // as before: no key for an empty group
			}
			list := gp.Relations[grp.Field]
			for _, q := range grp.Pages {
				list = append(list, key(q))
			}
			gp.Relations[grp.Field] = list
		}
		for _, grp := range p.In {
			if len(grp.Pages) == 0 {
				continue
			}
			k := grp.Section.Name + "." + grp.Field
			list := gp.Inverses[k]
			for _, q := range grp.Pages {
				list = append(list, key(q))
			}
			gp.Inverses[k] = list
		}
		g.Pages = append(g.Pages, gp)
	}
	out, err := json.MarshalIndent(g, "", " ")
	if err != nil {
		panic(err) // only plain strings, maps and slices: cannot fail
	}
	return append(out, '\n')
}
