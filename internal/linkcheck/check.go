package linkcheck

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
	"github.com/tdewolff/parse/v2/xml"

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

// Add records one file of the site.
func (c *Checker) Add(name string, data []byte) {
	var sc *scanned
	switch {
	case strings.HasSuffix(name, ".html"):
		sc = &scanned{ids: map[string]bool{}}
		sc.html(data)
	case strings.HasSuffix(name, ".css"):
		sc = &scanned{ids: map[string]bool{}}
		sc.cssURLs(data, 1)
	}
	c.mu.Lock()
	if sc != nil {
		// The same URLs (navigation, assets, shared targets) recur on every
		// page: keep one copy of each.
		if c.urls == nil {
			c.urls = map[string]string{}
		}
		for i, r := range sc.refs {
			if u, ok := c.urls[r.url]; ok {
				sc.refs[i].url = u
			} else {
				c.urls[r.url] = r.url
			}
		}
		sc.refs = slices.Clip(sc.refs)
	}
	c.files[name] = sc
	c.mu.Unlock()
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

var refAttrs = map[string]bool{"href": true, "src": true, "action": true, "poster": true, "data": true}

// html walks an HTML document's tokens. The lexer is lossless, so a token's
// place is the sum of the lengths before it; lines are counted as the
// tokens go by, never from the start again.
func (s *scanned) html(data []byte) {
	l := phtml.NewLexer(parse.NewInputBytes(data))
	var tag string
	line := int32(1)
	var refreshContent string
	var isRefresh bool
	for {
		tt, text := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return
		case phtml.StartTagToken:
			tag = strings.ToLower(string(l.Text()))
			isRefresh, refreshContent = false, ""
		case phtml.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			raw := l.AttrVal()
			at := line + int32(bytes.Count(text[:max(0, bytes.Index(text, raw))], []byte("\n")))
			val := html.UnescapeString(unquote(raw))
			switch {
			case key == "id" || (key == "name" && tag == "a"):
				s.ids[val] = true
			case refAttrs[key]:
				s.refs = append(s.refs, ref{url: val, line: at})
			case key == "srcset":
				for _, cand := range strings.Split(val, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						s.refs = append(s.refs, ref{url: f[0], line: at})
					}
				}
			case key == "style":
				s.cssURLs([]byte(val), at)
			case key == "http-equiv" && strings.EqualFold(val, "refresh"):
				isRefresh = true
			case key == "content":
				refreshContent = val
			}
			if isRefresh && refreshContent != "" {
				if _, u, ok := strings.Cut(strings.ToLower(refreshContent), "url="); ok {
					s.refs = append(s.refs, ref{url: strings.TrimSpace(refreshContent[len(refreshContent)-len(u):]), line: at})
				}
				isRefresh, refreshContent = false, ""
			}
		case phtml.SVGToken:
			s.svg(text, line)
		case phtml.TextToken:
			if tag == "style" {
				s.cssURLs(text, line)
			}
		}
		line += int32(bytes.Count(text, []byte("\n")))
	}
}

// svg walks an inline <svg> element, which the HTML lexer hands over whole,
// starting on the given line.
func (s *scanned) svg(svg []byte, line int32) {
	l := xml.NewLexer(parse.NewInputBytes(svg))
	for {
		tt, text := l.Next()
		switch tt {
		case xml.ErrorToken:
			return
		case xml.AttributeToken:
			key := strings.ToLower(string(l.Text()))
			val := html.UnescapeString(unquote(l.AttrVal()))
			switch key {
			case "id":
				s.ids[val] = true
			case "href", "xlink:href":
				s.refs = append(s.refs, ref{url: val, line: line})
			}
		}
		line += int32(bytes.Count(text, []byte("\n")))
	}
}

// cssURLs finds url(...) references in CSS text that starts on the given line.
func (s *scanned) cssURLs(css []byte, line int32) {
	for rest := css; ; {
		i := bytes.Index(rest, []byte("url("))
		if i < 0 {
			return
		}
		line += int32(bytes.Count(rest[:i], []byte("\n")))
		rest = rest[i+4:]
		j := bytes.IndexByte(rest, ')')
		if j < 0 {
			return
		}
		u := strings.Trim(strings.TrimSpace(string(rest[:j])), `"'`)
		s.refs = append(s.refs, ref{url: u, line: line})
		line += int32(bytes.Count(rest[:j], []byte("\n")))
		rest = rest[j+1:]
	}
}

func unquote(v []byte) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return string(v)
}
