package build_test

// encodingCases are bytes that are not plain UTF-8 text with \n line
// endings: a byte order mark, other line endings, invalid UTF-8, NUL bytes.
func encodingCases() []badCase {
	return []badCase{
		{name: "byte order mark", files: rolePage("\uFEFF---\ntitle: B\n---\nText.\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<h1>B</h1>", "<p>Text.</p>"}})},
		{name: "crlf", files: rolePage("---\r\ntitle: B\r\nsummary: Line endings.\r\ntools: [spark]\r\n---\r\n# Head\r\n\r\nSee [Spark](../tools/spark.md#nope).\r\n"),
			want: []string{
				"content/roles/b.md:8:5: link to ../tools/spark.md#nope: content/tools/spark.md has no heading with that ID",
			}},
		{name: "crlf builds", files: rolePage("---\r\ntitle: B\r\ntools: [spark]\r\n---\r\n# Head\r\n\r\nSee [A](a.md#work).\r\n"),
			check: contains(map[string][]string{"roles/b/index.html": {`href="/roles/a/#work"`}})},
		{name: "lone carriage returns", files: rolePage("---\rtitle: B\r---\rText.\r"),
			check: contains(map[string][]string{"roles/b/index.html": {"<h1>B</h1>", "<p>Text.</p>"}})},
		{name: "invalid utf-8", files: rolePage("---\ntitle: B\n---\nCaf\xe9\n"),
			want: []string{
				"content/roles/b.md:4:4: invalid UTF-8 (byte 0xe9): save the file as UTF-8",
			}},
		{name: "invalid utf-8 in front matter", files: rolePage("---\ntitle: \xff\n---\n"),
			want: []string{
				"content/roles/b.md:2:8: invalid UTF-8 (byte 0xff): save the file as UTF-8",
			}},
		{name: "nul byte", files: rolePage("---\ntitle: B\n---\nA\x00B\n"),
			want: []string{
				"content/roles/b.md:4:2: file contains a NUL byte: it looks like a binary file, not markdown; remove it or rename it so it does not end in .md",
			}},
		{name: "binary file", files: rolePage("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"),
			want: []string{
				"content/roles/b.md:3:1: file contains a NUL byte: it looks like a binary file, not markdown; remove it or rename it so it does not end in .md",
			}},
	}
}
