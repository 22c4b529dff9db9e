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
}
