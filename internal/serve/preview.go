package serve

import (
	"bytes"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// keptPreviews is how many previews the server holds for pages to fetch:
// a page fetches its preview as soon as it is told, and the publish that
// follows makes it moot.
const keptPreviews = 8

// previews holds the latest previews by number.
type previews struct {
	mu   sync.Mutex
	next uint64
	kept []preview // oldest first, at most keptPreviews
}

// A preview is one page's new bytes from a build still running.
type preview struct {
	n    uint64
	data []byte
}

// add keeps data as the newest preview and returns its number.
func (p *previews) add(data []byte) uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.next++
	if len(p.kept) == keptPreviews {
		p.kept = slices.Delete(p.kept, 0, 1)
	}
	p.kept = append(p.kept, preview{n: p.next, data: data})
	return p.next
}

// get returns preview n, if it is still kept.
func (p *previews) get(n uint64) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, k := range p.kept {
		if k.n == n {
			return k.data, true
		}
	}
	return nil, false
}

// Open returns the site files (such as "roles/analyst/index.html") of the
// pages open in a browser now, each once: a build can render them first
// and show them with Preview.
func (s *Server) Open() []string { return s.live.pages() }

// Preview shows the pages open on the site file name its new bytes, from
// a build that has not finished: each such page fetches them and updates
// itself in place, as on an "update" event, but quietly (it keeps what it
// shows when it cannot). The site served does not change: the build's
// Publish (or Fail) follows, and tells every page as always. Bytes equal
// to the served file's are not sent. Preview copies data.
func (s *Server) Preview(name string, data []byte) {
	if st := s.live.current(); st.site != nil {
		if old, err := fs.ReadFile(st.site, name); err == nil && bytes.Equal(old, data) {
			return
		}
	}
	s.live.tell(name, func() []byte {
		n := s.previews.add(bytes.Clone(data))
		return event("preview", strconv.FormatUint(n, 10))
	})
}

// servePreview serves preview number n as a page of the current site.
func (s *Server) servePreview(w http.ResponseWriter, r *http.Request, n string) {
	num, err := strconv.ParseUint(n, 10, 64)
	data, ok := s.previews.get(num)
	if err != nil || !ok {
		http.Error(w, "no such preview: it was replaced by later ones", http.StatusNotFound)
		return
	}
	st := s.live.current()
	inject(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeBody(w, http.StatusOK, contentType("index.html"), data)
	}), scriptTag(s.base, st.token)).ServeHTTP(w, r)
}

// pageOf turns the page a live-reload connection says it is on (its URL
// path, as location.pathname gives it) into the site file that page
// serves; "" for a path outside the base or not a clean name.
func (s *Server) pageOf(urlPath string) string {
	p, err := url.PathUnescape(urlPath)
	if err != nil {
		return ""
	}
	rest, ok := strings.CutPrefix(p, s.base)
	if !ok {
		return ""
	}
	name, dir, ok := siteName(rest)
	switch {
	case !ok:
		return ""
	case dir:
		return path.Join(name, "index.html")
	}
	return name
}
