package search

import "slices"

// A term is shown to the reader (in "Showing results for" and the nearest
// words) as a word of the site, its form, rather than as a stem. Each page
// gives each of its terms a form: the shortest word (in bytes, then first
// in byte order) that the page writes for it, lower-cased, before folding.
// A term's form is the one the most pages give it, ties going to the
// shorter, then the first in byte order; an entry carries it when it is
// not the term itself (doc.go, Files).
//
// A formTally keeps, by term number, how many pages give each form, so
// that an edit changes the counts of the edited pages' terms only.
type formTally struct {
	votes [][]formVote // by term number
	best  []string     // by term number: the term's form, "" for the term itself
}

// A formVote is a form and the number of pages that give it ("" for the
// term itself).
type formVote struct {
	form  string
	pages int32
}

func (ft *formTally) grow(n int) {
	ft.votes = growTo(ft.votes, n)
	ft.best = growTo(ft.best, n)
}

// recount counts the forms of every page again, for n terms, and chooses
// the form of each term in some page (live), spelt by terms.
func (ft *formTally) recount(n int, pages []*page, terms []string, live []int32) {
	ft.votes, ft.best = make([][]formVote, n), make([]string, n)
	for _, p := range pages {
		ft.count(p, 1)
	}
	for _, t := range live {
		ft.choose(t, terms[t])
	}
}

// count adds delta pages to the count of each of p's forms.
func (ft *formTally) count(p *page, delta int32) {
	for i, t := range p.terms {
		f, vs := p.form(i), ft.votes[t]
		k := slices.IndexFunc(vs, func(v formVote) bool { return v.form == f })
		switch {
		case k < 0:
			ft.votes[t] = append(vs, formVote{f, delta})
		case vs[k].pages+delta == 0:
			ft.votes[t] = slices.Delete(vs, k, k+1)
		default:
			vs[k].pages += delta
		}
	}
}

// choose sets the form of term t, spelt term, from its counts, and reports
// whether it changed.
func (ft *formTally) choose(t int32, term string) bool {
	best, most := "", int32(0)
	spell := func(f string) string {
		if f == "" {
			return term
		}
		return f
	}
	for _, v := range ft.votes[t] {
		x, y := spell(v.form), spell(best)
		if v.pages > most || v.pages == most && (len(x) < len(y) || len(x) == len(y) && x < y) {
			best, most = v.form, v.pages
		}
	}
	changed := ft.best[t] != best
	ft.best[t] = best
	return changed
}
