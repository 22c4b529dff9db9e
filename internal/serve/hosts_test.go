package serve

import (
	"strings"
	"testing"
)

func TestHostRule(t *testing.T) {
	rule, errs := newHostRule([]string{"192.168.1.20", "Docs.Example.Test.", ".team.test", "fe80::1", "mybox"})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		host string
		want bool
	}{
		// Loopback names, with and without a port, any case, trailing dot.
		{"localhost", true},
		{"localhost:1313", true},
		{"localhost:80", true},
		{"localhost:", true},
		{"LOCALHOST:1313", true},
		{"localhost.", true},
		{"localhost.:1313", true},
		{"app.localhost", true},
		{"a.b.localhost:1313", true},
		{"127.0.0.1", true},
		{"127.0.0.1:1313", true},
		{"127.0.0.1.", true},
		{"127.1.2.3:8080", true},
		{"[::1]", true},
		{"[::1]:1313", true},
		{"[0:0:0:0:0:0:0:1]:1313", true},
		{"[::ffff:127.0.0.1]:1313", true},
		// Names given to the server.
		{"192.168.1.20:1313", true},
		{"docs.example.test", true},
		{"DOCS.EXAMPLE.TEST:1313", true},
		{"docs.example.test.", true},
		{"team.test", true},
		{"a.team.test:1", true},
		{"a.b.team.test", true},
		{"[fe80::1]:1313", true},
		{"mybox:1313", true},
		// Everything else.
		{"", false},
		{":1313", false},
		{"evil.com", false},
		{"evil.com:1313", false},
		{"localhost.evil.com", false},
		{"localhost.evil.com:1313", false},
		{"evillocalhost", false},
		{"127.0.0.1.example.com", false},
		{"127.0.0.1.nip.io:1313", false},
		{"127.0.0.1:1313.evil.com", false},
		{"192.168.1.21", false},
		{"10.0.0.1:1313", false},
		{"[::2]:1313", false},
		{"::1", false},
		{"[::1", false},
		{"[::1]x", false},
		{"[127.0.0.1]", false},
		{"localhost:port", false},
		{"localhost:1313:1313", false},
		{"example.test", false},
		{"xteam.test", false},
		{"other.docs.example.test", false},
		{"mybox.evil.com", false},
		{"localhost..", false},
		{"local host", false},
		{"localhost\x00.evil.com", false},
		{"2130706433", false},
		{"0x7f.0.0.1", false},
		{"0.0.0.0:1313", false},
		{"%6cocalhost", false},
		{"..", false},
		{"-", false},
	}
	for _, tt := range tests {
		if got := rule.allows(tt.host); got != tt.want {
			t.Errorf("allows(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}

func TestHostRuleUnspecifiedAddressAllowsIPLiterals(t *testing.T) {
	for _, bind := range []string{"0.0.0.0", "::", "[::]"} {
		rule, errs := newHostRule([]string{bind})
		if len(errs) != 0 {
			t.Fatal(errs)
		}
		for host, want := range map[string]bool{
			"192.168.1.20:1313": true, "[fe80::1]:1313": true, "0.0.0.0:1313": true,
			"evil.com:1313": false, "192.168.1.20.nip.io": false,
		} {
			if got := rule.allows(host); got != want {
				t.Errorf("bound to %s: allows(%q) = %v, want %v", bind, host, got, want)
			}
		}
	}
}

func TestCheckHostPattern(t *testing.T) {
	for _, ok := range []string{"example.test", "Example.Test.", ".example.test", "mybox", "192.168.1.20", "::1", "[fe80::1]", "0.0.0.0", " spaced.test "} {
		if err := CheckHostPattern(ok); err != nil {
			t.Errorf("CheckHostPattern(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", " ", ".", "..example.test", "example.test:1313", "http://example.test", "example.test/x", "*", "*.example.test", "exa mple.test", "[example.test]", "a..b"} {
		if err := CheckHostPattern(bad); err == nil {
			t.Errorf("CheckHostPattern(%q) accepted it", bad)
		}
	}
}

func TestHostRuleOrigin(t *testing.T) {
	rule, _ := newHostRule([]string{"docs.example.test"})
	for origin, want := range map[string]bool{
		"http://localhost:1313":          true,
		"http://127.0.0.1:1313":          true,
		"http://[::1]:1313":              true,
		"https://docs.example.test":      true,
		"http://evil.com":                false,
		"http://localhost.evil.com:1313": false,
		"null":                           false,
		"file://":                        false,
		"ftp://localhost":                false,
		"http://localhost:1313/path":     false,
		"http://user@localhost:1313":     false,
		"":                               false,
	} {
		if got := rule.allowsOrigin(origin); got != want {
			t.Errorf("allowsOrigin(%q) = %v, want %v", origin, got, want)
		}
	}
}

func TestNewLeavesOutBadPatterns(t *testing.T) {
	var logged []string
	s := New(Options{AllowedHosts: []string{"good.test", "bad.test:1313"}, Logf: func(f string, a ...any) {
		logged = append(logged, f)
	}})
	if !s.hosts.allows("good.test") || s.hosts.allows("bad.test") {
		t.Error("the good pattern is not used, or the bad one is")
	}
	if len(logged) != 1 || !strings.Contains(logged[0], "allowed hosts") {
		t.Errorf("logged %q, want one line about the bad pattern", logged)
	}
}
