package search

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Some words are written more than one way. Before it is stemmed, a token
// is folded (its accents dropped) and its British and American spellings
// made one, on both sides: the index and the query. static/search/stem.js
// does the same; TestBrowserStemmerAgrees holds the two together.

// fold drops the accents of a lower-cased token: it is decomposed (NFD),
// loses the combining diacritical marks (U+0300..U+036F) and is composed
// again (NFC); then ß is "ss", æ "ae", œ "oe", ø "o", ł "l" and đ "d".
// "café" is "cafe", "Ångström" "angstrom"; other scripts keep their marks.
func fold(t string) string {
	i := 0
	for i < len(t) && t[i] < utf8.RuneSelf {
		i++
	}
	if i == len(t) {
		return t
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(t) {
		if r < 0x300 || r > 0x36f {
			b.WriteRune(r)
		}
	}
	s := norm.NFC.String(b.String())
	b.Reset()
	for _, r := range s {
		switch r {
		case 'ß':
			b.WriteString("ss")
		case 'æ':
			b.WriteString("ae")
		case 'œ':
			b.WriteString("oe")
		case 'ø':
			b.WriteString("o")
		case 'ł':
			b.WriteString("l")
		case 'đ':
			b.WriteString("d")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// A spellingRule writes the ending from as to, in a token that has at
// least min runes before it.
type spellingRule struct {
	from, to string
	min      int
}

// spellingRules make British and American spellings one (doc.go, Terms):
// -ize and -yze are -ise and -yse, -or is -our, -er is -re, -og is -ogue,
// whatever follows among the usual endings.
var spellingRules = func() []spellingRule {
	var rs []spellingRule
	for _, e := range strings.Fields("e es ed er ers ing ation ations able") {
		rs = append(rs, spellingRule{"iz" + e, "is" + e, 3}, spellingRule{"yz" + e, "ys" + e, 3})
	}
	for _, e := range strings.Fields("_ s ed ing ful ite ites able er ers") {
		e = strings.TrimPrefix(e, "_")
		rs = append(rs, spellingRule{"our" + e, "or" + e, 3})
	}
	for _, c := range []string{"t", "b"} {
		rs = append(rs, spellingRule{c + "re", c + "er", 2}, spellingRule{c + "res", c + "ers", 2}, spellingRule{c + "red", c + "ered", 2})
	}
	return append(rs, spellingRule{"ogue", "og", 3}, spellingRule{"ogues", "ogs", 3})
}()

// spelling writes a folded token as the index spells it: "organize" and
// "organise" are "organise", "colour" and "color" "color", "centre" and
// "center" "center", "catalogue" and "catalog" "catalog". At most one rule
// applies.
func spelling(t string) string {
	for _, r := range spellingRules {
		if stem, ok := strings.CutSuffix(t, r.from); ok && utf8.RuneCountInString(stem) >= r.min {
			return stem + r.to
		}
	}
	return t
}
