package search

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The index files are JSON, written by hand where it keeps them small; doc.go
// describes them (Files). Every encoder appends to a byte slice, so callers
// choose the storage.

const formatVersion = 5

func appendMeta(b []byte, docs, buckets int, sections []section, shardKeys []string) []byte {
	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, formatVersion, 10)
	b = append(b, `,"docs":`...)
	b = strconv.AppendInt(b, int64(docs), 10)
	b = append(b, `,"buckets":`...)
	b = strconv.AppendInt(b, int64(buckets), 10)
	b = append(b, `,"sections":[`...)
	for i, s := range sections {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendString(b, s.key)
		b = append(b, ',')
		b = appendString(b, s.title)
		if s.filterLabel != "" {
			b = append(b, ',')
			b = appendString(b, s.filterLabel)
		}
		b = append(b, ']')
	}
	b = append(b, `],"shards":[`...)
	for i, k := range shardKeys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
	}
	return append(b, "]}\n"...)
}

// appendEntry writes one entry of a shard, "name":[df,doc,score,...], with
// df the number of pages in list and the postings sampled; name is a term,
// or a prefix and "*". A term whose form is not "" has it first:
// "name":["form",df,...].
func appendEntry(b []byte, name, form string, list []posting) []byte {
	b = appendString(b, name)
	b = append(b, ":["...)
	if form != "" {
		b = appendString(b, form)
		b = append(b, ',')
	}
	b = strconv.AppendInt(b, int64(len(list)), 10)
	prev := int32(0)
	for p := range kept(list) {
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p.doc()-prev), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p.value()), 10)
		prev = p.doc()
	}
	return append(b, ']')
}

// entrySize is len(appendEntry(nil, name, form, list)), counted without
// writing the entry.
func entrySize(name, form string, list []posting) int {
	n := stringSize(name) + len(":[") + decimalLen(len(list)) + len("]")
	if form != "" {
		n += stringSize(form) + len(",")
	}
	prev := int32(0)
	for p := range kept(list) {
		n += len(",,") + decimalLen(int(p.doc()-prev)) + decimalLen(int(p.value()))
		prev = p.doc()
	}
	return n
}

// decimalLen is the number of digits of x, which is not negative.
func decimalLen(x int) int {
	n := 1
	for ; x >= 10; x /= 10 {
		n++
	}
	return n
}

// appendShard writes the shard file holding terms (spelling spells them by
// number), and the entry of the shard's prefix if it is split. It writes
// each term's entry as it is, or encodes it if it is nil, and points the
// entry at its place in b, so an entry costs no storage of its own and the
// previous file can go.
func (x *termIndex) appendShard(b []byte, spelling []string, terms []int32, prefix []byte) []byte {
	b = append(b, '{')
	for i, t := range terms {
		if i > 0 {
			b = append(b, ',')
		}
		at := len(b)
		if e := x.entry[t]; e != nil {
			b = append(b, e...)
		} else {
			b = appendEntry(b, spelling[t], x.forms.best[t], x.post[t])
		}
		x.entry[t] = b[at:len(b):len(b)]
	}
	if prefix != nil {
		if len(terms) > 0 {
			b = append(b, ',')
		}
		b = append(b, prefix...)
	}
	return append(b, "}\n"...)
}

func appendChunk(b []byte, pages []*page, sections []section) []byte {
	b = append(b, '[')
	for i, p := range pages {
		if i > 0 {
			b = append(b, ',')
		}
		sec, _ := slices.BinarySearchFunc(sections, p.section, func(s section, key string) int {
			return strings.Compare(s.key, key)
		})
		b = append(b, '[')
		b = appendString(b, p.path)
		b = append(b, ',')
		b = appendString(b, p.title)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(sec), 10)
		b = append(b, ',')
		b = appendString(b, p.snippet)
		if p.filter != "" {
			b = append(b, ',')
			b = appendString(b, p.filter)
		}
		b = append(b, ']')
	}
	return append(b, "]\n"...)
}

// appendString appends s as a JSON string, as encoding/json writes it
// with HTML escaping off (<, > and & stay as they are). Strings that need
// no escaping, which are nearly all, are copied as they are; any other
// goes through encoding/json itself, so the two can never disagree.
func appendString(b []byte, s string) []byte {
	if needsEscape(s) {
		return appendStringSlow(b, s)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// stringSize is len(appendString(nil, s)).
func stringSize(s string) int {
	if needsEscape(s) {
		return len(appendStringSlow(nil, s))
	}
	return len(s) + 2
}

// needsEscape reports whether encoding/json writes s other than as it is
// between quotes.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return true
		}
		i += n
	}
	return false
}

func appendStringSlow(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // cannot fail for a string
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}
