package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"math/bits"

	"github.com/rolesite/rolesite/internal/keyhash"
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
	// Qualifiers, for qualified relations: field -> target key -> qualifier;
	// InverseQualifiers the same for inverses.
	Qualifiers        map[string]map[string]string `json:"qualifiers,omitempty"`
	InverseQualifiers map[string]map[string]string `json:"inverse_qualifiers,omitempty"`
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
	Name      string              `json:"name"`
	Title     string              `json:"title"`
	URL       string              `json:"url"`
	Relations map[string]string   `json:"relations"`        // field -> target section
	Scales    map[string][]string `json:"scales,omitempty"` // field -> its levels, lowest first
}

// GraphJSON returns graph.json: every page with its relations and inverses,
// so that other tools can use the atlas without parsing HTML.
//
// The bytes are those of json.MarshalIndent(graph, "", " "), made a page at
// a time: at 50,000 pages the whole graph as values, its encoding and its
// indented copy were hundreds of megabytes at once.
func GraphJSON(s *site.Site) []byte { return GraphJSONFrom(s, nil) }

// GraphJSONFrom is GraphJSON taking each page's entry from memo when what
// the entry is made from is as it was, and keeping the others there for
// the next build; a nil memo keeps nothing.
func GraphJSONFrom(s *site.Site, memo *GraphMemo) []byte {
	g := Graph{Title: s.Title, BaseURL: s.BaseURL, Sections: []GraphSection{}, Pages: []GraphPage{}}
	for _, sec := range s.Sections {
		gs := GraphSection{Name: sec.Name, Title: sec.Title, URL: s.BasePath + sec.Name + "/", Relations: map[string]string{}}
		for _, d := range sec.Relations {
			gs.Relations[d.Field] = d.Target.Name
			if d.Scale != nil {
				if gs.Scales == nil {
					gs.Scales = map[string][]string{}
				}
				gs.Scales[d.Field] = d.Scale
			}
		}
		g.Sections = append(g.Sections, gs)
	}
	// Everything but the pages, which end it: ... "pages": []\n}
	head, err := json.MarshalIndent(g, "", " ")
	if err != nil || !bytes.HasSuffix(head, []byte("[]\n}")) {
		panic("render: graph.json head: " + fmt.Sprint(err)) // plain strings, maps and slices: cannot fail
	}
	if len(s.Pages) == 0 {
		return append(head, '\n')
	}
	out := bytes.NewBuffer(make([]byte, 0, len(head)+len(s.Pages)*800))
	out.Write(head[:len(head)-len("[]\n}")])
	out.WriteString("[\n")
	var seed maphash.Seed
	if memo != nil {
		seed = memo.seed
	} else {
		seed = maphash.MakeSeed()
	}
	keys := newGraphKeys(s, seed)
	memo.start()
	for i, p := range s.Pages {
		page, ok := memo.get(p.Src.Path, func(h *keyhash.Hash) { graphInputs(h, s, p, keys) })
		if !ok {
			if page, err = json.MarshalIndent(graphPage(s, p, keys), "  ", " "); err != nil {
				panic("render: graph.json page: " + err.Error())
			}
			memo.put(p.Src.Path, page)
		}
		if i > 0 {
			out.WriteString(",\n")
		}
		out.WriteString("  ")
		out.Write(page)
	}
	out.WriteString("\n ]\n}\n")
	return out.Bytes()
}

// graphKeys are the pages' keys "section/slug", by their place in
// Site.Pages (site.Page.Index), each made once (a page is the target of
// many edges), and a 64-bit hash of each for graphInputs, made without
// the key: most builds make the entries of a few pages only.
type graphKeys struct {
	seed maphash.Seed
	keys []string
	ids  []uint64
}

func newGraphKeys(s *site.Site, seed maphash.Seed) *graphKeys {
	return &graphKeys{seed: seed, keys: make([]string, len(s.Pages)), ids: make([]uint64, len(s.Pages))}
}

func (k *graphKeys) of(p *site.Page) string {
	key := k.keys[p.Index()]
	if key == "" {
		key = p.Section.Name + "/" + p.Slug()
		k.keys[p.Index()] = key
	}
	return key
}

// id is a hash of p's key: of its section's name and its slug, the one
// rotated so that the two cannot trade places. (A zero is made again
// each time, which changes nothing.)
func (k *graphKeys) id(p *site.Page) uint64 {
	id := k.ids[p.Index()]
	if id == 0 {
		id = maphash.String(k.seed, p.Section.Name) ^ bits.RotateLeft64(maphash.String(k.seed, p.Slug()), 32)
		k.ids[p.Index()] = id
	}
	return id
}

func graphPage(s *site.Site, p *site.Page, keys *graphKeys) GraphPage {
	gp := GraphPage{Section: p.Section.Name, Slug: p.Slug(), Title: p.Title(), Summary: p.Summary(),
		URL: s.Permalink(p), Relations: map[string][]string{}, Inverses: map[string][]string{}}
	for _, grp := range p.Out {
		for i, q := range grp.Pages {
			gp.Relations[grp.Field] = append(gp.Relations[grp.Field], keys.of(q))
			addQual(&gp.Qualifiers, grp.Field, keys.of(q), grp.Qual(i))
		}
	}
	for _, grp := range p.In {
		k := grp.Section.Name + "." + grp.Field
		for i, q := range grp.Pages {
			gp.Inverses[k] = append(gp.Inverses[k], keys.of(q))
			addQual(&gp.InverseQualifiers, k, keys.of(q), grp.Qual(i))
		}
	}
	return gp
}

// graphInputs hashes what graphPage makes p's entry from.
func graphInputs(h *keyhash.Hash, s *site.Site, p *site.Page, keys *graphKeys) {
	for _, v := range []string{p.Section.Name, p.Slug(), p.Title(), p.Summary(), s.Permalink(p)} {
		h.String(v)
	}
	for _, gs := range [][]*site.Group{p.Out, p.In} {
		h.Int(len(gs))
		for _, g := range gs {
			h.String(g.Section.Name)
			h.String(g.Field)
			h.Int(len(g.Pages))
			for _, q := range g.Pages {
				h.Uint64(keys.id(q))
			}
			h.Int(len(g.Quals))
			for _, q := range g.Quals {
				h.String(q)
			}
		}
	}
}

// addQual records a qualifier, when there is one, making the maps on the
// first.
func addQual(m *map[string]map[string]string, field, key, q string) {
	if q == "" {
		return
	}
	if *m == nil {
		*m = map[string]map[string]string{}
	}
	if (*m)[field] == nil {
		(*m)[field] = map[string]string{}
	}
	(*m)[field][key] = q
}
