package serve

import (
	"net/http"
	"strings"
	"sync"
)

// maxRefusalLogs is how many different refused Host or Origin values are
// logged; a page hammering the server with one name logs it once.
const maxRefusalLogs = 32

// guard refuses, with 403, every request whose Host is not one of the
// server's names (see hostRule), and every request carrying an Origin that
// is not, when the request is for the server's own paths or uses a method
// other than GET or HEAD. It wraps every route: pages, assets and the
// event stream.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hosts.allows(r.Host) {
			s.refuse(w, "Host", r.Host)
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" && s.originChecked(r) && !s.hosts.allowsOrigin(origin) {
			s.refuse(w, "Origin", origin)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// originChecked reports whether a request's Origin, when it has one, must
// be one of the server's: requests for the live-reload paths, and requests
// that are not GET or HEAD. A browser sends no Origin with a same-origin
// GET of a page, a stylesheet or a script, so pages are not affected.
func (s *Server) originChecked(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return true
	}
	return strings.HasPrefix(r.URL.Path, s.base+ReservedPrefix)
}

// refuse answers 403 and logs, once per value, what was refused and how to
// allow it.
func (s *Server) refuse(w http.ResponseWriter, header, value string) {
	setCommonHeaders(w.Header())
	http.Error(w, "403 forbidden: this development server does not answer to that "+strings.ToLower(header), http.StatusForbidden)
	if !s.refusals.first(header + " " + value) {
		return
	}
	shown := value
	if len(shown) > 200 {
		shown = shown[:200] + "..."
	}
	hint := "this server answers to localhost, loopback addresses and the address it listens on"
	if host, ok := splitHost(value); header == "Host" && ok && CheckHostPattern(host) == nil {
		hint += "; if " + normalName(host) + " is yours, restart serve with --allowed-host " + normalName(host)
	} else if header == "Host" && value == "" {
		hint = "a request without a Host header (HTTP/1.0) cannot show which site it is for"
	}
	s.logf("serve: refused a request with %s %q: %s", header, shown, hint)
}

// refusals remembers which refused values were logged, up to
// maxRefusalLogs of them.
type refusals struct {
	mu     sync.Mutex
	logged map[string]bool
}

// first reports whether key is new and may be logged.
func (f *refusals) first(key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.logged[key] || len(f.logged) >= maxRefusalLogs {
		return false
	}
	if f.logged == nil {
		f.logged = make(map[string]bool)
	}
	f.logged[key] = true
	return true
}
