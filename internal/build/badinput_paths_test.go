package build_test

// escapingPathCases are slugs, aliases and folder names that try to leave
// the output or are not names at all.
func escapingPathCases() []badCase {
	return []badCase{
		{name: "alias leaves the output", files: rolePage("---\ntitle: B\naliases: [../../x, /a/../../x, \"%2e%2e/x\", \"%252e%252e/x\", '..\\x', /etc/passwd/../../x]\n---\n"),
			want: []string{
				`content/roles/b.md:3:11: aliases: "../../x" may not contain empty, . or .. segments`,
				`content/roles/b.md:3:20: aliases: "/a/../../x" may not contain empty, . or .. segments`,
				`content/roles/b.md:3:33: aliases: "%2e%2e/x" may not contain empty, . or .. segments`,
				`content/roles/b.md:3:45: aliases: "%252e%252e/x" may not contain empty, . or .. segments`,
				`content/roles/b.md:3:61: aliases: "..\\x" may not contain control characters or backslashes`,
				`content/roles/b.md:3:68: aliases: "/etc/passwd/../../x" may not contain empty, . or .. segments`,
			}},
		{name: "alias absolute or a URL", files: rolePage("---\ntitle: B\naliases: [\"//evil.example/x\", \"https://evil.example/\", \"C:/x\", \"file:///etc/passwd\"]\n---\n"),
			want: []string{
				`content/roles/b.md:3:12: aliases: "//evil.example/x" must be a path on this site such as /old/name/, not a URL`,
				`content/roles/b.md:3:32: aliases: "https://evil.example/" must be a path on this site such as /old/name/, not a URL`,
				`content/roles/b.md:3:57: aliases: "C:/x" must be a path on this site such as /old/name/, not a URL`,
				`content/roles/b.md:3:65: aliases: "file:///etc/passwd" must be a path on this site such as /old/name/, not a URL`,
			}},
		{name: "alias absolute path stays inside", files: rolePage("---\ntitle: B\naliases: [/etc/passwd]\n---\n"),
			check: contains(map[string][]string{"etc/passwd/index.html": {`/roles/b/`}})},
		// A dot-file is not content (as editors' and tools' files are not).
		{name: "file name that is not a slug", files: map[string]string{"content/roles/%2e%2e.md": "---\ntitle: B\n---\n", "content/roles/..md": "---\ntitle: C\n---\n"},
			want: []string{
				`content/roles/%2e%2e.md:1:1: file name "%2e%2e.md" cannot be a slug: use letters, digits and hyphens only, e.g. "2e-2e.md"`,
			}},
		{name: "folder name that is not a section", files: map[string]string{"content/%2e%2e/x.md": "---\ntitle: X\n---\n"},
			want: []string{
				// The suggestion should be a folder name, without ".md":
				// internal/site/resolve.go suggestName is for files.
				`content/%2e%2e/x.md:1:1: folder name "%2e%2e" cannot be a section: use letters, digits and hyphens only, e.g. "2e-2e"`,
			}},
	}
}

// outputCollisionCases make two sources write the same output file.
func outputCollisionCases() []badCase {
	return []badCase{
		{name: "page and alias collide", files: rolePage("---\ntitle: B\naliases: [/roles/a/]\n---\n"),
			want: []string{
				"content/roles/b.md:3:11: aliases: content/roles/a.md and content/roles/b.md both write roles/a/index.html; remove the alias or rename the page",
			}},
		{name: "two aliases collide", files: map[string]string{
			"content/roles/b.md": "---\ntitle: B\naliases: [/old/]\n---\n",
			"content/roles/c.md": "---\ntitle: C\naliases: [/old/index.html]\n---\n"},
			want: []string{
				"content/roles/c.md:3:11: aliases: content/roles/b.md and content/roles/c.md both write old/index.html; remove the alias or rename the page",
			}},
		{name: "page and static file collide", files: map[string]string{"static/roles/a/index.html": "<p>static</p>"},
			want: []string{
				"content/roles/a.md:1:1: output collision: static/roles/a/index.html and content/roles/a.md both write roles/a/index.html; rename one of them",
			}},
		{name: "alias and static file collide", files: map[string]string{
			"content/roles/b.md": "---\ntitle: B\naliases: [/old.html]\n---\n",
			"static/old.html":    "<p>static</p>"},
			want: []string{
				"content/roles/b.md:3:11: aliases: static/old.html and content/roles/b.md both write old.html; remove the alias or rename the page",
			}},
		{name: "alias and generated file collide", files: rolePage("---\ntitle: B\naliases: [/search/, /404.html]\n---\n"),
			want: []string{
				"content/roles/b.md:3:11: aliases: templates/search.html and content/roles/b.md both write search/index.html; remove the alias or rename the page",
				"content/roles/b.md:3:21: aliases: templates/404.html and content/roles/b.md both write 404.html; remove the alias or rename the page",
			}},
		{name: "section and static file collide", files: map[string]string{"static/tools/index.html": "<p>static</p>"},
			want: []string{
				"content/tools/: output collision: static/tools/index.html and content/tools/ both write tools/index.html; rename one of them",
			}},
	}
}
