package linkcheck

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"runtime"
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
	line int
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
	exists := make(map[string]bool, len(names))
	for _, n := range names {
		exists[n] = true
	}
	results := make([]*scanned, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i] = scanFile(site, names[i])
			}
		})
	}
	for i, n := range names {
		if strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".css") {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	ids := make(map[string]map[string]bool, len(names))
	for i, n := range names {
		if results[i] != nil {
			ids[n] = results[i].ids
		}
	}
	c := checker{base: basePath, baseURL: baseURL, exists: exists, ids: ids}
	var diags diag.List
	for i, n := range names {
		if results[i] == nil {
			continue
		}
		for _, r := range results[i].refs {
			if msg := c.check(n, r.url); msg != "" {
				diags = append(diags, diag.Diagnostic{Path: n, Line: r.line, Message: msg})
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

// scanFile reads one file's references and IDs.
func scanFile(site fs.FS, name string) *scanned {
	data, err := fs.ReadFile(site, name)
	if err != nil {
		return &scanned{ids: map[string]bool{}}
	}
	s := &scanned{ids: map[string]bool{}}
	if strings.HasSuffix(name, ".css") {
		s.cssURLs(data, data, 0)
		return s
	}
	s.html(data)
	return s
}

// lineAt is the 1-based line of the first occurrence of needle at or after
// from in data, or of from itself.
func lineAt(data []byte, from int, needle []byte) int {
	at := from
	if i := bytes.Index(data[min(from, len(data)):], needle); i >= 0 && len(needle) > 0 {
		at = from + i
	}
	return 1 + bytes.Count(data[:min(at, len(data))], []byte("\n"))
}

var refAttrs = map[string]bool{"href": true, "src": true, "action": true, "poster": true, "data": true}

// html walks an HTML document's tokens.
func (s *scanned) html(data []byte) {
	l := phtml.NewLexer(parse.NewInputBytes(data))
	var tag string
	cursor := 0
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
			val := html.UnescapeString(unquote(l.AttrVal()))
			switch {
			case key == "id" || (key == "name" && tag == "a"):
				s.ids[val] = true
			case refAttrs[key]:
				s.refs = append(s.refs, ref{url: val, line: lineAt(data, cursor, l.AttrVal())})
			case key == "srcset":
				for _, cand := range strings.Split(val, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						s.refs = append(s.refs, ref{url: f[0], line: lineAt(data, cursor, l.AttrVal())})
					}
				}
			case key == "style":
				s.cssURLs(data, []byte(val), cursor)
			case key == "http-equiv" && strings.EqualFold(val, "refresh"):
				isRefresh = true
			case key == "content":
				refreshContent = val
			}
			if isRefresh && refreshContent != "" {
				if _, u, ok := strings.Cut(strings.ToLower(refreshContent), "url="); ok {
					s.refs = append(s.refs, ref{url: strings.TrimSpace(refreshContent[len(refreshContent)-len(u):]), line: lineAt(data, cursor, []byte("url="))})
				}
				isRefresh, refreshContent = false, ""
			}
		case phtml.SVGToken:
			s.svg(data, text, cursor)
		case phtml.TextToken:
			if tag == "style" {
				s.cssURLs(data, text, cursor)
			}
		}
		if i := bytes.Index(data[min(cursor, len(data)):], text); i >= 0 && len(text) > 0 {
			cursor += i
		}
	}
}

// svg walks an inline <svg> element, which the HTML lexer hands over whole.
func (s *scanned) svg(data, svg []byte, cursor int) {
	l := xml.NewLexer(parse.NewInputBytes(svg))
	for {
		tt, _ := l.Next()
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
				s.refs = append(s.refs, ref{url: val, line: lineAt(data, cursor, l.AttrVal())})
			}
		}
	}
}

// cssURLs finds url(...) references in CSS text.
func (s *scanned) cssURLs(data, css []byte, cursor int) {
	for rest := css; ; {
		i := bytes.Index(rest, []byte("url("))
		if i < 0 {
			return
		}
		rest = rest[i+4:]
		j := bytes.IndexByte(rest, ')')
		if j < 0 {
			return
		}
		u := strings.Trim(strings.TrimSpace(string(rest[:j])), `"'`)
		s.refs = append(s.refs, ref{url: u, line: lineAt(data, cursor, []byte(u))})
		rest = rest[j+1:]
	}
}

func unquote(v []byte) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return string(v)
}
