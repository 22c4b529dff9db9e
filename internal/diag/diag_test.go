package diag

import "testing"

// TestString: a site file's problem always reads path:line:col; a folder,
// a flag or a built file keeps only what it has.
func TestString(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Path: "content/roles/a.md", Line: 3, Col: 5, Message: "m"}, "content/roles/a.md:3:5: m"},
		{Diagnostic{Path: "content/roles/a.md", Message: "m"}, "content/roles/a.md:1:1: m"},
		{Diagnostic{Path: "templates/page.html", Line: 2, Message: "m"}, "templates/page.html:2:1: m"},
		{Diagnostic{Path: "static/css/x.css", Message: "m"}, "static/css/x.css:1:1: m"},
		{Diagnostic{Path: "content/tools", Message: "m"}, "content/tools: m"},
		{Diagnostic{Path: "--base-url", Message: "m"}, "--base-url: m"},
		{Diagnostic{Path: "output:roles/a/index.html", Line: 8, Message: "m"}, "output:roles/a/index.html:8: m"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.d, got, tc.want)
		}
	}
}
