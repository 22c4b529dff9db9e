package serve

import (
	"bytes"
	"net/http"
	"strconv"

	"github.com/rolesite/rolesite/internal/diag"
)

// servePlaceholder answers every page request while no site has been
// published: a page listing the problems (500) or saying the build is under
// way (503). Either reloads itself when the first site arrives.
func (s *Server) servePlaceholder(w http.ResponseWriter, st *state) {
	status := http.StatusServiceUnavailable
	if len(st.problems) > 0 {
		status = http.StatusInternalServerError
	}
	var b bytes.Buffer
	err := s.problems.Execute(&b, struct {
		Base     string
		Problems []diag.Diagnostic
	}{s.base, st.problems})
	if err != nil {
		http.Error(w, "internal error: "+err.Error(), http.StatusInternalServerError)
		return
	}
	writeBody(w, status, "text/html; charset=utf-8", b.Bytes())
}

// writeBody writes a complete response held in memory.
func writeBody(w http.ResponseWriter, status int, ctype string, body []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}
