package render

import "testing"

func TestMergeSymmetric(t *testing.T) {
	out := []Group{{Field: "works_with", Label: "Works with", Links: []Link{{Title: "B", URL: "/b/"}}}, {Field: "tools", Label: "Tools", Links: []Link{{Title: "T", URL: "/t/"}}}}
	in := []Group{{Field: "works_with", Label: "Works with", Links: []Link{{Title: "B", URL: "/b/"}, {Title: "C", URL: "/c/"}}}, {Field: "tools", Label: "Used by", Links: []Link{{Title: "X", URL: "/x/"}}}}
	o, i := mergeSymmetric(out, in, func(f string) bool { return f == "works_with" })
	if len(o) != 2 || len(o[0].Links) != 2 || o[0].Links[1].Title != "C" {
		t.Errorf("out = %+v", o)
	}
	if len(i) != 1 || i[0].Label != "Used by" {
		t.Errorf("in = %+v", i)
	}
}

// TestMergeOnlySymmetric: groups of the same label but a field not
// declared symmetric, or of another field, keep their direction.
func TestMergeOnlySymmetric(t *testing.T) {
	for name, c := range map[string]struct {
		inField string
		sym     bool
	}{
		"not symmetric": {"people", false},
		"another field": {"mentors", true},
	} {
		out := []Group{{Field: "people", Label: "People", Links: []Link{{Title: "Y", URL: "/y/"}}}}
		in := []Group{{Field: c.inField, Label: "People", Links: []Link{{Title: "Z", URL: "/z/"}}}}
		o, i := mergeSymmetric(out, in, func(string) bool { return c.sym })
		if len(o) != 1 || len(o[0].Links) != 1 || len(i) != 1 || i[0].Links[0].Title != "Z" {
			t.Errorf("%s: out = %+v, in = %+v", name, o, i)
		}
	}
}
