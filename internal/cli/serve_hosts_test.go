package cli

import (
	"flag"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestAllowedHostFlag(t *testing.T) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var hosts hostsFlag
	fs.Var(&hosts, "allowed-host", "")
	err := fs.Parse([]string{"--allowed-host", "docs.example.test", "--allowed-host=.team.test, 192.168.1.20,", "--allowed-host", "[::1]"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"docs.example.test", ".team.test", "192.168.1.20", "[::1]"}; !slices.Equal(hosts, want) {
		t.Errorf("hosts %q, want %q", hosts, want)
	}
	if got := hosts.with(""); !slices.Equal(got, []string{"docs.example.test", ".team.test", "192.168.1.20", "[::1]", "::"}) || len(hosts) != 4 {
		t.Errorf("with the address serve listens on: %q (flag now %q)", got, hosts)
	}
	for _, bad := range []string{"example.test:1313", "http://example.test", "*", "a,b c"} {
		var h hostsFlag
		if err := h.Set(bad); err == nil {
			t.Errorf("--allowed-host %q accepted", bad)
		}
	}
	src := writeSite(t, goodSite)
	code, _, stderr := run(t, "serve", "--src", src, "--port", "0", "--allowed-host", "example.test:80")
	if code != ExitUsage || !strings.Contains(stderr, "allowed-host") {
		t.Errorf("bad --allowed-host: code %d, %s", code, stderr)
	}
}

// TestServeAnswersOnlyToItsNames runs serve and asks for a page by a name a
// rebinding attack would use, by its own names and by a name given with
// --allowed-host.
func TestServeAnswersOnlyToItsNames(t *testing.T) {
	src := writeSite(t, goodSite)
	url, stderr := devServer(t, src, "--allowed-host", "docs.example.test")
	hostport := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	_, port, _ := strings.Cut(hostport, ":")
	for host, want := range map[string]int{
		hostport:                         200,
		"localhost:" + port:              200,
		"docs.example.test:" + port:      200,
		"evil.example:" + port:           403,
		"127.0.0.1.evil.example:" + port: 403,
		"docs.example.test.evil:" + port: 403,
	} {
		for _, p := range []string{"roles/analyst/", "__rolesite/live.js"} {
			req, err := http.NewRequest("GET", url+p, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("Host %s, GET %s: %d, want %d", host, p, resp.StatusCode, want)
			}
		}
	}
	eventually(t, "the refusal to be logged", func() bool {
		return strings.Contains(stderr.String(), "--allowed-host evil.example")
	})
}
