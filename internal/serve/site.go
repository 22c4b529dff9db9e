package serve

import (
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// siteHandler serves one request from one state, so that everything the
// request reads (the file, an index.html, a 404.html) comes from the same
// site.
type siteHandler struct {
	s    *Server
	st   *state
	rest string // the decoded path below the base
}

func (h siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.st.site == nil {
		h.s.servePlaceholder(w, h.st)
		return
	}
	name, dir, ok := siteName(h.rest)
	if !ok {
		http.Error(w, "bad request path", http.StatusBadRequest)
		return
	}
	site := h.st.site
	if dir {
		if !h.serveFile(w, path.Join(name, "index.html"), http.StatusOK) {
			h.notFound(w)
		}
		return
	}
	if h.serveFile(w, name, http.StatusOK) {
		return
	}
	if isFile(site, path.Join(name, "index.html")) {
		redirect(w, h.s.base+name+"/", r.URL.RawQuery)
		return
	}
	h.notFound(w)
}

// notFound serves the site's 404.html with status 404, or a plain 404.
func (h siteHandler) notFound(w http.ResponseWriter) {
	if !h.serveFile(w, "404.html", http.StatusNotFound) {
		http.Error(w, "404 page not found", http.StatusNotFound)
	}
}

// serveFile writes the regular file name with the given status. It returns
// false, having written nothing, when name is missing or not a regular file.
// Folders are never listed.
func (h siteHandler) serveFile(w http.ResponseWriter, name string, status int) bool {
	if viaSymlink(h.st.site, name) {
		return false
	}
	f, err := h.st.site.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	hdr := w.Header()
	if fingerprinted(name) {
		// The name changes with the content, so no copy can be stale: let
		// the browser keep it across reloads instead of fetching it again.
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
	w.WriteHeader(status)
	if _, err := io.Copy(w, f); err != nil {
		h.s.logf("serve: %s: %v", name, err)
	}
	return true
}

// fingerprinted reports whether a file's name carries a hash of its content
// the way the build names stylesheets and scripts: "css/site.3f2a9c1d0b7e.css".
func fingerprinted(name string) bool {
	base := path.Base(name)
	ext := path.Ext(base)
	if ext != ".css" && ext != ".js" {
		return false
	}
	stem := strings.TrimSuffix(base, ext)
	i := strings.LastIndexByte(stem, '.')
	if i < 0 || len(stem)-i-1 != 12 {
		return false
	}
	for _, c := range stem[i+1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// isFile reports whether name is a regular file in site.
func isFile(site fs.FS, name string) bool {
	fi, err := fs.Stat(site, name)
	return err == nil && fi.Mode().IsRegular() && !viaSymlink(site, name)
}

// viaSymlink reports whether name, or a folder on the way to it, is a
// symbolic link, when site can tell (an os.DirFS can). A built site holds
// none; one that does might point anywhere on disk, so it is not followed.
func viaSymlink(site fs.FS, name string) bool {
	lfs, ok := site.(fs.ReadLinkFS)
	if !ok {
		return false
	}
	for p := name; p != "."; p = path.Dir(p) {
		if fi, err := lfs.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return true
		}
	}
	return false
}
