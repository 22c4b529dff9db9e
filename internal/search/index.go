package search

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// chunkDocs is how many pages share one file of the page table.
const chunkDocs = 8

// Index returns the files of the search index for docs, keyed by slash
// path relative to the output root, all under "search/". The result
// depends only on the set of docs, not on their order in the slice.
func Index(docs []Doc) map[string][]byte {
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b Doc) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Title, b.Title))
	})

	files := make(map[string][]byte)
	sections := sectionTable(docs)
	for i := 0; i < len(docs); i += chunkDocs {
		files[fmt.Sprintf("search/d/%d.json", i/chunkDocs)] = encodeChunk(docs[i:min(i+chunkDocs, len(docs))], sections)
	}

	idx := invert(docs)
	terms := slices.Sorted(maps.Keys(idx))
	entries := make([][]byte, len(terms))
	size := make([]int, len(terms))
	for i, t := range terms {
		entries[i] = encodeEntry(t, idx[t])
		size[i] = len(entries[i])
	}
	var keys []string
	for _, s := range planShards(terms, size) {
		parts := entries[s.lo:s.hi]
		if s.split {
			lists := make([][]posting, 0, s.phi-s.plo)
			for _, t := range terms[s.plo:s.phi] {
				lists = append(lists, idx[t])
			}
			parts = append(slices.Clip(parts), encodeEntry(s.key+"*", union(lists)))
		}
		files[shardFile(s.key)] = encodeShard(parts)
		keys = append(keys, s.key)
	}
	files["search/meta.json"] = encodeMeta(len(docs), sections, keys)
	return files
}

// A section is a group of results in the user interface.
type section struct{ key, title string }

// sectionTable lists the sections of docs, ordered by key. Home and other
// pages outside any section form the section "" titled "Pages".
func sectionTable(docs []Doc) []section {
	titles := make(map[string]string)
	for _, d := range docs {
		if t, ok := titles[d.Section]; !ok || t == "" {
			titles[d.Section] = d.SectionTitle
		}
	}
	var out []section
	for _, k := range slices.Sorted(maps.Keys(titles)) {
		t := titles[k]
		if t == "" {
			t = cmp.Or(k, "Pages")
		}
		out = append(out, section{k, t})
	}
	return out
}
