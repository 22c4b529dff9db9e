package search

import (
	"slices"
	"strings"
	"testing"
)

// A page whose title or alias is the query's words ranks first, though
// another contains the words more often or in a longer title.
func TestNamesRankFirst(t *testing.T) {
	often := strings.Repeat("A data scientist and an ML engineer. ", 30)
	docs := []Doc{
		{Path: "roles/citizen-data-scientist/", Title: "Citizen Data Scientist", Summary: "A data scientist of sorts.", Text: often},
		{Path: "roles/data-scientist/", Title: "Data Scientist", Text: "Analyses data."},
		{Path: "roles/machine-learning-engineer/", Title: "Machine Learning Engineer", Aliases: []string{"ML engineer"}, Text: "Ships models."},
		{Path: "sources/ml-at-scale/", Title: "ML engineering at scale", Summary: "What an ML engineer does.", Text: often},
		{Path: "roles/head-of-data/", Title: "Head of Data", Text: "Leads."},
		{Path: "notes/data-heads/", Title: "Heads of data teams", Text: often},
		{Path: "stages/deployment/", Title: "Deployment", Text: "Deploying."},
		{Path: "stages/model-deployment/", Title: "Model deployment and scaling", Summary: "Deployment.", Text: strings.Repeat("Deployment. ", 40)},
	}
	files := Index(docs)
	for q, want := range map[string]string{
		"data scientist":            "roles/data-scientist/",
		"Data Scientist ":           "roles/data-scientist/",
		"ml engineer":               "roles/machine-learning-engineer/",
		"machine learning engineer": "roles/machine-learning-engineer/",
		"head of data":              "roles/head-of-data/",
		"deployment":                "stages/deployment/",
		"deploy":                    "stages/deployment/",
	} {
		if got := newClient(t, files).search(q, 3); len(got) == 0 || got[0].Path != want {
			t.Errorf("%q: %v, want %s first", q, paths(got), want)
		}
	}
}

func paths(rs []result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Path)
	}
	return slices.Clip(out)
}
