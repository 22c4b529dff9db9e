package search

// This file is a naive implementation of Index, written from the
// specification in doc.go with plain maps, sorting and recursion, as the
// reference the optimised one must match byte for byte
// (TestIndexMatchesReference). It shares no code with the package and
// copies none of its algorithms: keep it obviously correct, never fast.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// refIndex returns the files of the search index for docs, keyed by slash
// path relative to the output root, all under "search/". The result
// depends only on the set of docs, not on their order in the slice.
func refIndex(docs []Doc) map[string][]byte {
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b Doc) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Title, b.Title))
	})

	files := make(map[string][]byte)
	sections := refSectionTable(docs)
	nb := refBuckets(len(docs))
	byBucket := make(map[int][]Doc)
	ids := make(map[int]Doc) // by page number
	numbers := refNumbers(docs)
	for i, d := range docs {
		k := refBucket(d.Path, nb)
		byBucket[k] = append(byBucket[k], d)
		ids[numbers[i]] = d
	}
	for k, ds := range byBucket {
		files[fmt.Sprintf("search/d/%d.json", k)] = refEncodeChunk(ds, sections)
	}

	idx, forms := refInvert(ids)
	entries := make(map[string][]byte, len(idx))
	for t, list := range idx {
		entries[t] = refEncodeEntry(t, forms[t], list)
	}
	var keys []string
	for _, s := range refPlanShards("", slices.Sorted(maps.Keys(idx)), entries) {
		var parts [][]byte
		for _, t := range s.terms {
			parts = append(parts, entries[t])
		}
		if s.split {
			var lists [][]refPosting
			for _, t := range s.prefixed {
				lists = append(lists, idx[t])
			}
			parts = append(parts, refEncodeEntry(s.key+"*", "", refUnion(lists)))
		}
		files[refShardFile(s.key)] = refEncodeShard(parts)
		keys = append(keys, s.key)
	}
	for _, d := range docs {
		files[refPassagesFile(d.Path)] = refPassages(d)
	}
	files["search/meta.json"] = refEncodeMeta(len(docs), nb, sections, keys)
	return files
}

// A refSection is a group of results in the user interface, with the
// label of the field its results can be filtered by, or "".
type refSection struct{ key, title, filterLabel string }

// refSectionTable lists the sections of docs, ordered by key. Home and other
// pages outside any section form the section "" titled "Pages". A
// section's title and filter label are the first non-empty ones its docs
// give, in page order.
func refSectionTable(docs []Doc) []refSection {
	titles := make(map[string]string)
	labels := make(map[string]string)
	for _, d := range docs {
		if titles[d.Section] == "" {
			titles[d.Section] = d.SectionTitle
		}
		if labels[d.Section] == "" {
			labels[d.Section] = d.FilterLabel
		}
	}
	var out []refSection
	for _, k := range slices.Sorted(maps.Keys(titles)) {
		t := titles[k]
		if t == "" {
			t = cmp.Or(k, "Pages")
		}
		out = append(out, refSection{k, t, labels[k]})
	}
	return out
}

// The index files are JSON (doc.go, Files).

const refFormatVersion = 5

func refEncodeMeta(docs, buckets int, sections []refSection, shardKeys []string) []byte {
	var b bytes.Buffer
	b.WriteString(`{"v":`)
	b.WriteString(strconv.Itoa(refFormatVersion))
	b.WriteString(`,"docs":`)
	b.WriteString(strconv.Itoa(docs))
	b.WriteString(`,"buckets":`)
	b.WriteString(strconv.Itoa(buckets))
	b.WriteString(`,"sections":[`)
	for i, s := range sections {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		refWriteString(&b, s.key)
		b.WriteByte(',')
		refWriteString(&b, s.title)
		if s.filterLabel != "" {
			b.WriteByte(',')
			refWriteString(&b, s.filterLabel)
		}
		b.WriteByte(']')
	}
	b.WriteString(`],"shards":[`)
	for i, k := range shardKeys {
		if i > 0 {
			b.WriteByte(',')
		}
		refWriteString(&b, k)
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// refEncodeEntry writes one term of a shard: "term":[df,doc,score,...], with
// df the number of pages the term occurs in and the postings sampled, and
// the term's form first if it has one: "term":["form",df,...].
func refEncodeEntry(term, form string, list []refPosting) []byte {
	var b bytes.Buffer
	refWriteString(&b, term)
	b.WriteString(":[")
	if form != "" {
		refWriteString(&b, form)
		b.WriteString(",")
	}
	b.WriteString(strconv.Itoa(len(list)))
	prev := int32(0)
	for _, p := range refSample(list) {
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(int(p.doc - prev)))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(int(p.score) + 256*int(p.names)))
		prev = p.doc
	}
	b.WriteByte(']')
	return b.Bytes()
}

func refEncodeShard(entries [][]byte) []byte {
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

func refEncodeChunk(docs []Doc, sections []refSection) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, d := range docs {
		if i > 0 {
			b.WriteByte(',')
		}
		sec, _ := slices.BinarySearchFunc(sections, d.Section, func(s refSection, key string) int {
			return strings.Compare(s.key, key)
		})
		b.WriteByte('[')
		refWriteString(&b, d.Path)
		b.WriteByte(',')
		refWriteString(&b, d.Title)
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(sec))
		b.WriteByte(',')
		refWriteString(&b, refSnippet(d))
		if d.Filter != "" {
			b.WriteByte(',')
			refWriteString(&b, d.Filter)
		}
		b.WriteByte(']')
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// refWriteString writes s as a JSON string, leaving <, > and & as they are.
func refWriteString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)           // cannot fail for a string
	b.Truncate(b.Len() - 1) // Encode appends a newline
}

// refMaxPostings caps the pages kept for one term. A term found in more pages
// keeps the best-scoring ones and records its true page count, so the
// client knows the list is a sample: such a term ranks pages but never
// excludes one (see doc.go).
const refMaxPostings = 200

// A refPosting is one page a term occurs in, with the term's score there
// and the sizes of the page's names it is in (bit n-1 for n terms).
type refPosting struct {
	doc   int32
	score uint8
	names uint8
}

// refInvert builds the inverted index of docs, by page number: for every
// term, its postings ordered by page, and its form, or "" where that is
// the term itself. It does work proportional to the number of tokens.
func refInvert(docs map[int]Doc) (map[string][]refPosting, map[string]string) {
	idx := make(map[string][]refPosting)
	votes := make(map[string]map[string]int) // by term, by form: pages
	page := make(map[string]refHit)
	memo := make(map[string]string)
	for _, id := range slices.Sorted(maps.Keys(docs)) {
		bodyLen := refHits(docs[id], page, memo)
		for term, h := range page {
			// Pages are visited in order, so each list stays sorted by page.
			idx[term] = append(idx[term], refPosting{int32(id), uint8(h.score(bodyLen)), h.names})
			if votes[term] == nil {
				votes[term] = make(map[string]int)
			}
			votes[term][h.form]++
		}
	}
	forms := make(map[string]string)
	for term, v := range votes {
		// The most pages, then the shortest, then the first in byte order.
		best := slices.SortedFunc(maps.Keys(v), func(a, b string) int {
			return cmp.Or(cmp.Compare(v[b], v[a]), cmp.Compare(len(a), len(b)), strings.Compare(a, b))
		})[0]
		if best != term {
			forms[term] = best
		}
	}
	return idx, forms
}

// refShardBytes is the size above which the terms sharing a prefix are split
// into one shard per next rune. It bounds what one typed word downloads.
const refShardBytes = 16_000

// refMinPrefixRunes is the shortest last word the client matches as a prefix;
// shorter ones only match whole terms ("r", "c").
const refMinPrefixRunes = 2

// A refShard is one file of the inverted index, named by a prefix, its key.
// A term lives in the shard whose key is the longest key that begins it.
type refShard struct {
	key   string
	terms []string // the terms stored as entries of their own
	// A split shard (one whose terms were divided among longer keys)
	// stores, besides the term equal to its key if there is one, the entry
	// key+"*": the union of all the terms that begin with key, prefixed.
	split    bool
	prefixed []string
}

// refPlanShards returns the shards for terms, sorted, which all begin with
// key, in key order: one shard if their entries (entries[t] for term t)
// take at most refShardBytes, and key is not "" (the root always splits);
// otherwise a split shard for key, holding the term equal to key if there
// is one (left out if there is none and key is shorter than
// refMinPrefixRunes), then the shards of the terms grouped by the rune
// after key.
func refPlanShards(key string, terms []string, entries map[string][]byte) []refShard {
	total := 0
	for _, t := range terms {
		total += len(entries[t])
	}
	if key != "" && total <= refShardBytes {
		return []refShard{{key: key, terms: terms}}
	}
	split := refShard{key: key, split: true, prefixed: terms}
	groups := make(map[string][]string)
	for _, t := range terms {
		if t == key {
			split.terms = append(split.terms, t)
			continue
		}
		_, n := utf8.DecodeRuneInString(t[len(key):])
		child := t[:len(key)+n]
		groups[child] = append(groups[child], t)
	}
	var out []refShard
	if len(split.terms) > 0 || utf8.RuneCountInString(key) >= refMinPrefixRunes {
		out = append(out, split)
	}
	for _, child := range slices.Sorted(maps.Keys(groups)) {
		out = append(out, refPlanShards(child, groups[child], entries)...)
	}
	return out
}

// refShardFile is the file holding the shard with the given key. Letters a-z
// and digits stand for themselves; any other rune is written as "_", its
// code point in hex, and "_", so names are portable and case-insensitive
// file systems cannot confuse them ("c+" is "c_2b_", "é" is "_e9_").
func refShardFile(key string) string {
	var b strings.Builder
	b.WriteString("search/t/")
	for _, r := range key {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	b.WriteString(".json")
	return b.String()
}

// refMaxTermRunes bounds the length of an indexed term; longer runs (hashes,
// base64, URLs glued together) are not words anyone types.
const refMaxTermRunes = 32

// refTerms yields the search terms of s, in order, duplicates kept.
//
// A term is a run of letters and digits (combining marks may continue a
// run), lower-cased. A lone letter directly followed by "++" or "#" keeps
// them, so "C++" and "C#" stay searchable; everything else separates terms:
// "CI/CD" is "ci" and "cd", "scikit-learn" is "scikit" and "learn".
// static/js/search.js implements the same rules; change both together.
func refTerms(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !refIsWordStart(r) {
				i += n
				continue
			}
			start := i
			i += n
			if suffix := refTechSuffix(s[i:]); suffix > 0 {
				i += suffix
				if !yield(strings.ToLower(s[start:i])) {
					return
				}
				continue
			}
			runes := 1
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !refIsWordStart(r) && !unicode.IsMark(r) {
					break
				}
				i += n
				runes++
			}
			if runes <= refMaxTermRunes && !yield(strings.ToLower(s[start:i])) {
				return
			}
		}
	}
}

func refIsWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// refTechSuffix reports the length of a "++" or "#" that directly follows a
// single letter or digit and is not itself followed by one, or 0.
func refTechSuffix(rest string) int {
	var n int
	switch {
	case strings.HasPrefix(rest, "++"):
		n = 2
	case strings.HasPrefix(rest, "#"):
		n = 1
	default:
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(rest[n:]); n < len(rest) && (refIsWordStart(r) || unicode.IsMark(r)) {
		return 0
	}
	return n
}
