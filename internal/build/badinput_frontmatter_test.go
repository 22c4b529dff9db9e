package build_test

// frontMatterSyntaxCases is front matter that does not parse, in each
// format, or is never closed.
func frontMatterSyntaxCases() []badCase {
	return []badCase{
		// Front matter that does not parse, in each format.
		{name: "yaml does not parse", files: rolePage("---\ntitle: B\nsummary: [a, b\n---\n"),
			want: []string{
				"content/roles/b.md:3:10: YAML front matter does not parse: did not find expected ',' or ']': the list opened here with [ is never closed; end it with ], with a comma between items",
			}},
		{name: "yaml bad indentation", files: rolePage("---\ntitle: B\n  summary: x\n---\n"),
			want: []string{
				`content/roles/b.md:3:10: YAML front matter does not parse: mapping values are not allowed in this context: quote a value that holds ": " ("a: b"), or indent a nested mapping on a line of its own`,
			}},
		{name: "yaml duplicate key", files: rolePage("---\ntitle: B\nsummary: x\ntitle: C\n---\n"),
			want: []string{
				`content/roles/b.md:4:1: YAML front matter: key "title" given twice in one mapping (first at line 2): a field may appear once; remove one`,
			}},
		{name: "yaml tab indentation", files: rolePage("---\ntitle: B\ntools:\n\t- spark\n---\n"),
			want: []string{
				"content/roles/b.md:4:1: YAML front matter does not parse: a tab where YAML wants spaces (found character that cannot start any token): indent with spaces, not tabs",
			}},
		{name: "toml does not parse", files: rolePage("+++\ntitle = \"B\"\nsummary = 'x\n+++\n"),
			want: []string{
				"content/roles/b.md:3:13: TOML front matter does not parse: strings cannot contain newlines: close the string on its line, or use triple quotes for text over several lines",
			}},
		{name: "toml duplicate key", files: rolePage("+++\ntitle = \"B\"\ntitle = \"C\"\n+++\n"),
			want: []string{
				"content/roles/b.md:3:1: TOML front matter does not parse: Key 'title' has already been defined: a key or table may appear once; remove one, or merge the two",
			}},
		{name: "json does not parse", files: rolePage("{\n  \"title\": \"B\"\n  \"summary\": \"x\"\n}\n\n"),
			want: []string{
				`content/roles/b.md:3:3: JSON front matter does not parse: invalid character '"' after object key:value pair (is a comma missing?)`,
			}},
		{name: "json not an object", files: rolePage("---json\n[1, 2]\n---\n"),
			want: []string{
				`content/roles/b.md:2:1: JSON front matter must be an object of fields ({"title": ..., "summary": ...})`,
			}},
		// A front matter block never closed.
		{name: "yaml never closed", files: rolePage("---\ntitle: B\n\n# Body\n"),
			want: []string{
				"content/roles/b.md:1:1: front matter opened here with --- is never closed: add a line holding only --- after the last field",
			}},
		{name: "toml never closed", files: rolePage("+++\ntitle = \"B\"\n"),
			want: []string{
				"content/roles/b.md:1:1: front matter opened here with +++ is never closed: add a line holding only +++ after the last field",
			}},
		{name: "json never closed", files: rolePage("{\n  \"title\": \"B\"\n\n# Body\n"),
			want: []string{
				"content/roles/b.md:1:1: JSON front matter opened here is never closed: end it with a line holding only } followed by a blank line",
			}},
	}
}

// fieldTypeCases gives known fields values of the wrong type.
func fieldTypeCases() []badCase {
	return []badCase{
		{name: "relation as a string", files: rolePage("---\ntitle: B\ntools: \"spark\"\n---\n"),
			want: []string{
				`content/roles/b.md:3:1: tools must be a list of slugs of pages in tools, such as [spark], not the string "spark"`,
			}},
		{name: "order as a word", files: rolePage("---\ntitle: B\norder: \"first\"\n---\n"),
			want: []string{
				`content/roles/b.md:3:1: order must be a whole number, not the string "first": write order: 3`,
			}},
		{name: "draft as a word", files: rolePage("---\ntitle: B\ndraft: \"yes\"\n---\n"),
			want: []string{
				`content/roles/b.md:3:1: draft must be true or false, not the string "yes": write draft: true, or draft: false`,
			}},
		{name: "title as a list", files: rolePage("---\ntitle: [B]\n---\n"),
			want: []string{
				"content/roles/b.md:2:1: title must be a string, not a list: write title: The Page's Title",
			}},
		{name: "relation item not a string", files: rolePage("---\ntitle: B\ntools: [spark, 3]\n---\n"),
			want: []string{
				"content/roles/b.md:3:1: tools must be a list of slugs of pages in tools, such as [spark], not a list holding the number 3",
			}},
		{name: "wrong types in toml", files: rolePage("+++\ntitle = \"B\"\ndraft = \"yes\"\ntools = \"spark\"\n+++\n"),
			want: []string{
				`content/roles/b.md:3:1: draft must be true or false, not the string "yes": write draft: true, or draft: false`,
				`content/roles/b.md:4:1: tools must be a list of slugs of pages in tools, such as [spark], not the string "spark"`,
			}},
		{name: "wrong types in json", files: rolePage("{\n  \"title\": \"B\",\n  \"order\": \"first\",\n  \"tools\": \"spark\"\n}\n\n"),
			want: []string{
				`content/roles/b.md:3:3: order must be a whole number, not the string "first": write order: 3`,
				`content/roles/b.md:4:3: tools must be a list of slugs of pages in tools, such as [spark], not the string "spark"`,
			}},
	}
}

// relationCases name pages or sections that do not exist.
func relationCases() []badCase {
	return []badCase{
		{name: "unknown relation slug", files: rolePage("---\ntitle: B\ntools: [sparkk, spark, nope]\n---\n"),
			want: []string{
				`content/roles/b.md:3:9: tools: no page "sparkk" in section tools (did you mean spark?)`,
				`content/roles/b.md:3:24: tools: no page "nope" in section tools`,
			}},
		{name: "relation to an unknown section", files: map[string]string{
			"content/roles/_index.md": "---\ntitle: Roles\nrelations:\n  mentors: peoples\n---\n"},
			want: []string{
				`content/roles/_index.md:4:12: relations: mentors names section "peoples", which does not exist`,
			}},
		{name: "declared relation slug unknown", files: rolePage("---\ntitle: B\ncollaborates_with: [x]\n---\n"),
			want: []string{
				`content/roles/b.md:3:21: collaborates_with: no page "x" in section roles (did you mean a?)`,
			}},
	}
}

// emptyFileCases are pages with no front matter or nothing but it.
func emptyFileCases() []badCase {
	return []badCase{
		{name: "empty file", files: rolePage(""),
			want: []string{
				`content/roles/b.md:1:1: missing title: start the file with front matter such as "---\ntitle: ...\n---"`,
			}},
		{name: "blank file", files: rolePage(" \n\n"),
			want: []string{
				`content/roles/b.md:1:1: missing title: start the file with front matter such as "---\ntitle: ...\n---"`,
			}},
		{name: "only front matter", files: rolePage("---\ntitle: B\nsummary: Nothing else.\n---"),
			check: contains(map[string][]string{"roles/b/index.html": {"<h1>B</h1>"}})},
	}
}
