package build_test

import (
	"strings"
	"time"
)

// deepNestingCases nest markdown blocks and inlines thousands deep.
func deepNestingCases() []badCase {
	return []badCase{
		{name: "10000-deep list", cpu: true, files: rolePage("---\ntitle: B\n---\n" + strings.Repeat("- ", 10000) + "x\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<ul>\n<li>\n<ul>"}})},
		{name: "10000-deep ordered list", cpu: true, files: rolePage("---\ntitle: B\n---\n" + strings.Repeat("1. ", 10000) + "x\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<ol>\n<li>\n<ol>"}})},
		{name: "10000-deep blockquote", cpu: true, files: rolePage("---\ntitle: B\n---\n" + strings.Repeat(">", 10000) + " x\n" + strings.Repeat("lazy line\n", 100)),
			check: contains(map[string][]string{"roles/b/index.html": {"<blockquote>\n<blockquote>"}})},
		{name: "10000-deep mixed", cpu: true, files: rolePage("---\ntitle: B\n---\n" + strings.Repeat("> - ", 5000) + "x\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<blockquote>\n<ul>\n<li>\n<blockquote>"}})},
		// Nested by indentation, each level costs goldmark a scan of every
		// line at every open level (cubic in the depth: 1,000 deep, a 1 MB
		// file, takes a second), so this one stops at 500.
		{name: "500-deep indented list", cpu: true, files: rolePage("---\ntitle: B\n---\n" + indentedList(500)),
			check: contains(map[string][]string{"roles/b/index.html": {"<ul>\n<li>"}})},
		{name: "10000-deep emphasis and brackets", cpu: true, files: rolePage("---\ntitle: B\n---\n" + strings.Repeat("*[", 10000) + "x" + strings.Repeat("]*", 10000) + "\n"),
			check: contains(map[string][]string{"roles/b/index.html": {"<h1>B</h1>"}})},
	}
}

// bigPageCases are pages far bigger than any an author writes.
func bigPageCases() []badCase {
	return []badCase{
		// A big page: time linear in its size.
		{name: "50 MB page", slow: true, limit: 30 * time.Second,
			files: rolePage("---\ntitle: B\n---\n" + strings.Repeat(bigChunk, 50<<20/len(bigChunk))),
			check: contains(map[string][]string{"roles/b/index.html": {`<h2 id="overview-4999">`, `href="/roles/a/#work"`}})},
	}
}

// indentedList is a list nested n deep by indentation, each item on its own
// line: n² bytes of spaces, so 10,000 deep would be a 100 MB file.
func indentedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- x\n")
	}
	return b.String()
}

// bigChunk is about 700 bytes of the markdown a role page holds: headings
// (the same ones again and again), emphasis, code, links to other pages and
// to a heading, a nested list, a table, a fenced block and a quote.
const bigChunk = "## Overview\n\nA *data engineer* builds **pipelines** that move data from `source` to the warehouse; " +
	"see [Spark](../tools/spark.md) and [A](a.md#work).\n\n- ingest events with a streaming job\n- validate the schema, then load\n" +
	"  1. nested step one\n  2. nested step two\n\n| stage | tool | notes |\n|---|---|---|\n| ingest | Kafka | at-least-once |\n" +
	"| store | S3 | parquet files |\n\n```python\nimport pandas as pd\ndf = pd.read_parquet('x')\n```\n\n" +
	"> A quote about data quality, with https://example.org/autolink in it.\n\n"
