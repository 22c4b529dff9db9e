package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"testing/fstest"
)

// get serves one request through the handler in memory. Its Host is
// localhost:1313 unless header sets "Host".
func get(t *testing.T, h http.Handler, method, target string, header ...string) *http.Response {
	t.Helper()
	req := localRequest(method, target)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// localRequest is httptest.NewRequest for a request to the dev server by
// one of its own names (httptest's default Host, example.com, is refused).
func localRequest(method, target string) *http.Request {
	req := httptest.NewRequest(method, target, nil)
	req.Host = "localhost:1313"
	return req
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return string(b)
}

// tagPattern matches the injected live-reload script element.
var tagPattern = regexp.MustCompile(`<script src="[^"]*__rolesite/live\.js" data-token="[^"]*" defer></script>`)

// stripTag removes the injected script element, to compare a served page
// with the file it came from.
func stripTag(s string) string { return tagPattern.ReplaceAllString(s, "") }

func mapFS(files ...string) fstest.MapFS {
	m := fstest.MapFS{}
	for i := 0; i+1 < len(files); i += 2 {
		m[files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
	}
	return m
}
