// Package search builds the site's full-text search index at build time,
// as static files that static/js/search.js queries in the browser. Nothing
// runs on a server; the index works offline and under any base path.
//
// # What it owns
//
// Index takes one Doc per page (plain text: title, aliases, summary,
// headings with their IDs, body, section, and the value of the field the
// section's results can be filtered by) and returns the index files,
// keyed by slash path under "search/". It never reads or writes disk and
// knows nothing of HTML, templates or URLs beyond the relative Path it is
// given. The same docs, in any order, give byte-identical files.
//
// An Indexer returns what Index returns, again and again as pages change,
// for the dev server. It takes a count and a func(i) Doc that makes docs
// on demand, calls it once for each page, and reads a doc's text only
// while it analyses the page: a build need not hold every page's text at
// once. It keeps each page's terms, scores and files, keyed by the page's
// path and a 64-bit hash of its doc (not the doc), and the previous call's
// index and files; after an edit that keeps page numbers it patches the
// postings of the changed pages' terms and encodes again only the files
// whose bytes change, returning the same []byte for the others. A page
// added or removed renumbers the pages after it in its bucket; the index
// is then inverted again, without analysing unchanged pages. IndexTo serves a
// build that streams its output and indexes once: it hands each page's
// passages file (most of the index's bytes) to a sink as it is made and
// keeps none. TestIndexerMatchesIndex holds the two to the same bytes after random
// edits, and TestIndexMatchesReference holds Index to a naive
// implementation of this specification, with plain maps and sorting, in
// reference_test.go and reference_score_test.go.
//
// # Terms
//
// Text is split into tokens: runs of Unicode letters and digits
// (combining marks continue a run), lower-cased, at most 32 runes. A single
// letter followed by "++" or "#" keeps them ("c++", "c#"). Everything else
// separates: "CI/CD" is "ci" and "cd". A term is the Snowball (Porter2)
// English stem of a token, as github.com/kljensen/snowball gives it:
// "deploys", "deploying" and "deployment" are all "deploy". Stop words
// ("the", "who", ...) are indexed as they are. Before it is stemmed, a
// token is folded: decomposed (NFD), without the combining diacritical
// marks U+0300..U+036F, composed again (NFC), and ß, æ, œ, ø, ł, đ written
// ss, ae, oe, o, l, d ("Café" is "cafe", "Ångström" "angstrom"). Then
// British and American spellings are made one, by the first rule that
// applies (variants.go): a token ending in iz or yz then e, es, ed, er,
// ers, ing, ation, ations or able, after at least 3 runes, has s for z
// ("organize" is "organise", "analyzing" "analysing"); one ending in our
// then nothing, s, ed, ing, ful, ite, ites, able, er or ers, after at
// least 3 runes, drops the u ("colour" is "color"); tre and bre, then
// nothing or s, after at least 2 runes, are ter and ber, and tred, bred
// tered, bered ("centre" is "center"); ogue and ogues after at least 3
// runes are og and ogs ("catalogue" is "catalog"). search.js applies the
// same rules to the query, with a port of the folding, the spelling rules
// and the stemmer in search/stem.js; TestBrowserStemmerAgrees holds the
// two together.
//
// # Scores
//
// Each term gets a score per page, computed here once: BM25F's saturated
// term frequency, from the fields the term is in and its count in the
// body (see score.go: title 8, alias 6, heading 3, summary 2, body count
// normalised by the page's length against a fixed 400 tokens, k1 1.2,
// b 0.75), as 1..255. A page's scores depend on the page alone, so an
// edit changes no other page's scores. The client weighs a score by the
// term's inverse document frequency.
//
// A page is named by its title and its aliases. A name's terms are its
// distinct terms that are not stop words (a term is one if its first token
// in the name is), or all of them if it has no other: "Head of Data" has
// 2. With its score, a term's value in a page records the names it is in:
// value = score + 256·names, where bit n−1 of names is set if the term is
// in a name of n terms, n ≤ 8 (names.go).
//
// # Files
//
//	search/meta.json          {"v":4,"docs":N,"buckets":B,"sections":[[key,title(,filterLabel)],...],"shards":[key,...]}
//	search/t/KEY.json         {"term":[("form",)df,doc,value,doc,value,...],...,"prefix*":[...]}
//	search/d/K.json           [[path,title,section,snippet(,filter)],...]
//	search/x/NAME.json        [[id,heading,text],...]
//
// Pages are numbered so that a page keeps its number while others come
// and go, and a deploy uploads only the files that depend on an edit
// (TestDeployDiff in internal/build). B, the number of buckets, is the
// smallest power of two with B·8 ≥ N. A page's bucket K is the 32-bit
// FNV-1a hash of its Path modulo B; the pages of a bucket, in Path order
// (then Title, then position), have slots 0, 1, ...; a page's number is
// slot·B + K. Adding, removing or renaming a page renumbers only the pages
// after it in its bucket (about 4), unless B changes, which renumbers
// every page. The page table has one file per bucket that holds pages,
// its rows by slot: row doc / B of search/d/(doc mod B).json. Showing 10
// results downloads at most 10 small files; a result's section is an
// index into meta.sections, whose order is by key, and a section's title
// and filter label are the first non-empty ones its pages give in Path
// order.
// A section whose pages give a FilterLabel has it as a third element, and
// its pages' rows their Filter value as a fifth, when not empty.
//
// The inverted index is split into shards named by a prefix of the terms
// they hold; a term lives in the shard whose key is the longest key in
// meta.shards that begins it. A prefix whose terms would take more than
// about 16 kB is split by the next rune, recursively; its own shard then
// keeps the term equal to the prefix, if any, and the entry "prefix*", the
// union of every term that begins with it, which the client uses to match a
// typed prefix without fetching every sub-shard. Shard file names spell the
// key with a-z and 0-9 and write other runes as _hex_.
//
// In an entry, df is the number of pages with the term; then come (page,
// value) pairs by page number, each number after the first a delta from
// the previous; a prefix's entry has each page's best score, and no
// names. A term's entry starts with its form when that is not the term
// itself: the word the reader is shown for it (forms.go). Each page
// gives each of its terms the shortest word it writes for it (in bytes,
// then first in byte order; lower-cased, not folded), and the form is the
// one the most pages give, ties going to the shorter, then the first in
// byte order: "databas" is shown as "database", "engin" as "engineer".
// A term in more than 200 pages keeps only its 200 best-scoring pages: its
// list is a sample, which the client recognises by df being larger than
// the number of pairs.
//
// A page's passages file is named for its path, all in one folder (see
// passagesFile: "roles/data-scientist/" is search/x/roles.data-scientist.json,
// the home page's search/x/_.json). It holds the page's text cut at its headings: a heading starts a section
// where a line of the text equals its text, headings being found in
// order; one not found leaves its text to the section before. The text
// before the first heading, if any, comes first, with id and heading "".
//
// # Queries (search.js)
//
// A query is split into tokens like the text. Stop words are dropped
// unless the query has nothing else; then the first 8 tokens count. Every
// token matches the term that is its stem, exactly. The last token, if the
// query does not end with a separator and it has at least two runes, also
// matches as a prefix (folded): every term beginning with it counts, with
// its best score per page ("spa" finds Spark); and if the token is a
// proper prefix of its own term's form (folded: "tabl" of "table"), its
// term counts as a prefix match too, the word being still short of it. A token of 5 or more runes that
// matches nothing is looked up, by its stem, among the terms of its
// shard within 1 edit (2 for 8 or more runes; a swap of neighbours is one
// edit), the nearest (then the commonest) standing in for it, and the
// reader is told "Showing results for" that term's form ("databse" shows
// results for "database"); passages mark the words of that term.
//
// A page's score is the sum over tokens of the term's score there times
// its weight, round(1000·ln(1 + (N − df + 0.5)/(df + 0.5))), where df is
// the number of distinct pages in the lists merged when every one is
// complete, else the largest df among them: for a page the token matches
// exactly, its exact list (or the correction's), else all its lists, the
// prefix ones too, with the page's best score among them. Every page that
// matches a token is a result: results are ordered by the number of tokens
// matched, then the number matched exactly (so a prefix match never
// outranks an exact one; a sampled list, which may leave out pages with
// the term, does not count here), then how fully the query names the page, then
// score, then page number, and the dropdown groups its first 10 by section
// in the order their best result appears. The query names a page in n
// terms if n of its tokens match, by their own term (exactly, by a
// correction, or still short of its form), terms in names of n terms of
// the page; the largest such n counts, so a page whose title or an alias
// is the query's words comes first ("data scientist": Data Scientist
// before Citizen Data Scientist), and a title matched in full before one
// matched in part. Two names of one page with as many terms each count as
// one there.
//
// Once typing pauses, the first 5 results show their best passage: the
// sentence, or two when the first is short, with the most distinct query
// words, then the most matches, with the words that match in <mark> (the
// last token's prefix only in a page that matched it as a prefix); and
// up to 3 sections whose heading or text matches, as links to path#id.
// The search page (search/?q=) shows the first 50, filtered by section
// and by a section's declared field, as its URL says (search/page.js).
// A query without results says so, and offers the nearest words (terms
// within 2 edits, shown by their forms) and the section lists.
//
// The first query downloads the script and the stemmer, meta.json, one
// or two shards per query token (at most about 16 kB each), the chunks of
// the 10 results shown and the passages of 5; on a generated 10,000-page
// site that is 60-90 kB for ordinary queries and at most about 220 kB for
// any query at all, which TestFirstQueryBudget checks against the budgets
// (100 kB, 250 kB). The browser tests (which need chromium) check that
// search.js agrees with the Go model of it in client_test.go, its
// keyboard behaviour, the search page's filters, and its speed: under
// 10 ms per query on that site once the files are loaded.
package search
