package search

// A Doc is one page as the index sees it: plain text, no HTML.
type Doc struct {
	Path         string   // URL path relative to the site base, e.g. "roles/data-scientist/" ("" for home)
	Section      string   // section key, e.g. "roles" ("" for home)
	SectionTitle string   // e.g. "Roles"
	Title        string   // page title
	Summary      string   // one or two sentences; the result snippet
	Headings     []string // heading texts, in page order
	Text         string   // the page's plain body text

	// TextFrom, when set, gives the text in place of Text: the index calls
	// it once, when it analyses the page, and keeps nothing of what it
	// returns, so that a build need not hold every page's text at once.
	// An Indexer never takes such a Doc as unchanged since an earlier call.
	TextFrom func() string
}
