package render

import "testing"

func TestMergeSymmetric(t *testing.T) {
	out := []Group{{Label: "Works with", Links: []Link{{Title: "B", URL: "/b/"}}}, {Label: "Tools", Links: []Link{{Title: "T", URL: "/t/"}}}}
	in := []Group{{Label: "Works with", Links: []Link{{Title: "B", URL: "/b/"}, {Title: "C", URL: "/c/"}}}, {Label: "Used by", Links: []Link{{Title: "X", URL: "/x/"}}}}
	o, i := mergeSymmetric(out, in)
	if len(o) != 2 || len(o[0].Links) != 2 || o[0].Links[1].Title != "C" {
		t.Errorf("out = %+v", o)
	}
	if len(i) != 1 || i[0].Label != "Used by" {
		t.Errorf("in = %+v", i)
	}
}
