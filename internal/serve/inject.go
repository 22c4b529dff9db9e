package serve

import (
	"bytes"
	"html"
	"net/http"
	"strconv"
)

// scriptTag is the live-reload script element injected into HTML pages. The
// token names the site version the page was served from.
func scriptTag(base, token string) []byte {
	return []byte(`<script src="` + html.EscapeString(base+ReservedPrefix+"live.js") +
		`" data-token="` + html.EscapeString(token) + `" defer></script>`)
}

// inject is middleware that adds tag to every HTML response of next, once:
// before the last </body>, else before the last </head>, else at the end.
// Other responses pass through untouched.
func inject(next http.Handler, tag []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		iw := &injectWriter{w: w}
		next.ServeHTTP(iw, r)
		iw.finish(tag)
	})
}

// injectWriter holds back an HTML response until it is complete.
type injectWriter struct {
	w           http.ResponseWriter
	wroteHeader bool
	html        bool // the response is HTML and is being held in buf
	status      int
	buf         bytes.Buffer
}

func (iw *injectWriter) Header() http.Header { return iw.w.Header() }

// Unwrap lets http.ResponseController reach the real writer.
func (iw *injectWriter) Unwrap() http.ResponseWriter { return iw.w }

func (iw *injectWriter) WriteHeader(status int) {
	if iw.wroteHeader {
		return
	}
	iw.wroteHeader = true
	iw.status = status
	iw.html = isHTML(iw.w.Header().Get("Content-Type"))
	if !iw.html {
		iw.w.WriteHeader(status)
	}
}

func (iw *injectWriter) Write(p []byte) (int, error) {
	if !iw.wroteHeader {
		iw.WriteHeader(http.StatusOK)
	}
	if iw.html {
		return iw.buf.Write(p)
	}
	return iw.w.Write(p)
}

// finish writes a held-back HTML response with the tag in it.
func (iw *injectWriter) finish(tag []byte) {
	if !iw.html {
		return
	}
	body := insertTag(iw.buf.Bytes(), tag)
	iw.w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	iw.w.WriteHeader(iw.status)
	iw.w.Write(body)
}

// insertTag returns page with tag inserted before the last </body>, else
// before the last </head>, else at the end. Tag names match in any case.
func insertTag(page, tag []byte) []byte {
	at := lastIndexFold(page, "</body")
	if at < 0 {
		at = lastIndexFold(page, "</head")
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// lastIndexFold returns the index of the last ASCII-case-insensitive match
// of sub in s, or -1.
func lastIndexFold(s []byte, sub string) int {
	b := []byte(sub)
	for i := len(s) - len(b); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(b)], b) {
			return i
		}
	}
	return -1
}
