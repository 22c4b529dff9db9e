package e2e

import (
	"context"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/publish"
)

// repoRoot is the repository, whose content/ is the atlas.
const repoRoot = "../.."

// An atlas is the repository's site, built, written and served.
type atlas struct {
	dir  string // the output folder
	base string // the base path: "/" or "/atlas/"
	srv  *httptest.Server

	mu      sync.Mutex
	outside []string // requested paths outside the base path
}

// published are the options of a plain "rolesite build": minified, with
// fingerprinted stylesheets and scripts. baseURL overrides base_url ("" keeps
// content/_index.md's).
func published(baseURL string) build.Options {
	return build.Options{BaseURL: baseURL, Minify: true, Fingerprint: true}
}

// serveAtlas builds the repository's atlas with the embedded theme, writes
// it to a temporary folder and serves it on 127.0.0.1 with the policy
// rolesite's _headers file asks hosts to send. The base path is the one
// the site resolves to; requests outside it get 404 and are recorded.
func serveAtlas(t *testing.T, opts build.Options) *atlas {
	t.Helper()
	res := build.Build(context.Background(), os.DirFS(repoRoot), rolesite.Theme(), opts)
	if !res.OK() {
		t.Fatalf("the atlas does not build:\n%v", res.Diagnostics)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := output.Write(dir, res.Files); err != nil {
		t.Fatal(err)
	}
	a := &atlas{dir: dir, base: res.Site.BasePath}
	a.srv = httptest.NewServer(a) // on 127.0.0.1
	t.Cleanup(a.srv.Close)
	return a
}

// url is the absolute URL of a path relative to the base ("" for the home page).
func (a *atlas) url(rel string) string { return a.srv.URL + a.base + rel }

// Outside returns the paths outside the base path that were requested.
func (a *atlas) Outside() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.outside)
}

// ServeHTTP serves the output folder as a static host does: a folder's
// index.html, a redirect for a folder without its slash, and 404.html with
// status 404 for anything else.
func (a *atlas) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", publish.ContentSecurityPolicy)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	p := r.URL.Path
	if !strings.HasPrefix(p, a.base) {
		a.mu.Lock()
		a.outside = append(a.outside, p)
		a.mu.Unlock()
		a.notFound(w)
		return
	}
	rel := strings.TrimPrefix(path.Clean("/"+strings.TrimPrefix(p, a.base)), "/")
	if strings.HasSuffix(p, "/") {
		rel = path.Join(rel, "index.html")
	}
	name := filepath.Join(a.dir, filepath.FromSlash(rel))
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	data, err := os.ReadFile(name)
	if err != nil {
		a.notFound(w)
		return
	}
	ct := mime.TypeByExtension(path.Ext(rel))
	if ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	if r.URL.Query().Has("trickle") && strings.HasPrefix(ct, "text/html") {
		trickle(r.Context(), w, data)
		return
	}
	_, _ = w.Write(data)
}

// trickle writes a page the way a slow network delivers it: its first
// 12 kB (the head, the header and the start of the content) in 600-byte
// pieces 30 ms apart, long enough for the browser to paint each partial
// page if it will, then the rest in 16 kB pieces 5 ms apart.
func trickle(ctx context.Context, w http.ResponseWriter, data []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	flusher, _ := w.(http.Flusher)
	for sent := 0; sent < len(data); {
		piece, pause := 600, 30*time.Millisecond
		if sent >= 12<<10 {
			piece, pause = 16<<10, 5*time.Millisecond
		}
		n := min(piece, len(data)-sent)
		if _, err := w.Write(data[sent : sent+n]); err != nil {
			return
		}
		sent += n
		if flusher != nil {
			flusher.Flush()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
	}
}

func (a *atlas) notFound(w http.ResponseWriter) {
	data, err := os.ReadFile(filepath.Join(a.dir, "404.html"))
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(data)
}

// pages lists the output's HTML pages as paths relative to the base, in
// order: "" for the home page, "roles/x/" for roles/x/index.html, and file
// names such as "404.html" for the rest.
func (a *atlas) pages(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(a.dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		rel, _ := filepath.Rel(a.dir, name)
		rel = filepath.ToSlash(rel)
		if rel == "index.html" || strings.HasSuffix(rel, "/index.html") {
			rel = strings.TrimSuffix(rel, "index.html")
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// isRedirect reports whether a page is an alias: a stub that sends the
// reader on to the page's new address.
func (a *atlas) isRedirect(t *testing.T, rel string) bool {
	t.Helper()
	return strings.Contains(string(a.read(t, rel)), `http-equiv="refresh"`)
}

// read returns an output file by its page path (see pages).
func (a *atlas) read(t *testing.T, rel string) []byte {
	t.Helper()
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, err := os.ReadFile(filepath.Join(a.dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
