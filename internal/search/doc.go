// Package search builds the site's full-text search index at build time,
// as static files that static/js/search.js queries in the browser. Nothing
// runs on a server; the index works offline and under any base path.
//
// # What it owns
//
// Index takes one Doc per page (plain text: title, summary, headings,
// body, section) and returns the index files, keyed by slash path under
// "search/". It never reads or writes disk and knows nothing of HTML,
// templates or URLs beyond the relative Path it is given. The same docs, in
// any order, give byte-identical files.
//
// An Indexer returns what Index returns, again and again as pages change,
// for the dev server: it keeps each page's terms and scores by the page's
// content and the previous call's index and files, and after an edit that
// keeps page numbers it patches the postings of the changed pages' terms
// and encodes again only the files whose bytes change, returning the same
// []byte for the others. A page added or removed renumbers the pages after
// it; the index is then inverted again, without analysing unchanged pages.
// TestIndexerMatchesIndex holds the two to the same bytes after random
// edits, and TestIndexMatchesReference holds Index to a naive
// implementation of this specification, with plain maps and sorting, in
// reference_test.go.
//
// # Terms
//
// Text is split into terms by tokens: runs of Unicode letters and digits
// (combining marks continue a run), lower-cased, at most 32 runes. A single
// letter followed by "++" or "#" keeps them ("c++", "c#"). Everything else
// separates: "CI/CD" is "ci" and "cd". search.js applies the same rules to
// the query.
//
// # Scores
//
// Each term gets a score per page, computed here once: 60 if it is in the
// title, plus 24 in a heading, plus 12 in the summary, plus 2 to 10 growing
// with the logarithm of its count in the body. Each weight exceeds the sum
// of those below it, so for one word a title match outranks a heading match,
// which outranks a summary match, which outranks any body match.
//
// # Files
//
//	search/meta.json   {"v":1,"docs":N,"chunk":8,"sections":[[key,title],...],"shards":[key,...]}
//	search/t/KEY.json  {"term":[df,doc,score,doc,score,...],...,"prefix*":[...]}
//	search/d/N.json    [[path,title,section,snippet],...]
//
// Pages are numbered in Path order. The page table is split into chunks of
// 8 pages, so showing 20 results downloads at most 20 small files; a
// result's section is an index into meta.sections, whose order is by key.
//
// The inverted index is split into shards named by a prefix of the terms
// they hold; a term lives in the shard whose key is the longest key in
// meta.shards that begins it. A prefix whose terms would take more than
// about 24 kB is split by the next rune, recursively; its own shard then
// keeps the term equal to the prefix, if any, and the entry "prefix*", the
// union of every term that begins with it, which the client uses to match a
// typed prefix without fetching every sub-shard. Shard file names spell the
// key with a-z and 0-9 and write other runes as _hex_.
//
// In an entry, df is the number of pages with the term; then come (page,
// score) pairs, each page number after the first a delta from the previous.
// A term in more than 200 pages keeps only its 200 best-scoring pages: its
// list is a sample, which the client recognises by df being larger than
// the number of pairs.
//
// # Queries (search.js)
//
// A query is split into terms like the text; the first 8 count. The last
// term, if the query does not end with a separator and it has at least two
// runes, matches as a prefix: every term beginning with it counts, with its best score per page
// ("spa" finds Spark). Every other term matches exactly. A page's score is
// the sum of its scores for the query's terms. Complete lists are ANDed;
// sampled lists never exclude a page, they only add score; when every list
// is sampled, their union is ranked. Results are ordered by the number of
// query terms matched, then score, then page number, and grouped by section
// in the order their best result appears.
//
// The first query downloads the script, meta.json, one shard per query term
// (at most about 24 kB each) and the chunks of the 20 results shown; on a
// generated 10,000-page site that is 50-100 kB for ordinary queries and at
// most about 250 kB for any query at all, which TestFirstQueryBudget checks
// against the 300 kB budget. The browser tests (which need chromium) check
// that search.js agrees with the Go model of it in client_test.go, its
// keyboard behaviour, and its speed: a few milliseconds per query on that
// site once the files are loaded.
package search
