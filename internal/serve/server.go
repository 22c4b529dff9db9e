package serve

import (
	"crypto/rand"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// ReservedPrefix is the folder under the base path that belongs to the dev
// server; a site's own files there are not reachable while serving.
const ReservedPrefix = "__rolesite/"

// maxTarget is the longest request target (path and query) served; longer
// ones get 414. Longer still, the request line exceeds the header limit of
// NewHTTPServer and net/http answers 431.
const maxTarget = 8 << 10

//go:embed assets
var assets embed.FS

// Options configure a Server.
type Options struct {
	// BasePath is the URL path the site lives under: "/" (the default) or
	// a sub-path such as "/atlas/". A full URL is accepted; its path is used.
	BasePath string
	// Logf reports what the server does not return to a caller, such as a
	// live-reload client dropped for falling behind or a refused Host. Nil
	// discards.
	Logf func(format string, args ...any)
	// AllowedHosts are the names the server answers to besides the
	// loopback names (localhost, *.localhost, 127.0.0.0/8, [::1]): the
	// address it listens on, and names the user gave. Each is a host name,
	// a domain with a leading dot (".example.test": that name and every
	// name below it) or an IP literal, without a port; "0.0.0.0" or "::"
	// (listening on every address) allows every IP literal. Check entries
	// with CheckHostPattern: New logs and leaves out any it rejects.
	AllowedHosts []string
}

// A Server serves the latest published site with live reload. Create one
// with New; it is safe for concurrent use.
type Server struct {
	base     string // "/" or "/atlas/": starts and ends with a slash
	logf     func(format string, args ...any)
	instance string // random, new for every Server: tokens from an earlier run never match
	live     *live
	problems *template.Template // the page shown while there is no site
	hosts    hostRule           // the Host names requests may carry
	refusals refusals           // refused Hosts and Origins already logged
	previews previews           // pages' new bytes from builds not yet done

	generation uint64 // guarded by live.mu: changed only inside live.update
}

// New returns a Server with nothing published yet: until the first Publish,
// every page says the site is being built (or lists the problems given to
// Fail) and reloads itself when the site arrives.
func New(opts Options) *Server {
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	s := &Server{
		base:     basePath(opts.BasePath),
		logf:     logf,
		instance: rand.Text()[:12],
		problems: template.Must(template.ParseFS(assets, "assets/problems.html")),
	}
	s.live = newLive(&state{token: s.instance + ".0"}, logf)
	hosts, errs := newHostRule(opts.AllowedHosts)
	for _, err := range errs {
		logf("serve: allowed hosts: %v; left out", err)
	}
	s.hosts = hosts
	return s
}

// Close ends every live-reload stream and refuses new ones, so that
// http.Server.Shutdown does not wait for them. Pages keep being served.
func (s *Server) Close() { s.live.close() }

// Handler returns the HTTP handler serving the site and the live-reload
// paths, to requests for the server's own names only (see guard).
func (s *Server) Handler() http.Handler { return s.guard(http.HandlerFunc(s.route)) }

// route checks the request and hands it to the site or to the server's own
// paths.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	setCommonHeaders(w.Header())
	if len(r.RequestURI) > maxTarget {
		http.Error(w, "request URI too long", http.StatusRequestURITooLong)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, s.base) {
		if p == "/" || p+"/" == s.base {
			redirect(w, s.base, r.URL.RawQuery)
			return
		}
		http.Error(w, "not found: the site is served under "+s.base, http.StatusNotFound)
		return
	}
	rest := p[len(s.base):]
	if name, ok := strings.CutPrefix(rest, ReservedPrefix); ok {
		s.serveOwn(w, r, name)
		return
	}
	if !cleanRawPath(r.URL) {
		http.Error(w, "bad request path", http.StatusBadRequest)
		return
	}
	st := s.live.current()
	inject(siteHandler{s: s, st: st, rest: rest}, scriptTag(s.base, st.token)).ServeHTTP(w, r)
}

// serveOwn serves the paths under ReservedPrefix.
func (s *Server) serveOwn(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "events":
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s.serveEvents(w, r)
	case "live.js", "overlay.css":
		data, err := assets.ReadFile("assets/" + name)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		writeBody(w, http.StatusOK, contentType(name), data)
	default:
		if n, ok := strings.CutPrefix(name, "preview/"); ok {
			s.servePreview(w, r, n)
			return
		}
		http.Error(w, "not found", http.StatusNotFound)
	}
}

// basePath normalises a base path or URL to "/", or "/x/" form, decoded
// ("/a b/" for /a%20b/), as request paths come.
func basePath(p string) string {
	if u, err := url.Parse(p); err == nil {
		p = u.Path
	}
	p = path.Clean("/" + p)
	if p == "/" {
		return p
	}
	return p + "/"
}

// redirect sends a 302 to the path target, keeping the query. Not 301:
// browsers cache those, and a dev site changes.
func redirect(w http.ResponseWriter, target, rawQuery string) {
	u := url.URL{Path: target, RawQuery: rawQuery}
	w.Header().Set("Location", u.String())
	w.WriteHeader(http.StatusFound)
}
