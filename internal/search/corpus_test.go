package search

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// corpus generates n synthetic pages of about 500 words each, the same
// for the same n: words follow a Zipf law over a realistic vocabulary
// (testdata/vocab.txt, most frequent first) and one word in ten comes
// from a long tail of 50,000 made-up names, as product names, people and
// identifiers do in real documentation.
func corpus(t testing.TB, n int) []Doc {
	t.Helper()
	vocab := readVocab(t)
	rng := rand.New(rand.NewPCG(1, 2))
	// Keep the function words on top; mix the rest so the technical terms
	// appended at the end of the file get realistic ranks.
	rng.Shuffle(len(vocab)-100, func(i, j int) { vocab[100+i], vocab[100+j] = vocab[100+j], vocab[100+i] })
	tail := pseudoWords(rng, 50000)
	common := rand.NewZipf(rng, 1.07, 2, uint64(len(vocab)-1))
	rare := rand.NewZipf(rng, 1.02, 1, uint64(len(tail)-1))
	word := func() string {
		if rng.IntN(10) == 0 {
			return tail[rare.Uint64()]
		}
		return vocab[common.Uint64()]
	}
	content := func() string { // a word that could be in a title
		for {
			if rng.IntN(4) == 0 {
				return tail[rare.Uint64()]
			}
			if r := common.Uint64(); r >= 100 {
				return vocab[r]
			}
		}
	}
	words := func(k int, pick func() string) string {
		var b strings.Builder
		for i := range k {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(pick())
		}
		return b.String()
	}
	sections := []string{"roles", "tools", "stages", "guides", "glossary"}
	docs := make([]Doc, n)
	for i := range docs {
		sec := sections[i%len(sections)]
		title := titleCase(words(2+rng.IntN(3), content))
		var heads []Heading
		for range 3 + rng.IntN(4) {
			h := titleCase(words(2+rng.IntN(3), content))
			heads = append(heads, Heading{ID: strings.ReplaceAll(strings.ToLower(h), " ", "-"), Text: h})
		}
		var body strings.Builder
		n := 450 + rng.IntN(100)
		for j := range n {
			if k := j * len(heads) / n; j > 0 && k > (j-1)*len(heads)/n {
				body.WriteString("\n" + heads[k-1].Text + "\n")
			} else if j > 0 {
				body.WriteString(" ")
			}
			body.WriteString(word())
			if rng.IntN(15) == 0 {
				body.WriteString(".")
			}
		}
		docs[i] = Doc{
			Path:         fmt.Sprintf("%s/%s-%d/", sec, strings.ReplaceAll(strings.ToLower(title), " ", "-"), i),
			Section:      sec,
			SectionTitle: titleCase(sec),
			Title:        title,
			Summary:      words(15+rng.IntN(15), word),
			Headings:     heads,
			Text:         body.String(),
		}
	}
	return docs
}

func readVocab(t testing.TB) []string {
	t.Helper()
	f, err := os.Open("testdata/vocab.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			out = append(out, w)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// pseudoWords makes n distinct pronounceable made-up words.
func pseudoWords(rng *rand.Rand, n int) []string {
	const (
		onsets = "b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr st sp sk bl cl fl gl pl sl ch sh th"
		vowels = "a e i o u a e i o ai ea ou io"
		codas  = "- - - n r s t l m x nd rk st ng"
	)
	on, vo, co := strings.Fields(onsets), strings.Fields(vowels), strings.Fields(codas)
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(on[rng.IntN(len(on))])
			b.WriteString(vo[rng.IntN(len(vo))])
			if c := co[rng.IntN(len(co))]; c != "-" {
				b.WriteString(c)
			}
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// titleCase upper-cases the first letter of each word of ASCII text.
func titleCase(s string) string {
	b := []byte(s)
	for i := range b {
		if (i == 0 || b[i-1] == ' ') && b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}
