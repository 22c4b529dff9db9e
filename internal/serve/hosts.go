package serve

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
)

// A hostRule decides which Host header values the server answers to: the
// loopback names always, and the names it was given. A request for any
// other name may come from a page of another site whose name was made to
// resolve to this machine (DNS rebinding), so it is refused.
type hostRule struct {
	names   map[string]bool // exact names and canonical IP literals
	domains []string        // ".example.test": that name and every name below it
	anyIP   bool            // "0.0.0.0" or "::" was given: every IP literal
}

// newHostRule returns the rule for the given patterns (see
// Options.AllowedHosts). Patterns that CheckHostPattern rejects are left out
// and returned as errors.
func newHostRule(patterns []string) (hostRule, []error) {
	h := hostRule{names: make(map[string]bool)}
	var errs []error
	for _, p := range patterns {
		name, domain, err := parseHostPattern(p)
		switch {
		case err != nil:
			errs = append(errs, err)
		case domain:
			h.domains = append(h.domains, name)
		case name == "0.0.0.0" || name == "::":
			h.anyIP = true
		default:
			h.names[name] = true
		}
	}
	return h, errs
}

// CheckHostPattern reports whether p can be given in Options.AllowedHosts: a
// host name ("docs.example.test"), a domain with a leading dot
// (".example.test": that name and every name below it), or an IP literal
// ("192.168.1.20", "fe80::1" or "[fe80::1]"), without a port.
func CheckHostPattern(p string) error {
	_, _, err := parseHostPattern(p)
	return err
}

// parseHostPattern returns the canonical form of a pattern, and whether it
// is a domain (leading dot; the dot is kept).
func parseHostPattern(p string) (name string, domain bool, err error) {
	s := normalName(strings.TrimSpace(p))
	if s == "" {
		return "", false, errors.New("an allowed host cannot be empty")
	}
	if ip, ok := ipLiteral(s, true); ok {
		return ip.String(), false, nil
	}
	if rest, ok := strings.CutPrefix(s, "."); ok {
		if !validName(rest) {
			return "", false, fmt.Errorf("%q is not a domain: give a host name after the dot, as in .example.test", p)
		}
		return s, true, nil
	}
	if !validName(s) {
		return "", false, fmt.Errorf("%q is not a host name or IP address (give a name without scheme, port or path, as in docs.example.test)", p)
	}
	return s, false, nil
}

// allows reports whether a Host header value (host, or host:port with any
// port) names this server. An empty Host (an HTTP/1.0 request without one)
// is refused: nothing shows which site the page asking for it belongs to.
func (h hostRule) allows(hostport string) bool {
	host, ok := splitHost(hostport)
	if !ok {
		return false
	}
	host = normalName(host)
	if ip, ok := ipLiteral(host, false); ok {
		return ip.IsLoopback() || h.anyIP || h.names[ip.String()]
	}
	if !validName(host) {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || h.names[host] {
		return true
	}
	for _, d := range h.domains {
		if host == d[1:] || strings.HasSuffix(host, d) {
			return true
		}
	}
	return false
}

// allowsOrigin reports whether an Origin header names a page served under
// one of this server's names. "null" (a sandboxed or file: page) does not.
func (h hostRule) allowsOrigin(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Path != "" || u.User != nil {
		return false
	}
	return h.allows(u.Host)
}

// splitHost returns the host part of a Host header value: "name",
// "name:port", "1.2.3.4:port", "[::1]:port". The port, if any, must be
// digits; it is not compared. ok is false for anything else, such as an
// IPv6 address without brackets.
func splitHost(hostport string) (string, bool) {
	host, port := hostport, ""
	if strings.HasPrefix(hostport, "[") {
		end := strings.IndexByte(hostport, ']')
		if end < 0 {
			return "", false
		}
		host, port = hostport[:end+1], hostport[end+1:]
		if port != "" && port[0] != ':' {
			return "", false
		}
	} else if i := strings.IndexByte(hostport, ':'); i >= 0 {
		host, port = hostport[:i], hostport[i:]
	}
	for _, c := range strings.TrimPrefix(port, ":") {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return host, host != ""
}

// ipLiteral parses an IP literal as a Host header holds it: IPv4 in dotted
// decimal, IPv6 in brackets. loose also takes IPv6 without brackets, as a
// pattern may be written. IPv4-mapped IPv6 addresses are unmapped.
func ipLiteral(s string, loose bool) (netip.Addr, bool) {
	if inner, ok := strings.CutPrefix(s, "["); ok {
		inner, ok = strings.CutSuffix(inner, "]")
		ip, err := netip.ParseAddr(inner)
		if !ok || err != nil || !ip.Is6() {
			return netip.Addr{}, false
		}
		return ip.Unmap(), true
	}
	ip, err := netip.ParseAddr(s)
	if err != nil || (ip.Is6() && !loose) {
		return netip.Addr{}, false
	}
	return ip.Unmap(), true
}

// normalName lower-cases a host name and drops one trailing dot: "Docs.Example." and
// "docs.example" are the same name.
func normalName(s string) string {
	return strings.TrimSuffix(strings.ToLower(s), ".")
}

// validName reports whether s is a lower-case DNS name: labels of letters,
// digits, hyphens and underscores, 1 to 63 bytes each, separated by dots,
// at most 253 bytes in all.
func validName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for _, c := range label {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}
