package linkcheck

// A Reference is a URL an HTML fragment refers to, as Check finds it in a
// file (character references decoded), with the line of its tag, 1 for
// the fragment's first.
type Reference struct {
	URL  string
	Line int
}

// References returns the references in an HTML fragment, in order: what
// Check would check, were the fragment a file. It lets the author of a
// piece of HTML (raw HTML in a page's markdown) be told where a broken
// reference was written.
func References(html []byte) []Reference {
	f := newFound()
	f.html(html)
	refs := make([]Reference, len(f.refs))
	for i, r := range f.strings(html) {
		refs[i] = Reference{URL: r.url, Line: int(r.line)}
	}
	return refs
}
