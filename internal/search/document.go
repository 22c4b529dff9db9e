package search

// A Doc is one page as the index sees it: plain text, no HTML.
type Doc struct {
	Path         string    // URL path relative to the site base, e.g. "roles/data-scientist/" ("" for home)
	Section      string    // section key, e.g. "roles" ("" for home)
	SectionTitle string    // e.g. "Roles"
	Title        string    // page title
	Aliases      []string  // other names of the page, e.g. "DL engineer"
	Summary      string    // one or two sentences; the result snippet
	Headings     []Heading // in page order
	Text         string    // the page's plain body text, headings included, one block a line

	// FilterLabel names the field the section's results can be filtered
	// by ("Category"), or is ""; Filter is the page's value of it
	// ("Storage"). The label is the section's: every page of a section
	// should give the same one.
	FilterLabel string
	Filter      string

	// TextKey, when not 0, stands for Text and Headings between calls of
	// an Indexer: a doc whose TextKey is as before has the same text and
	// headings (a build gives the loading of the page's file). The index
	// then tells whether the page changed without reading its text.
	TextKey uint64
}

// A Heading is one heading of a page's body: its text, which begins a
// line of Doc.Text, and the fragment ID that links to it.
type Heading struct {
	ID   string
	Text string
}
