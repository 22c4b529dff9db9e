package sitefiles

import "testing"

func TestIsPage(t *testing.T) {
	for name, want := range map[string]bool{
		"content/roles/a.md":          true,
		"content/_index.md":           true,
		"content/roles/deep/x.md":     true,
		"content/roles/a.MD":          false,
		"content/roles/.a.md":         false,
		"content/.git/a.md":           false,
		"content/roles/a.md~":         false,
		"content/roles/#a.md#":        false,
		"content/roles/a.md.swp":      false,
		"content/roles/a.md___jb_tmp": false,
		"static/a.md":                 false,
		"content":                     false,
	} {
		if got := IsPage(name); got != want {
			t.Errorf("IsPage(%q) = %v, want %v", name, got, want)
		}
	}
}
