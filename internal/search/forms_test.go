package search

import (
	"encoding/json"
	"strings"
	"testing"
)

// shardEntries decodes every term entry of the index: its form ("" when
// it has none) by term.
func shardEntries(t *testing.T, files map[string][]byte) map[string]string {
	forms := map[string]string{}
	for name, b := range files {
		if !strings.HasPrefix(name, "search/t/") {
			continue
		}
		var sh map[string][]any
		if err := json.Unmarshal(b, &sh); err != nil {
			t.Fatal(err)
		}
		for k, e := range sh {
			if strings.HasSuffix(k, "*") {
				continue
			}
			f, _ := e[0].(string)
			forms[k] = f
		}
	}
	return forms
}

// A term's form is a word the pages write that stands for it: the one the
// most pages write (each page its shortest), never the term itself.
func TestForms(t *testing.T) {
	docs := []Doc{
		{Path: "a/", Text: "The engineer and the engineers build an engine."},
		{Path: "b/", Text: "An engineer."},
		{Path: "c/", Text: "Engineer, engineering."},
		{Path: "d/", Text: "Databases: one database."},
		{Path: "e/", Text: "Deploy, deployed; naïve."},
	}
	got := shardEntries(t, Index(docs))
	for term, want := range map[string]string{"engin": "engineer", "databas": "database", "deploy": "", "naiv": "naïve"} {
		if got[term] != want {
			t.Errorf("form of %q = %q, want %q", term, got[term], want)
		}
	}

	docs = corpus(t, 400)
	written := map[string]bool{}
	for _, d := range docs {
		texts := append([]string{d.Title, d.Summary, d.Text}, d.Aliases...)
		for _, h := range d.Headings {
			texts = append(texts, h.Text)
		}
		for _, s := range texts {
			for w := range terms(s) {
				written[w] = true
			}
		}
	}
	for term, f := range shardEntries(t, Index(docs)) {
		switch {
		case f == "" && !written[term]:
			t.Errorf("term %q has no form and no page writes it", term)
		case f != "" && (f == term || !written[f] || stem(f) != term):
			t.Errorf("term %q has the form %q: want a word the pages write, whose term it is", term, f)
		}
	}
}
