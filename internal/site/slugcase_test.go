package site

import (
	"strings"
	"testing"
)

// A relation names a page by its slug exactly as its file is named; one
// that differs in case only is reported, whether the file's name is
// lower-case or not.
func TestRelationSlugCase(t *testing.T) {
	s, diags := Resolve(inputsOf(t, map[string]string{
		"content/_index.md":        "---\ntitle: Case\n---\n",
		"content/tools/Spark.md":   "---\ntitle: Spark\n---\n",
		"content/tools/kafka.md":   "---\ntitle: Kafka\n---\n",
		"content/roles/exact.md":   "---\ntitle: Exact\ntools: [Spark, kafka]\n---\n",
		"content/roles/lowered.md": "---\ntitle: Lowered\ntools: [spark]\n---\n",
		"content/roles/raised.md":  "---\ntitle: Raised\ntools: [Kafka]\n---\n",
	}), Options{})
	var got []string
	for _, d := range diags {
		got = append(got, d.Path+": "+d.Message)
	}
	want := []string{
		`content/roles/lowered.md: tools: "spark" differs from the file name Spark.md in case; write Spark`,
		`content/roles/raised.md: tools: "Kafka" differs from the file name kafka.md in case; write kafka`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range s.Pages {
		if p.Src.Slug != "exact" {
			continue
		}
		if len(p.Out) != 1 || len(p.Out[0].Pages) != 2 {
			t.Fatalf("exact links %v", p.Out)
		}
		if a, b := p.Out[0].Pages[0].Src.Slug, p.Out[0].Pages[1].Src.Slug; a != "Spark" || b != "kafka" {
			t.Errorf("exact links %s and %s, want Spark and kafka", a, b)
		}
	}
}
