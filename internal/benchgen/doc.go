// Package benchgen generates deterministic, realistic sites in rolesite's own
// format for benchmarks, and the equivalent site for Hugo so both generators
// can be timed on the same content.
//
// A site of n pages has 20 stages, about 30% tools and the rest roles. Each
// role names 5 tools, 3 stages, 3 collaborators and 4 skills; every page has
// about 500 words of varied markdown: headings, emphasis, inline code, a
// list, a table, a fenced code block and two relative links to other pages'
// .md files. The same n always gives the same bytes.
package benchgen
