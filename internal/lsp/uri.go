package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
)

// siteURI returns the file: URI of a site path.
func (s *Server) siteURI(name string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(s.opts.Root, filepath.FromSlash(name)))}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // a Windows drive letter
	}
	return u.String()
}

// sitePath returns the site path of a file: URI, and false for a URI
// that names no file in the site folder.
func (s *Server) sitePath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	p := filepath.FromSlash(u.Path)
	if len(p) > 2 && p[0] == '\\' && p[2] == ':' {
		p = p[1:] // \C:\... on Windows
	}
	if real, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		p = filepath.Join(real, filepath.Base(p))
	}
	rel, err := filepath.Rel(s.opts.Root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
