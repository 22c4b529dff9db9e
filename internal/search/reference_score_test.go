package search

// The scores and passages of the reference implementation (see
// reference_test.go), written from doc.go.

import (
	"bytes"
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// BM25F field weights and parameters (doc.go, Scores).
const (
	refWeightTitle   = 8.0
	refWeightAlias   = 6.0
	refWeightHeading = 3.0
	refWeightSummary = 2.0
	refK1            = 1.2
	refB             = 0.75
	refNormTerms     = 400.0
)

// A refHit records how a term occurs in one page.
type refHit struct {
	title, alias, heading, summary bool
	body                           int    // occurrences in the body text
	form                           string // the shortest token for the term, then the first in byte order
	names                          uint8  // bit n-1: in a name of n terms
}

// score is the term's precomputed score in a page of bodyLen body tokens.
func (h refHit) score(bodyLen int) int {
	tf := 0.0
	for _, f := range []struct {
		in bool
		w  float64
	}{{h.title, refWeightTitle}, {h.alias, refWeightAlias}, {h.heading, refWeightHeading}, {h.summary, refWeightSummary}} {
		if f.in {
			tf += f.w
		}
	}
	if h.body > 0 {
		tf += float64(min(h.body, math.MaxUint16)) / (1 - refB + refB*float64(bodyLen)/refNormTerms)
	}
	s := int(math.Ceil(255 * tf / (tf + refK1)))
	return min(255, max(1, s))
}

// refHits collects into m, which it clears first, every stemmed term of one
// page and how it occurs there, and returns the number of tokens in the body.
// memo keeps the terms of the tokens seen, by token.
func refHits(d Doc, m map[string]refHit, memo map[string]string) (bodyLen int) {
	clear(m)
	mark := func(text string, set func(*refHit)) {
		for t := range refTerms(text) {
			st, ok := memo[t]
			if !ok {
				st = refTerm(t)
				memo[t] = st
			}
			h := m[st]
			if h.form == "" || len(t) < len(h.form) || len(t) == len(h.form) && t < h.form {
				h.form = t
			}
			set(&h)
			m[st] = h
		}
	}
	mark(d.Title, func(h *refHit) { h.title = true })
	for _, a := range d.Aliases {
		mark(a, func(h *refHit) { h.alias = true })
	}
	for _, x := range d.Headings {
		mark(x.Text, func(h *refHit) { h.heading = true })
	}
	mark(d.Summary, func(h *refHit) { h.summary = true })
	mark(d.Text, func(h *refHit) { h.body++; bodyLen++ })
	for _, name := range append([]string{d.Title}, d.Aliases...) {
		// A name's terms: its distinct terms not stop words (a term is
		// one if its first token is), or all of them if none is not.
		var all, words []string
		for t := range refTerms(name) {
			if term := memo[t]; !slices.Contains(all, term) {
				all = append(all, term)
				if !english.IsStopWord(t) {
					words = append(words, term)
				}
			}
		}
		if len(words) == 0 {
			words = all
		}
		if n := len(words); n > 0 && n <= 8 {
			for _, term := range words {
				h := m[term]
				h.names |= 1 << (n - 1)
				m[term] = h
			}
		}
	}
	return bodyLen
}

// refPassages is the page's passages file and its key: the text cut into
// sections at the lines that are its headings, found in order.
func refPassages(d Doc) []byte {
	type sec struct{ id, heading string }
	lines := strings.Split(d.Text, "\n")
	var out [][3]string
	cur, body := sec{}, []string{}
	flush := func() {
		text := strings.TrimSpace(strings.Join(body, "\n"))
		if cur.id != "" || text != "" {
			out = append(out, [3]string{cur.id, cur.heading, text})
		}
	}
	at := 0
	for _, h := range d.Headings {
		want := strings.TrimSpace(h.Text)
		found := -1
		for i := at; i < len(lines) && want != "" && !strings.Contains(want, "\n"); i++ {
			if strings.TrimSpace(lines[i]) == want {
				found = i
				break
			}
		}
		if found < 0 {
			continue
		}
		body = append(body, lines[at:found]...)
		flush()
		cur, body, at = sec{h.ID, h.Text}, nil, found+1
	}
	body = append(body, lines[at:]...)
	flush()
	var b bytes.Buffer
	b.WriteByte('[')
	for i, s := range out {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		refWriteString(&b, s[0])
		b.WriteByte(',')
		refWriteString(&b, s[1])
		b.WriteByte(',')
		refWriteString(&b, s[2])
		b.WriteByte(']')
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// refSnippetRunes bounds the snippet shown under a result's title.
const refSnippetRunes = 140

// refSnippet is the text shown under a result: the summary, or else the start
// of the body, with white space collapsed and cut at a word boundary.
func refSnippet(d Doc) string {
	s := strings.Join(strings.Fields(d.Summary), " ")
	if s == "" {
		s = strings.Join(strings.Fields(d.Text), " ")
	}
	if utf8.RuneCountInString(s) <= refSnippetRunes {
		return s
	}
	cut, n := 0, 0
	for i := range s { // i walks rune starts
		if n == refSnippetRunes {
			cut = i
			break
		}
		n++
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > refSnippetRunes/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:.-") + "…"
}

// refSample returns the at most refMaxPostings best postings of a list ordered
// by page, ordered by page.
func refSample(list []refPosting) []refPosting {
	if len(list) <= refMaxPostings {
		return list
	}
	best := slices.Clone(list)
	slices.SortFunc(best, func(a, b refPosting) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
	})
	best = best[:refMaxPostings]
	slices.SortFunc(best, func(a, b refPosting) int { return cmp.Compare(a.doc, b.doc) })
	return best
}

// refUnion merges lists ordered by page into one ordered by page, keeping for
// each page its best score, and no names. It is how a prefix stands for all the terms
// that begin with it.
func refUnion(lists [][]refPosting) []refPosting {
	best := make(map[int32]uint8)
	for _, l := range lists {
		for _, p := range l {
			best[p.doc] = max(best[p.doc], p.score)
		}
	}
	out := make([]refPosting, 0, len(best))
	for doc, score := range best {
		out = append(out, refPosting{doc: doc, score: score}) // a prefix names nothing
	}
	slices.SortFunc(out, func(a, b refPosting) int { return cmp.Compare(a.doc, b.doc) })
	return out
}

// refPassagesFile names the passages file of the page at path (doc.go).
func refPassagesFile(path string) string {
	name := ""
	for _, r := range strings.TrimSuffix(path, "/") {
		switch {
		case strings.ContainsRune("abcdefghijklmnopqrstuvwxyz0123456789-", r):
			name += string(r)
		case r == '/':
			name += "."
		default:
			name += "_" + strconv.FormatInt(int64(r), 16) + "_"
		}
	}
	return "search/x/" + cmp.Or(name, "_") + ".json"
}

// refTerm is the term of a token: folded, respelt, stemmed (doc.go, Terms).
func refTerm(token string) string {
	return english.Stem(refSpell(refFold(token)), false)
}

// refFold drops a token's accents: NFD, without U+0300..U+036F, NFC, and
// six letters written as ASCII.
func refFold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(refDiacritics)), norm.NFC)
	s, _, _ = transform.String(t, s)
	return strings.NewReplacer("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d").Replace(s)
}

var refDiacritics = &unicode.RangeTable{R16: []unicode.Range16{{Lo: 0x300, Hi: 0x36f, Stride: 1}}}

// refSpellings are the spelling rules of doc.go, as search.js writes them.
var refSpellings = []struct {
	re *regexp.Regexp
	to string
}{
	{regexp.MustCompile(`^(.{3,}[iy])z(e[sdr]?|ers|ing|ations?|able)$`), "${1}s$2"},
	{regexp.MustCompile(`^(.{3,})our(s|ed|ing|ful|ites?|able|ers?)?$`), "${1}or$2"},
	{regexp.MustCompile(`^(.{2,}[tb])re(s?)$`), "${1}er$2"},
	{regexp.MustCompile(`^(.{2,}[tb])red$`), "${1}ered"},
	{regexp.MustCompile(`^(.{3,})ogue(s?)$`), "${1}og$2"},
}

func refSpell(s string) string {
	for _, r := range refSpellings {
		if r.re.MatchString(s) {
			return r.re.ReplaceAllString(s, r.to)
		}
	}
	return s
}
