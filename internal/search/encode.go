package search

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// The index files are JSON, written by hand where it keeps them small:
//
//	search/meta.json   {"v":1,"docs":N,"chunk":8,"sections":[[key,title],...],"shards":[key,...]}
//	search/t/KEY.json  {"term":[df,doc,score,doc,score,...],...}
//	search/d/N.json    [[path,title,section,snippet],...]
//
// In a shard, doc numbers after the first are deltas from the previous one.
// A page's number is its position in the index's page order; page n is
// entry n%chunk of search/d/(n/chunk).json; section is an index into
// meta.sections.

const formatVersion = 1

func encodeMeta(docs int, sections []section, shardKeys []string) []byte {
	var b bytes.Buffer
	b.WriteString(`{"v":`)
	b.WriteString(strconv.Itoa(formatVersion))
	b.WriteString(`,"docs":`)
	b.WriteString(strconv.Itoa(docs))
	b.WriteString(`,"chunk":`)
	b.WriteString(strconv.Itoa(chunkDocs))
	b.WriteString(`,"sections":[`)
	for i, s := range sections {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		writeString(&b, s.key)
		b.WriteByte(',')
		writeString(&b, s.title)
		b.WriteByte(']')
	}
	b.WriteString(`],"shards":[`)
	for i, k := range shardKeys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(&b, k)
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// encodeEntry writes one term of a shard: "term":[df,doc,score,...], with
// df the number of pages the term occurs in and the postings sampled.
func encodeEntry(term string, list []posting) []byte {
	var b bytes.Buffer
	writeString(&b, term)
	b.WriteString(":[")
	b.WriteString(strconv.Itoa(len(list)))
	prev := int32(0)
	for _, p := range sample(list) {
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(int(p.doc - prev)))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(int(p.score)))
		prev = p.doc
	}
	b.WriteByte(']')
	return b.Bytes()
}

func encodeShard(entries [][]byte) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range entries {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(e)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func encodeChunk(docs []Doc, sections []section) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, d := range docs {
		if i > 0 {
			b.WriteByte(',')
		}
		sec, _ := slices.BinarySearchFunc(sections, d.Section, func(s section, key string) int {
			return strings.Compare(s.key, key)
		})
		b.WriteByte('[')
		writeString(&b, d.Path)
		b.WriteByte(',')
		writeString(&b, d.Title)
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(sec))
		b.WriteByte(',')
		writeString(&b, snippet(d))
		b.WriteByte(']')
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// writeString writes s as a JSON string, leaving <, > and & as they are.
func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)           // cannot fail for a string
	b.Truncate(b.Len() - 1) // Encode appends a newline
}
