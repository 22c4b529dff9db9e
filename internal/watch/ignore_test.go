package watch

import "testing"

func TestIgnoredPath(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		// Real files.
		{"content/roles/data-scientist.md", false},
		{"content/_index.md", false},
		{"static/css/site.css", false},
		{"static/fonts/inter.woff2", false},
		{"templates/page.html", false},
		{"static/img/4912", false},
		{"static/img/4913.png", false},
		{"static/data/tmp.json", false},
		{"static/data/x.template", false},
		{"content/tools/#hash.md", false},
		{"static/data/5000", false},
		{"static/.well-known/security.txt", false},
		{"static/.nojekyll", false},
		{"static/.htaccess", false},
		{"static/.well-known/.x.swp", true},
		// Dot-files and dot-folders anywhere.
		{"content/.DS_Store", true},
		{"content/.git/HEAD", true},
		{".git/index", true},
		{"content/roles/.hidden/x.md", true},
		// vim.
		{"content/roles/4913", true},
		{"content/roles/5036", true},
		{"content/roles/5159", true},
		{"content/roles/x.md~", true},
		{"content/roles/.x.md.swp", true},
		{"content/roles/.x.md.swx", true},
		{"content/roles/x.md.swp", true},
		{"content/roles/x.md.swo", true},
		// emacs.
		{"content/roles/.#x.md", true},
		{"content/roles/#x.md#", true},
		// JetBrains safe write.
		{"content/roles/x.md___jb_tmp___", true},
		{"content/roles/x.md___jb_old___", true},
		// VS Code atomic write.
		{"content/roles/x.md.vsctmp", true},
		// Sublime Text, gedit, Kate, Chromium.
		{"content/roles/.subl3f2.tmp", true},
		{"content/roles/.goutputstream-ABC123", true},
		{"content/roles/x.md.kate-swp", true},
		{"static/app.js.crswap", true},
		// Generic temporary names.
		{"content/roles/x.md.tmp", true},
		{"content/roles/x.md.tmp.12345", true},
		{"content/roles/x.md.tmp.12a", false},
	}
	for _, tt := range tests {
		if got := ignoredPath(tt.path); got != tt.want {
			t.Errorf("ignoredPath(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
