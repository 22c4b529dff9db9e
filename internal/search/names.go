package search

// A page is named by its title and its aliases. A query whose words are
// all the terms of one of them names the page, and ranks it above pages
// that only contain the words (doc.go, Queries). For that, the value of a
// term in a page records the sizes of the page's names the term is in: bit
// n-1 for a name of n terms (1..8). A name's terms are its distinct
// terms that are not stop words, or all of them if it has nothing else:
// "Head of Data" has 2, "The Who" 2.

// maxNameTerms is the largest name a value records: a query counts at
// most 8 words.
const maxNameTerms = 8

// A nameTerm is a term of a name, and whether its token is a stop word.
type nameTerm struct {
	id   int32
	stop bool
}

// name sets, in the hits of the page, the bit of the size of the name
// text to each of its terms. The name's text was marked before, so its
// terms have hits.
func (a *analyzer) name(text string) {
	a.nameTerms = a.nameTerms[:0]
	stops := 0
	for i := 0; ; {
		start, end, ascii := scanTerm(text, i)
		if start == end {
			break
		}
		i = end
		id, form := a.id(text, start, end, ascii)
		if !containsTerm(a.nameTerms, id) {
			stop := isStopWord(a.forms.terms[form])
			a.nameTerms = append(a.nameTerms, nameTerm{id, stop})
			if stop {
				stops++
			}
		}
	}
	n := len(a.nameTerms) - stops
	if n == 0 {
		n = len(a.nameTerms)
	}
	if n == 0 || n > maxNameTerms {
		return
	}
	for _, t := range a.nameTerms {
		if !t.stop || stops == len(a.nameTerms) {
			a.page[t.id].names |= 1 << (n - 1)
		}
	}
}

func containsTerm(ts []nameTerm, id int32) bool {
	for _, t := range ts {
		if t.id == id {
			return true
		}
	}
	return false
}
