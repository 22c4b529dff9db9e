package linkcheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/rolesite/rolesite/internal/diag"
)

// A ref is one reference found in a file.
type ref struct {
	url  string
	line int32
}

// scanned is what one file holds: its references and its element IDs.
type scanned struct {
	refs []ref
	ids  map[string]bool
}

// Check checks every HTML and CSS file in site. basePath is the URL path
// the site is served under ("/" or "/atlas/"); baseURL, when not empty, is
// the absolute URL of that path ("https://example.org/atlas/"). Problems
// name the output file (relative to the site) and line.
func Check(site fs.FS, basePath, baseURL string) diag.List {
	var names []string
	_ = fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	c := NewChecker(basePath, baseURL)
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for name := range next {
				data, _ := fs.ReadFile(site, name)
				c.Add(name, data)
			}
		})
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
	return c.Problems()
}

// A Checker takes a site's files one at a time, as a build produces them,
// keeping only each file's references and IDs, and checks them all at the
// end. Add is safe for concurrent use.
type Checker struct {
	base, baseURL string
	mu            sync.Mutex
	files         map[string]*scanned // nil for files that are not HTML or CSS
	urls          map[string]string   // interned reference URLs
}

// NewChecker returns a Checker for a site served under basePath (and
// baseURL, when not empty).
func NewChecker(basePath, baseURL string) *Checker {
	return &Checker{base: basePath, baseURL: baseURL, files: map[string]*scanned{}}
}

// Add records one file of the site. It keeps nothing of data.
func (c *Checker) Add(name string, data []byte) {
	var f *found
	switch {
	case strings.HasSuffix(name, ".html"):
		f = newFound()
		f.html(data)
	case strings.HasSuffix(name, ".css"):
		f = newFound()
		f.cssURLs(data, 1)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if f == nil {
		c.files[name] = nil
		return
	}
	// The same URLs (navigation, assets, shared targets) recur on every
	// page: keep one copy of each, and copy a URL out of data only the
	// first time.
	if c.urls == nil {
		c.urls = map[string]string{}
	}
	sc := &scanned{refs: make([]ref, len(f.refs)), ids: f.ids}
	for i, r := range f.refs {
		var u string
		var ok bool
		if b := r.url(data); b != nil {
			if u, ok = c.urls[string(b)]; !ok {
				u = string(b)
			}
		} else if u, ok = c.urls[r.s]; !ok {
			u = r.s
		}
		if !ok {
			c.urls[u] = u
		}
		sc.refs[i] = ref{url: u, line: r.line}
	}
	c.files[name] = sc
}

// Problems checks every reference of the files added.
func (c *Checker) Problems() diag.List {
	c.mu.Lock()
	defer c.mu.Unlock()
	exists := make(map[string]bool, len(c.files))
	ids := make(map[string]map[string]bool, len(c.files))
	for n, sc := range c.files {
		exists[n] = true
		if sc != nil {
			ids[n] = sc.ids
		}
	}
	ck := checker{base: c.base, baseURL: c.baseURL, exists: exists, ids: ids}
	var diags diag.List
	for n, sc := range c.files {
		if sc == nil {
			continue
		}
		for _, r := range sc.refs {
			if msg := ck.check(n, r.url); msg != "" {
				diags = append(diags, diag.Diagnostic{Path: n, Line: int(r.line), Message: msg})
			}
		}
	}
	return diags.Sorted()
}

type checker struct {
	base, baseURL string
	exists        map[string]bool
	ids           map[string]map[string]bool
}

// check returns what is wrong with one reference from file, or "".
func (c checker) check(file, raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.HasPrefix(raw, "data:") {
		return ""
	}
	if c.baseURL != "" && strings.HasPrefix(raw, c.baseURL) {
		raw = c.base + strings.TrimPrefix(raw, c.baseURL)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Sprintf("link to %q: not a valid URL", raw)
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // another origin, mailto:, tel:...
	}
	// The URL of the page or stylesheet doing the linking.
	from := c.base + file
	if strings.HasSuffix(file, "index.html") && !strings.HasSuffix(file, "/404.html") {
		from = c.base + strings.TrimSuffix(file, "index.html")
	}
	target := u.Path
	if target == "" {
		target = from
	} else if !strings.HasPrefix(target, "/") {
		target = path.Join(path.Dir(from+"x"), target)
		if strings.HasSuffix(u.Path, "/") {
			target += "/"
		}
	}
	if !strings.HasPrefix(target, c.base) && target+"/" != c.base {
		return fmt.Sprintf("link to %s leaves the site's base path %s", raw, c.base)
	}
	name := strings.TrimPrefix(target, c.base)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !c.exists[name] {
		if c.exists[name+"/index.html"] {
			name += "/index.html" // hosts redirect a folder to its slash form
		} else {
			return fmt.Sprintf("link to %s: no such file in the site", raw)
		}
	}
	if u.Fragment != "" && strings.HasSuffix(name, ".html") {
		if !c.ids[name][u.Fragment] {
			return fmt.Sprintf("link to %s: %s has no element with id %q", raw, name, u.Fragment)
		}
	}
	return ""
}
