package diagram

import (
	"fmt"
	"strings"
)

// atlas is the lifecycle of the repository's own content: 12 stages, the
// roles named for each, and the two loops.
func atlas() ([]Stage, []Loop) {
	stages := []string{
		"Framing the business problem and KPIs", "Data collection and ingestion", "Storage and access",
		"Cleaning and transformation (ETL)", "Exploration and analysis", "Feature engineering",
		"Model development and training", "Evaluation and validation", "Deployment", "Monitoring",
		"Governance", "Reporting and communication",
	}
	roles := map[string][]int{ // role -> stages (1-based, as in the content)
		"AI Engineer":               {7, 9, 10},
		"Business Analyst":          {1, 8, 12},
		"Business Unit Leader":      {1, 12},
		"Citizen Data Scientist":    {1, 7, 8, 9},
		"Data Analyst":              {2, 4, 5, 12},
		"Data Engineer":             {2, 3, 4, 11},
		"Data Scientist":            {1, 5, 6, 7, 8, 10, 12},
		"Deep Learning Engineer":    {7, 8, 9},
		"DevOps Engineer":           {9, 10},
		"Machine Learning Engineer": {7, 8, 9, 10, 11},
		"MLOps Engineer":            {7, 9, 10, 11},
		"Product Manager":           {1, 9, 12},
		"Production Engineer":       {9, 10},
		"Researcher":                {7},
		"Software Engineer":         {9},
		"Subject Matter Expert":     {1, 8},
	}
	names := []string{ // alphabetical, as a list page orders them
		"AI Engineer", "Business Analyst", "Business Unit Leader", "Citizen Data Scientist", "Data Analyst",
		"Data Engineer", "Data Scientist", "Deep Learning Engineer", "DevOps Engineer",
		"Machine Learning Engineer", "MLOps Engineer", "Product Manager", "Production Engineer",
		"Researcher", "Software Engineer", "Subject Matter Expert",
	}
	out := make([]Stage, len(stages))
	for i, t := range stages {
		out[i] = Stage{Title: t, URL: "/atlas/stages/" + slug(t) + "/"}
	}
	for _, r := range names {
		for _, s := range roles[r] {
			out[s-1].Roles = append(out[s-1].Roles, Link{r, "/atlas/roles/" + slug(r) + "/"})
		}
	}
	return out, []Loop{{From: 7, To: 5}, {From: 9, To: 1}}
}

// crowded is the worst case the brief names: 12 stages, each with all 15
// roles, and long titles.
func crowded() ([]Stage, []Loop) {
	var stages []Stage
	for i := range 12 {
		s := Stage{Title: fmt.Sprintf("Stage with a rather long and winding name, number %d", i+1), URL: fmt.Sprintf("/s/%d/", i)}
		for j := range 15 {
			s.Roles = append(s.Roles, Link{fmt.Sprintf("%s Engineer %d", strings.Repeat("W", j%4+1), j), fmt.Sprintf("/r/%d/", j)})
		}
		stages = append(stages, s)
	}
	return stages, []Loop{{11, 0}, {7, 5}, {3, 9}}
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// hostile has titles and URLs that must be escaped, and scripts that
// must not be matched as markup.
func hostile() ([]Stage, []Loop) {
	return []Stage{
		{Title: `<script>alert("x")</script>`, URL: `/a?x=1&y="2"`, Roles: []Link{
			{`Tom & "Jerry" <b>`, `/r/'quote'/`},
			{`]]><!-- -->`, `javascript:alert(1)`},
		}},
		{Title: "Ünïcödé 機械学習 ステージ", URL: "https://example.com/a b", Roles: []Link{{"Ingénieur données", "mailto:x@example.com"}}},
		{Title: "W", URL: "", Roles: nil},
	}, []Loop{{2, 0}, {5, 0}, {1, 1}}
}
