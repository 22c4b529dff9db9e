package linkcheck

// found is what a scan finds in one file. URLs found verbatim stay in the
// file's bytes until Add interns them: most recur from page to page
// (navigation, assets, shared targets), so most never need a copy.
type found struct {
	refs []rawRef
	ids  map[string]bool
}

// A rawRef is a reference as found: its URL is data[start:end] of the
// file scanned, when start >= 0, else s.
type rawRef struct {
	s          string
	start, end int32
	line       int32
}

func newFound() *found { return &found{ids: map[string]bool{}} }

// reset empties f for another file, keeping its storage.
func (f *found) reset() {
	clear(f.refs) // let go of the strings they hold
	f.refs = f.refs[:0]
	clear(f.ids)
}

func (f *found) add(url string, line int32) {
	f.refs = append(f.refs, rawRef{s: url, start: -1, line: line})
}

// addAt adds the URL data[start:end] of the file scanned.
func (f *found) addAt(start, end int, line int32) {
	f.refs = append(f.refs, rawRef{start: int32(start), end: int32(end), line: line})
}

// url returns r's URL, in data when it is there.
func (r rawRef) url(data []byte) []byte {
	if r.start < 0 {
		return nil
	}
	return data[r.start:r.end]
}

// strings returns the references in data with their URLs as strings.
func (f *found) strings(data []byte) []ref {
	refs := make([]ref, len(f.refs))
	for i, r := range f.refs {
		refs[i] = ref{url: r.s, line: r.line}
		if r.start >= 0 {
			refs[i].url = string(r.url(data))
		}
	}
	return refs
}
